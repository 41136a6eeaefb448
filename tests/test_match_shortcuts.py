"""Shortcuts taken for speed give exactly what the plain way gives."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.match import context, normalize, subjects, terms
from tracker.match.claim import _plain_value
from tracker.match.kinds import Ident, Period, Quantity
from tracker.match.reading import read

SPACED_TEXT = st.text(alphabet=st.sampled_from(list(" \t\n,.;:%)!?aZ1-'s")), max_size=30)


@settings(deadline=None, max_examples=500)
@given(SPACED_TEXT)
def test_the_quick_scan_finds_every_spaced_mark(text: str) -> None:
    if normalize._SPACED_PUNCT.search(text):
        assert normalize._MAYBE_SPACED.search(text)


@settings(deadline=None, max_examples=200)
@given(SPACED_TEXT)
def test_normalise_equals_the_plain_substitution(text: str) -> None:
    plain = text.translate(normalize._TRANSLATE)
    if "'" in plain:
        plain = normalize._SPACED_POSSESSIVE.sub("'s", plain)
        plain = normalize._CONTRACTION.sub(normalize._expand, plain)
        plain = normalize._POSSESSIVE.sub(r"\1 's", plain)
    plain = normalize._SPACED_PUNCT.sub(r"\1", plain)
    plain = normalize._ISO_DATE.sub(normalize._spell_iso, plain)
    assert normalize.normalise(text) == plain


def test_a_term_with_its_written_text_equals_replace() -> None:
    for term in (
        Quantity(50.0, "MP", 50.0, 50.0, 0, 3, 4, "50 MP", starting=True),
        Ident(("xiaomi", "12s", "ultra"), 0, 2, "Xiaomi 12S Ultra", negated=True),
        Period(1.0, 31.0, 5, 6, "July 2022", day=False, span=True),
    ):
        copy = terms._with_text(term, "written")
        assert copy == replace(term, text="written")
        assert type(copy) is type(term)
        assert term.text != "written"  # the original is left as it was


def test_terms_keep_their_text_as_written() -> None:
    parsed = terms.parse("The 50.3MP sensor and a 6.73-inch screen cost $1,099.")
    assert [q.text for q in parsed.quantities] == ["50.3MP", "6.73-inch", "$1,099"]


def test_a_plain_value_equals_its_reading_words() -> None:
    for value in ("USB-C", "Lightning port", "matte black", "12MP", "July 2022", "A16 Bionic"):
        parsed = read(value, 2022).parsed
        plain = () if parsed.quantities or parsed.periods or parsed.idents else parsed.content()
        assert _plain_value(value, 2022, ()) == tuple(t.stem for t in plain)
    assert re.fullmatch(r"\w+", _plain_value("Lightning", None, ())[0])


WORDS = st.text(alphabet=st.sampled_from(list("abcdeflnrsu")), min_size=1, max_size=9)


@settings(deadline=None, max_examples=500)
@given(WORDS | st.sampled_from(["announc", "unveil", "pric", "releas"]), st.frozensets(WORDS))
def test_covered_equals_its_definition(word: str, stems: frozenset[str]) -> None:
    stems |= {"@announce"} if len(stems) % 2 else set()
    head = word[:5]
    expected = (
        word in stems
        or any(c in stems for c in context.classes(word))
        or (
            len(word) >= 6
            and any(s.startswith(head) and abs(len(s) - len(word)) <= 3 for s in stems)
        )
    )
    assert context.covered(word, stems) == expected


def test_a_remembered_owner_is_the_owner() -> None:
    statement = read("Pixel 7 starts at $599 and Pixel 7 Pro at $899; the Watch costs $349.", 2022)
    assert len(statement.parsed.quantities) == 3
    owners = set()
    for q in statement.parsed.quantities:
        for names in (True, False):
            first = subjects.statement_owner(statement, q.start, q.end, names)
            assert first == subjects._owner(statement.parsed, q.start, q.end, names)
            assert subjects.statement_owner(statement, q.start, q.end, names) is first
            owners.add(first.text if first else None)
    assert {"Pixel 7", "Pixel 7 Pro"} <= owners
    assert statement == read(
        "Pixel 7 starts at $599 and Pixel 7 Pro at $899; the Watch costs $349.", 2022
    )
