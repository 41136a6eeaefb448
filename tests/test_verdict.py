"""Aggregation of evidence into verdicts: the latest dated statement wins, manual overrides."""

from __future__ import annotations

import pytest

from tests.match_support import claim
from tracker.model import Status
from tracker.result import Evidence, Relation
from tracker.verdict import aggregate


def evidence(ref: str, relation: Relation, date: str | None, score: float = 80.0) -> Evidence:
    return Evidence(ref, relation, score, f"{relation} {ref}", date=date)


def test_nothing_related_is_rumoured() -> None:
    verdict = aggregate(claim("x"), [evidence("s/a", Relation.UNRELATED, "2022-01-01")])
    assert verdict.status is Status.RUMOURED
    assert verdict.evidence == ()
    assert [e.statement for e in verdict.near_misses] == ["s/a"]


def test_support_without_contradiction_confirms() -> None:
    verdict = aggregate(claim("x"), [evidence("s/a", Relation.SUPPORTS, "2022-01-01")])
    assert verdict.status is verdict.computed is Status.CONFIRMED
    assert verdict.review is None


def test_contradiction_alone_contradicts() -> None:
    verdict = aggregate(claim("x"), [evidence("s/a", Relation.CONTRADICTS, "2022-01-01")])
    assert verdict.status is Status.CONTRADICTED


@pytest.mark.parametrize(
    ("support_date", "contradict_date", "expected"),
    [
        ("2022-06-01", "2022-01-01", Status.CONFIRMED),  # the later support wins
        ("2022-01-01", "2022-06-01", Status.CONTRADICTED),  # the later contradiction wins
        ("2022-01-01", "2022-01-01", Status.CONTRADICTED),  # a full tie: contradicted
    ],
)
def test_latest_dated_statement_wins_and_is_flagged(
    support_date: str, contradict_date: str, expected: Status
) -> None:
    items = [
        evidence("s/yes", Relation.SUPPORTS, support_date),
        evidence("s/no", Relation.CONTRADICTS, contradict_date),
    ]
    verdict = aggregate(claim("x"), items)
    assert verdict.status is expected
    decisive = "s/yes" if expected is Status.CONFIRMED else "s/no"
    assert verdict.evidence[0].statement == decisive
    assert verdict.review is not None and "latest dated" in verdict.review


def test_manual_verdict_overrides_and_keeps_the_computed_one() -> None:
    manual = claim("x", verdict=Status.CONTRADICTED, reason="the launch event said so")
    verdict = aggregate(manual, [evidence("s/a", Relation.SUPPORTS, "2022-01-01")])
    assert verdict.status is Status.CONTRADICTED
    assert verdict.computed is Status.CONFIRMED
    assert verdict.manual


def test_order_of_evidence_does_not_matter() -> None:
    items = [
        evidence("s/a", Relation.SUPPORTS, "2022-01-01", 70.0),
        evidence("s/b", Relation.SUPPORTS, "2022-03-01", 60.0),
        evidence("s/c", Relation.UNRELATED, None, 50.0),
    ]
    assert aggregate(claim("x"), items) == aggregate(claim("x"), list(reversed(items)))
