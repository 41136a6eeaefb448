"""Key-term extraction: quantities, identifiers, dates and polarity read from text."""

from __future__ import annotations

import math
from datetime import date

import pytest

from tracker.match.normalize import normalise, stem, tokenize
from tracker.match.terms import parse


def test_units_are_split_from_numbers() -> None:
    parsed = parse("a 4,860mAh battery, a 6.73-inch display and 50.3MP")
    found = [(q.value, q.unit, q.places) for q in parsed.quantities]
    assert found == [(4860.0, "mAh", 0), (6.73, "inch", 2), (50.3, "MP", 1)]


def test_money_in_symbols_and_words() -> None:
    parsed = parse("from $1,099, CNY 5,999 or 44,999 yuan")
    assert [(q.value, q.unit) for q in parsed.quantities] == [
        (1099.0, "USD"),
        (5999.0, "CNY"),
        (44999.0, "CNY"),
    ]
    assert parsed.quantities[0].starting


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("at least 4 cores", 4.0, math.inf),
        ("up to 8 cores", 8.0, 8.0),
        ("fewer than 106 reviews", -math.inf, 106.0),
        ("about 100 reviews", 90.0, 110.0),
        ("$300 to $500", 300.0, 500.0),
    ],
)
def test_bounds_and_hedges_make_intervals(text: str, low: float, high: float) -> None:
    quantity = parse(text, merge_ranges=True).quantities[0]
    assert quantity.low == pytest.approx(low)
    assert quantity.high == pytest.approx(high)


def test_comparison_values_are_marked() -> None:
    parsed = parse("a 7.4-inch screen (up from 7 inches), faster than 60 Hz")
    assert [q.comparison for q in parsed.quantities] == [False, True, True]


def test_counts_take_their_own_noun_as_unit() -> None:
    parsed = parse("16,384 CUDA cores and 36 compute units")
    assert [q.unit for q in parsed.quantities] == ["n:cor", "n:unit"]


def test_resolutions_are_one_value_either_way_round() -> None:
    first = parse("a 2400 x 1080 display").quantities[0]
    second = parse("a 1080 x 2400 display").quantities[0]
    assert first.unit == "px" and first.value == second.value


def test_identifiers_keep_their_variant_words() -> None:
    parsed = parse("Xiaomi launched the Xiaomi 12S Ultra with the Snapdragon 8+ Gen 1.")
    assert [i.words for i in parsed.idents] == [
        ("xiaomi", "12s", "ultra"),
        ("snapdragon", "8+", "gen", "1"),
    ]


def test_negated_identifier() -> None:
    parsed = parse("The iPhone 14 uses the A15, not the A16.")
    assert [(i.key, i.negated) for i in parsed.idents] == [
        ("iphone 14", False),
        ("a15", False),
        ("a16", True),
    ]


def _days(text: str, year: int | None = 2022) -> tuple[date, date]:
    period = parse(text, year).periods[0]
    return date.fromordinal(int(period.low)), date.fromordinal(int(period.high))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("on 4 July 2022", date(2022, 7, 4), date(2022, 7, 4)),
        ("on July 4, 2022", date(2022, 7, 4), date(2022, 7, 4)),
        ("on 2022-07-04", date(2022, 7, 4), date(2022, 7, 4)),
        ("in July", date(2022, 7, 1), date(2022, 7, 31)),
        ("in Q3 2022", date(2022, 7, 1), date(2022, 9, 30)),
        ("in the second half of 2023", date(2023, 7, 1), date(2023, 12, 31)),
        ("in May or June 2023", date(2023, 5, 1), date(2023, 6, 30)),
    ],
)
def test_dates_and_periods(text: str, first: date, last: date) -> None:
    assert _days(text) == (first, last)


def test_bounded_dates() -> None:
    before = parse("born before 1985").periods[0]
    after = parse("born after 1990").periods[0]
    assert before.low == -math.inf and date.fromordinal(int(before.high)) == date(1984, 12, 31)
    assert after.high == math.inf and date.fromordinal(int(after.low)) == date(1991, 1, 1)


def test_may_the_verb_is_not_a_month() -> None:
    assert parse("Apple may add a blue finish", 2022).periods == []


def test_polarity_cues() -> None:
    assert parse("It will not have a new chip.").negation
    assert parse("Leica won't co-engineer it.").negation
    assert not parse("It will have a new chip.").negation


def test_normalise_closes_spaced_punctuation() -> None:
    assert normalise("rated 60 % , on Rotten Tomatoes .") == "rated 60%, on Rotten Tomatoes."


def test_stems_equate_inflections() -> None:
    assert stem("reviews") == stem("review")
    assert stem("launched") == stem("launch")
    # irregular past forms meet their verb; LED stays a display, not "lead"
    assert stem("broke") == stem("breaking") == stem("breaks")
    assert stem("sold") == stem("selling")
    assert stem("led") != stem("leading")


def test_hyphenated_prefixes_make_one_word() -> None:
    assert [t.low for t in tokenize("pre-order")] == ["preorder"]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        # A figure with nothing after it counts the noun written before it with "of".
        ("The album had sales of 3.4 million.", "n:sal", 3_400_000),
        ("The album had sales of less than 3 million worldwide.", "n:sal", 3_000_000),
        # An adverb after a figure is not its noun; a scaled figure is kept all the same,
        # its scope word telling it from other such figures.
        ("The film has earned 31.5 crore worldwide.", "n:worldwid", 315_000_000),
        ("The app has 100 million daily active users.", "n:user", 100_000_000),
    ],
)
def test_a_figures_noun_may_stand_before_it(text: str, unit: str, value: float) -> None:
    (quantity,) = parse(text).quantities
    assert (quantity.unit, quantity.value) == (unit, value)


def test_a_capitalised_word_of_a_title_is_no_verb() -> None:
    parsed = parse("The Man Who Sold Maps has fewer than 40 reviews.")
    assert parsed.tokens[parsed.verb].text == "has"
    irregular = parse("In 2011, Mara began dating Tomas Lind.")
    assert irregular.tokens[irregular.verb].text == "began"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("It costs C$999.", "CAD"),
        ("It costs HK$999.", "HKD"),
        ("It costs US$999.", "USD"),
        ("It costs $999.", "USD"),
        ("A $999 phone.", "USD"),
    ],
)
def test_letters_before_a_dollar_sign_name_the_dollar(text: str, unit: str) -> None:
    (quantity,) = parse(text).quantities
    assert quantity.unit == unit
