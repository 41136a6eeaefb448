"""Bounds on large figures, older years and lone dates, in contrastive pairs."""

from __future__ import annotations

import pytest

from tests.match_support import claim, relation, statement
from tracker.match.claim import read_claim
from tracker.match.reading import read_statement
from tracker.match.relation import Thresholds, relate
from tracker.match.terms import parse
from tracker.result import Relation


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The film grossed more than $ 300 million worldwide .", Relation.SUPPORTS),
        ("The film grossed more than $ 323 million worldwide .", Relation.CONTRADICTS),
        ("The film grossed less than $ 324 million worldwide .", Relation.SUPPORTS),
        ("The film grossed less than $ 323 million worldwide .", Relation.CONTRADICTS),
    ],
)
def test_a_strict_bound_excludes_its_own_large_figure(claim: str, expected: Relation) -> None:
    statement = "It has grossed $ 323 million worldwide , in just 10 days ."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Guadalajara was officially founded in 1550 .", Relation.SUPPORTS),
        ("Guadalajara was officially founded in 1542 .", Relation.CONTRADICTS),
    ],
)
def test_years_before_1900_are_dates_in_date_context(claim: str, expected: Relation) -> None:
    statement = "Guadalajara was officially founded on February 14 , 1550 in the Valley ."
    assert relation(claim, statement).relation is expected


def test_an_old_number_before_a_noun_stays_a_count() -> None:
    outcome = relation("The factory made 1500 units .", "In 2020 the factory made 1500 units .")
    assert outcome.relation is Relation.SUPPORTS
    assert outcome.matched == ["1500"]  # a count (unit "units"), not a year


@pytest.mark.parametrize(
    ("period", "expected"),
    [("late 2008", Relation.SUPPORTS), ("early 2008", Relation.CONTRADICTS)],
)
def test_the_only_date_on_each_side_is_one_slot(period: str, expected: Relation) -> None:
    outcome = relation(
        f"A video of a Korean boy singing the song was uploaded on YouTube in {period} .",
        "In November 2008 , a video of a Korean boy singing the song appeared on YouTube .",
    )
    assert outcome.relation is expected


def test_a_lone_date_of_another_kind_of_event_is_not_the_claims() -> None:
    outcome = relation(
        "The handheld could be released before the end of 2021.",
        "The handheld comes in three models; reservations open July 16.",
        reported="2021-05-01",
    )
    assert outcome.relation is not Relation.SUPPORTS


@pytest.mark.parametrize(
    ("rank", "expected"), [("17th", Relation.SUPPORTS), ("16th", Relation.CONTRADICTS)]
)
def test_ranks_compare_whether_written_in_digits_or_words(rank: str, expected: Relation) -> None:
    outcome = relation(
        f"Santa Clarita is the {rank} largest city in the state of California .",
        "Santa Clarita is the seventeenth largest city in the state of California .",
    )
    assert outcome.relation is expected


def test_generations_and_time_units_are_not_ranks() -> None:
    outcome = relation(
        "The second-generation AirPods Pro play 30 frames per second .",
        "The AirPods Pro (2nd generation) play 30 frames per second .",
    )
    assert outcome.relation is Relation.SUPPORTS


def test_a_count_before_a_figure_is_not_a_zoom() -> None:
    units = [(q.text, q.unit) for q in parse("108MP + 2x 10MP telephoto (3x and 10x)").quantities]
    assert units == [("108MP", "MP"), ("10MP", "MP"), ("3x", "x"), ("10x", "x")]
    assert [q.unit for q in parse("a 5x optical zoom").quantities] == ["x"]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The 512GB Quest 3 will cost $649.99 .", Relation.SUPPORTS),
        ("The 512GB Quest 3 will cost $599.99 .", Relation.CONTRADICTS),
        ("The Quest 3 will cost $599.99 .", Relation.UNRELATED),
    ],
)
def test_a_configurations_figure_conflicts_only_with_that_configuration(
    claim: str, expected: Relation
) -> None:
    statement = "A 512GB model of the Quest 3 costs $649.99 ."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("power", "expected"), [("320W", Relation.SUPPORTS), ("340W", Relation.CONTRADICTS)]
)
def test_the_figure_of_the_claimed_configuration_answers(power: str, expected: Relation) -> None:
    outcome = relation(
        f"The 16GB RTX 4080 is rated at {power} .",
        "The RTX 4080 comes in two configurations: 16GB with 9,728 CUDA cores at 320W, "
        "and 12GB with 7,680 CUDA cores at 285W .",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The handheld could be released before the end of 2021.", Relation.CONTRADICTS),
        ("The handheld will be released in February 2022.", Relation.UNRELATED),
    ],
)
def test_shipments_date_a_release(claim: str, expected: Relation) -> None:
    # "shipments ... begin" and "released" name one kind of event: availability.
    statement = "The handheld is delayed; shipments to customers will begin in February 2022."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "shown"),
    [
        ("The film grossed more than $323 million worldwide.", "more than $323 million"),
        ("The film grossed $323 million or more worldwide.", "$323 million or more"),
        ("The film grossed under $250 million worldwide.", "under $250 million"),
    ],
)
def test_a_conflict_shows_the_claims_bound(claim: str, shown: str) -> None:
    outcome = relation(claim, "The film grossed $300 million worldwide.")
    assert outcome.relation is Relation.CONTRADICTS
    assert f"claim {shown}, statement $300 million" in outcome.detail


def test_an_undated_statement_reads_its_yearless_dates_in_the_year_it_writes() -> None:
    text = (
        "The outbreak reached the country on February 26, 2020; "
        "as of April 23, the first case was confirmed."
    )
    undated = read_statement(statement(text, date=None))
    assert [p.text for p in undated.parsed.periods] == ["February 26, 2020", "April 23"]
    claim_text = "The first case was confirmed on April 23, 2020."
    found = relate(read_claim(claim(claim_text)), undated, Thresholds())
    assert found.relation is Relation.SUPPORTS
    other = relate(read_claim(claim(claim_text.replace("23", "24"))), undated, Thresholds())
    assert other.relation is not Relation.SUPPORTS


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "The album was the sixth best-selling of 2005, with sales of 3.4 million.",
            Relation.CONTRADICTS,
        ),
        (
            "The album was the sixth best-selling of 2005, with sales of 2.5 million.",
            Relation.SUPPORTS,
        ),
        # A bound is what the claim asserts: a statement without the figure settles nothing.
        ("The album was the sixth best-selling of 2005 worldwide.", Relation.UNRELATED),
    ],
)
def test_a_bounded_count_is_always_a_key_term(statement: str, expected: Relation) -> None:
    claim = "The album had sales of less than 3 million worldwide in 2005."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The company employs less than 4,200 people worldwide.", Relation.SUPPORTS),
        ("The company employs more than 4,200 people worldwide.", Relation.CONTRADICTS),
    ],
)
def test_a_statements_approximate_figure_is_the_figure_it_reports(
    claim: str, expected: Relation
) -> None:
    outcome = relation(claim, "The company employs around 4,100 people worldwide.")
    assert outcome.relation is expected
    if expected is Relation.CONTRADICTS:
        assert "statement around 4,100" in outcome.detail


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        # "no more than" is an upper bound, though it ends with "more than".
        ("The phone will cost no more than $999.", "The phone costs $1,099.", Relation.CONTRADICTS),
        ("The phone will cost no more than $999.", "The phone costs $899.", Relation.SUPPORTS),
        ("It has no less than 4,000mAh.", "It has 3,500mAh.", Relation.CONTRADICTS),
        # "or more" between a figure and its noun: the figure is still read, with its noun.
        ("5,000 or more people attended.", "3,000 people attended.", Relation.CONTRADICTS),
        ("5,000 or more people attended.", "6,000 people attended.", Relation.SUPPORTS),
        # Grams are a unit.
        ("It will weigh no more than 200g.", "It weighs 240g.", Relation.CONTRADICTS),
        ("It will weigh no more than 200g.", "It weighs 187 grams.", Relation.SUPPORTS),
    ],
)
def test_negated_and_trailing_bounds(claim: str, statement: str, expected: Relation) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # "nearly" puts the figure just under the number.
        ("The film grossed at least $1 billion.", Relation.CONTRADICTS),
        ("The film grossed less than $1 billion.", Relation.SUPPORTS),
    ],
)
def test_nearly_is_just_under(claim: str, expected: Relation) -> None:
    assert relation(claim, "The film grossed nearly $1 billion.").relation is expected


def test_shipments_that_begin_date_a_release() -> None:
    claim = "The handheld will launch in 2021."
    begin = "Shipments of the handheld will begin in February 2022, after the holidays."
    fields = {"subject": "handheld", "attribute": "release date", "value": "2021"}
    assert relation(claim, begin, **fields).relation is Relation.CONTRADICTS


def test_an_undated_statements_bare_year_is_not_its_dates_year() -> None:
    undated = read_statement(
        statement(
            "The console launched on 8 October, four years after the original of 2017.",
            date=None,
        )
    )
    outcome = relate(
        read_claim(claim("The console will launch on 8 October 2021.")), undated, Thresholds()
    )
    assert outcome.relation is not Relation.CONTRADICTS


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # "globally" and "worldwide" say the same of a figure ...
        ("The film has grossed over $382 million worldwide.", Relation.CONTRADICTS),
        # ... "domestically" does not.
        ("The film has grossed over $382 million domestically.", Relation.UNRELATED),
    ],
)
def test_scope_words_of_one_kind_are_one_noun(statement: str, expected: Relation) -> None:
    claim = "The film grossed more than $400 million globally."
    assert relation(claim, statement).relation is expected


def test_a_date_in_the_last_month_of_the_calendar_does_not_crash() -> None:
    undated = read_statement(statement("The Acme 8 launched on December 31.", date="9999-12-31"))
    outcome = relate(
        read_claim(claim("The Acme 8 will launch on December 31.")), undated, Thresholds()
    )
    assert outcome.relation in (Relation.SUPPORTS, Relation.CONTRADICTS, Relation.UNRELATED)


def test_a_four_digit_count_is_a_key_term() -> None:
    # "1600 nits" is a count, not a year: a statement without it does not confirm.
    outcome = relation("The screen will reach 1600 nits.", "The screen reaches 2000 nits.")
    assert outcome.relation is not Relation.SUPPORTS
    # A year followed by a preposition is no count of it.
    assert parse("A treaty of 1848 during the war.").quantities == []


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # Deadlines hold any earlier date.
        ("The phone will launch by the end of 2023.", Relation.SUPPORTS),
        ("The phone will launch by November 2023.", Relation.SUPPORTS),
        ("The phone will launch no later than November 2023.", Relation.SUPPORTS),
        ("The phone will launch by September 2023.", Relation.CONTRADICTS),
        # "as early as" holds that date or later.
        ("The phone will launch as early as September 2023.", Relation.SUPPORTS),
        ("The phone will launch as early as November 2023.", Relation.CONTRADICTS),
    ],
)
def test_deadlines_and_earliest_dates(claim: str, expected: Relation) -> None:
    assert relation(claim, "The phone launched on 4 October 2023.").relation is expected


def test_an_open_period_needs_the_statements_date_to_share_its_words() -> None:
    # The only date of the statement is when the plan was announced, not when it holds.
    outcome = relation(
        "The plant was projected to employ 2,000 workers by 2030.",
        "On November 29, 2016, officials announced a plant projected to employ 2,000 workers.",
    )
    assert outcome.relation is not Relation.SUPPORTS


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # Reported in December 2023, "will unveil on January 17" means January 2024.
        ("Acme unveiled the Acme 24 on January 17, 2024.", Relation.SUPPORTS),
        ("Acme unveiled the Acme 24 on January 17, 2023.", Relation.CONTRADICTS),
    ],
)
def test_a_coming_yearless_date_is_its_next_occurrence(statement: str, expected: Relation) -> None:
    claim = "Acme will unveil the Acme 24 on January 17."
    assert relation(claim, statement, reported="2023-12-01").relation is expected


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        # A price is quoted without its cents.
        ("The phone will cost $499.", "The phone costs $499.99.", Relation.SUPPORTS),
        ("The phone will cost $499.", "The phone costs $509.99.", Relation.CONTRADICTS),
        # Gigabits are not gigabytes.
        (
            "The phone will have 16GB of memory.",
            "The phone has 16Gb of memory.",
            Relation.UNRELATED,
        ),
    ],
)
def test_cents_and_bits(claim: str, statement: str, expected: Relation) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The phone will launch in fall 2023.", Relation.SUPPORTS),
        ("The phone will launch in autumn 2023.", Relation.SUPPORTS),
        # A season is its months, not the whole year.
        ("The phone will launch in spring 2023.", Relation.CONTRADICTS),
    ],
)
def test_a_season_is_its_months(claim: str, expected: Relation) -> None:
    assert relation(claim, "The phone launched on 4 October 2023.").relation is expected
