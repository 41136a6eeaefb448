"""A statement's own structured fact against a claim's: same subject and attribute,
values compared directly by kind. Contrastive pairs: one value supports, its twin
contradicts."""

from __future__ import annotations

import pytest

from tests.match_support import claim, statement
from tracker.match.claim import read_claim
from tracker.match.facts import compare_facts, fact_of
from tracker.match.reading import read_statement
from tracker.match.relation import Outcome, Thresholds, relate
from tracker.result import Relation

# The statement's text says nothing useful on purpose: only its fact can settle it.
OPAQUE = "Acme published the full specification sheet today."


def facts(
    claim_value: str,
    statement_value: str,
    attribute: str = "port",
    statement_attribute: str | None = None,
    statement_subject: str = "Acme Phone 14",
) -> Outcome:
    return relate(
        read_claim(
            claim(
                "The Acme Phone 14 will have it.",
                subject="Acme Phone 14",
                attribute=attribute,
                value=claim_value,
            )
        ),
        read_statement(
            statement(
                OPAQUE,
                subject=statement_subject,
                attribute=statement_attribute or attribute,
                value=statement_value,
            )
        ),
        Thresholds(),
    )


@pytest.mark.parametrize(
    ("attribute", "claimed", "stated", "expected"),
    [
        ("port", "USB-C", "USB-C", Relation.SUPPORTS),
        ("port", "USB-C", "Lightning", Relation.CONTRADICTS),
        ("main camera", "50MP", "50.3MP", Relation.SUPPORTS),
        ("main camera", "50MP", "48MP", Relation.CONTRADICTS),
        ("price", "under $800", "$799", Relation.SUPPORTS),
        ("price", "under $800", "$899", Relation.CONTRADICTS),
        ("launch date", "July 2022", "4 July 2022", Relation.SUPPORTS),
        ("launch date", "July 2022", "5 August 2022", Relation.CONTRADICTS),
        ("chip", "Snapdragon 8+ Gen 1", "Snapdragon 8+ Gen 1", Relation.SUPPORTS),
        ("chip", "Snapdragon 8+ Gen 1", "Snapdragon 8 Gen 1", Relation.CONTRADICTS),
        ("headphone jack", "yes", "no", Relation.CONTRADICTS),
        ("headphone jack", "yes", "supported", Relation.SUPPORTS),
    ],
)
def test_values_of_one_subject_and_attribute_are_compared_directly(
    attribute: str, claimed: str, stated: str, expected: Relation
) -> None:
    outcome = facts(claimed, stated, attribute=attribute)
    assert outcome.relation is expected
    assert outcome.detail.startswith("structured fact")


@pytest.mark.parametrize(
    ("statement_subject", "statement_attribute"),
    [
        ("Acme Phone 14 Pro", "port"),  # a sibling model: another subject
        ("Acme Phone 14", "charging port speed"),  # another attribute
    ],
)
def test_another_subject_or_attribute_leaves_it_to_the_text(
    statement_subject: str, statement_attribute: str
) -> None:
    outcome = facts(
        "USB-C",
        "Lightning",
        statement_attribute=statement_attribute,
        statement_subject=statement_subject,
    )
    assert outcome.relation is Relation.UNRELATED
    assert not outcome.detail.startswith("structured fact")


@pytest.mark.parametrize(
    ("claimed", "stated"),
    [
        # Two free-text values, or values of different kinds, cannot be compared.
        ("a new design with flat edges", "rounded corners and a larger display"),
        ("50MP", "USB-C"),
        # A denial is left to the texts.
        ("not in 2023", "October 2023"),
    ],
)
def test_values_that_cannot_be_compared_settle_nothing(claimed: str, stated: str) -> None:
    assert (
        compare_facts(
            fact_of("Acme Phone 14", "thing", claimed, 2022),  # type: ignore[arg-type]
            fact_of("Acme Phone 14", "thing", stated, 2022),  # type: ignore[arg-type]
        )
        is None
    )


def test_a_missing_field_makes_no_fact() -> None:
    assert fact_of("Acme Phone 14", None, "USB-C", 2022) is None
    assert fact_of("Acme Phone 14", "port", "  ", 2022) is None


def test_aliases_apply_to_facts() -> None:
    aliases = (("front camera", "selfie camera"),)
    mine = fact_of("Acme Phone 14", "selfie camera", "32MP", 2022, aliases)
    theirs = fact_of("Acme Phone 14", "front camera", "32MP", 2022, aliases)
    assert mine is not None and theirs is not None
    found = compare_facts(mine, theirs)
    assert found is not None and found.relation is Relation.SUPPORTS


@pytest.mark.parametrize(
    ("claimed", "stated", "expected"),
    [
        # The words beside a figure are part of the value.
        ("7-inch OLED", "7-inch LCD", Relation.CONTRADICTS),
        ("7-inch OLED", "7-inch OLED", Relation.SUPPORTS),
        ("1TB SSD", "1TB HDD", Relation.CONTRADICTS),
        # A statement's bound is not the claimed exact figure.
        ("64GB", "more than 64GB", Relation.CONTRADICTS),
        # A name inside a longer name agrees; names sharing no word differ.
        ("Lightning", "the Lightning port", Relation.SUPPORTS),
        ("Samsung", "Samsung Display", Relation.SUPPORTS),
        ("USB-C", "Lightning", Relation.CONTRADICTS),
    ],
)
def test_values_with_words_beside_figures_and_longer_names(
    claimed: str, stated: str, expected: Relation
) -> None:
    mine = fact_of("Acme Phone 14", "screen", claimed, 2022)
    theirs = fact_of("Acme Phone 14", "screen", stated, 2022)
    assert mine is not None and theirs is not None
    found = compare_facts(mine, theirs)
    assert found is not None and found.relation is expected


def test_names_that_only_overlap_are_not_compared() -> None:
    mine = fact_of("Acme Phone 14", "colour", "Titanium Gray", 2022)
    theirs = fact_of("Acme Phone 14", "colour", "Titanium Grey", 2022)
    assert mine is not None and theirs is not None
    assert compare_facts(mine, theirs) is None


@pytest.mark.parametrize(
    ("claim_text", "statement_text", "expected"),
    [
        # The fact agrees, and the claim says nothing more.
        ("The Acme Phone 14 will have a 7-inch screen.", OPAQUE, Relation.SUPPORTS),
        # The claim's text names a maker the statement never says: not confirmed.
        (
            "The Acme Phone 14 will have a 7-inch screen made by Samsung.",
            OPAQUE,
            Relation.UNRELATED,
        ),
        # The claim's text gives another figure that the statement's text contradicts.
        (
            "The Acme Phone 14 will have a 7-inch screen and cost $500.",
            "The Acme Phone 14 costs $350.",
            Relation.CONTRADICTS,
        ),
    ],
)
def test_a_matching_fact_does_not_confirm_what_else_the_claim_says(
    claim_text: str, statement_text: str, expected: Relation
) -> None:
    outcome = relate(
        read_claim(claim(claim_text, subject="Acme Phone 14", attribute="screen", value="7-inch")),
        read_statement(
            statement(statement_text, subject="Acme Phone 14", attribute="screen", value="7-inch")
        ),
        Thresholds(),
    )
    assert outcome.relation is expected


def test_a_statement_stating_the_claims_fact_is_always_a_candidate() -> None:
    from tracker.config import Config
    from tracker.match import judge
    from tracker.model import Status, Story

    fields = {"subject": "Acme Phone 8", "attribute": "price"}
    story = Story(
        "s",
        "story",
        "s.yaml",
        None,
        (claim("The Acme Phone 8 will cost $699 at launch.", value="$699", **fields),),
        # Its text shares almost nothing with the claim: only its fact speaks.
        (statement("Spec sheet.", value="$799", **fields),),
    )
    (verdict,) = judge([story], Config())
    assert verdict.status is Status.CONTRADICTED
    assert "structured fact differs" in verdict.evidence[0].detail
