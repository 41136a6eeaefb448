"""Properties of the engine that must hold for any input, checked with hypothesis."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CLAIMS
from tests.match_support import claim, statement
from tracker.config import Config
from tracker.load import load
from tracker.match import judge
from tracker.model import Status, Story
from tracker.result import Verdict

STORIES = load([CLAIMS]).stories
UNRELATED_WORDS = [
    "garden",
    "river",
    "orchard",
    "violin",
    "meadow",
    "lantern",
    "harbour",
    "pebble",
    "quilt",
    "tundra",
]

BRANDS = st.sampled_from(["Xiaomi", "Pixel", "Galaxy", "Nothing Phone", "Framework Laptop"])
SLOTS = st.sampled_from(["main camera", "front camera", "battery", "display", "charger"])
UNITS = st.sampled_from(["MP", "mAh", "W", "Hz", "GB", "-inch"])
NUMBERS = st.integers(min_value=2, max_value=9999)
MONTHS = st.sampled_from(["January", "March", "July", "October"])


def _summary(verdicts: list[Verdict]) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted(
        (v.claim.ref, str(v.status), tuple(sorted(e.statement for e in v.evidence)))
        for v in verdicts
    )


@settings(deadline=None, max_examples=30)
@given(words=st.lists(st.sampled_from(UNRELATED_WORDS), min_size=3, max_size=12))
def test_an_unrelated_statement_changes_no_verdict(words: list[str]) -> None:
    before = _summary(judge(STORIES, Config()))
    extra = " ".join(words).capitalize() + "."
    widened = [
        replace(s, statements=(*s.statements, statement(extra, story=s.id, id="unrelated")))
        for s in STORIES
    ]
    assert _summary(judge(widened, Config())) == before


@settings(deadline=None, max_examples=30)
@given(data=st.data())
def test_order_of_files_and_statements_changes_nothing(data: st.DataObject) -> None:
    before = _summary(judge(STORIES, Config()))
    stories: list[Story] = data.draw(st.permutations(list(STORIES)))
    shuffled = [
        replace(s, statements=tuple(data.draw(st.permutations(list(s.statements)))))
        for s in stories
    ]
    assert _summary(judge(shuffled, Config())) == before


@st.composite
def sentences(draw: st.DrawFn) -> str:
    brand, slot, unit = draw(BRANDS), draw(SLOTS), draw(UNITS)
    number, model = draw(NUMBERS), draw(st.integers(min_value=1, max_value=30))
    month, year = draw(MONTHS), draw(st.integers(min_value=2015, max_value=2030))
    templates = [
        f"The {brand} {model} has a {number}{unit} {slot}.",
        f"The {brand} {model} will launch in {month} {year}.",
        f"The {brand} {model} does not have a {slot}.",
        f"The {brand} {model} starts at ${number} with a {number}{unit} {slot}.",
    ]
    return draw(st.sampled_from(templates))


@settings(deadline=None, max_examples=60)
@given(
    text=st.one_of(sentences(), st.sampled_from([s.text for x in STORIES for s in x.statements]))
)
def test_a_claim_copied_from_a_statement_is_confirmed(text: str) -> None:
    story = Story("s", "story", "s.yaml", None, (claim(text),), (statement(text),))
    assert judge([story], Config())[0].status is Status.CONFIRMED


# Pieces the engine reads as terms, so random texts reach its rules, not only its
# tokenizer: figures, units, bounds, dates, model names, negations, names, punctuation.
PIECES = st.sampled_from(
    [
        "Acme",
        "Phone",
        "2",
        "(2)",
        "12S",
        "Ultra",
        "Gen",
        "8+",
        "codenamed",
        "code-named",
        "50MP",
        "50.3",
        "MP",
        "$",
        "1,099",
        "€5",
        "crore",
        "million",
        "-inch",
        "inch",
        "mm",
        "GB",
        "TB",
        "f/1.8",
        "x",
        "2400",
        "1080",
        "%",
        "more than",
        "under",
        "or more",
        "+",
        "about",
        "from",
        "to",
        "than",
        "up from",
        "as of",
        "before",
        "after",
        "end of",
        "Q3",
        "2022",
        "1999",
        "July",
        "4",
        "mid-July",
        "early",
        "late",
        "1st",
        "second",
        "first",
        "will",
        "not",
        "no longer",
        "removes",
        "without",
        "cancelled",
        "'s",
        "Samsung",
        "Display",
        "made by",
        "the",
        "a",
        "all",
        "every",
        "four",
        "models",
        "camera",
        "front",
        "main",
        "release",
        "price",
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
        "\u2013",
        "-",
        "'",
        '"',
        "\u00e9",
        "\u0130",
        "\u202e",
        "\t",
        "  ",
    ]
)
TERM_TEXT = st.lists(PIECES, min_size=1, max_size=25).map(" ".join) | st.text(max_size=60)


@settings(deadline=None, max_examples=300)
@given(
    claim_text=TERM_TEXT,
    statement_text=TERM_TEXT,
    subject=st.none() | TERM_TEXT,
    attribute=st.none() | TERM_TEXT,
    value=st.none() | TERM_TEXT,
    reported=st.none() | st.dates().map(str),
    dated=st.none() | st.dates().map(str),
    stated=st.none() | TERM_TEXT,
)
def test_any_text_gets_a_verdict_and_never_raises(
    claim_text: str,
    statement_text: str,
    subject: str | None,
    attribute: str | None,
    value: str | None,
    reported: str | None,
    dated: str | None,
    stated: str | None,
) -> None:
    story = Story(
        "s",
        "story",
        "s.yaml",
        None,
        (
            claim(
                claim_text or "x",
                subject=subject,
                attribute=attribute,
                value=value,
                reported=reported,
            ),
        ),
        # The statement states a structured fact of the same subject and attribute.
        (
            statement(
                statement_text or "x",
                date=dated,
                subject=subject,
                attribute=attribute,
                value=stated,
            ),
        ),
    )
    (verdict,) = judge([story], Config())
    assert verdict.status in (Status.CONFIRMED, Status.CONTRADICTED, Status.RUMOURED)
    # Evidence only names statements of the story, and a verdict other than rumoured
    # always shows the statement that decided it.
    assert all(e.statement == "s/t" for e in (*verdict.evidence, *verdict.near_misses))
    if verdict.status is not Status.RUMOURED:
        assert verdict.evidence
