"""Candidates: story blocking, the rare-word index of the "all" scope, and settings."""

from __future__ import annotations

import pytest

from tests.match_support import claim, statement
from tracker.config import Config, ConfigError, from_mapping
from tracker.match import judge
from tracker.match.candidates import RareWordIndex, story_candidates
from tracker.model import Status, Story


def _stories() -> list[Story]:
    rumour = claim("The Nova 5 will have a 20MP front camera.", story="rumours")
    official = statement("The Nova 5 has a 32MP front camera.", story="launch", id="specs")
    noise = statement("The Orbit 9 has a 4,000mAh battery.", story="launch", id="other")
    return [
        Story("launch", "Launch", "launch.yaml", None, (), (official, noise)),
        Story("rumours", "Rumours", "rumours.yaml", None, (rumour,), ()),
    ]


def test_story_scope_only_sees_the_claims_story() -> None:
    assert judge(_stories(), Config())[0].status is Status.RUMOURED


def test_all_scope_finds_statements_of_other_stories() -> None:
    verdict = judge(_stories(), Config(scope="all"))[0]
    assert verdict.status is Status.CONTRADICTED
    assert [e.statement for e in verdict.evidence] == ["launch/specs"]


def test_rare_word_index_skips_statements_sharing_only_common_words() -> None:
    statements = [statement(f"The phone has feature {n}.", id=f"s{n}") for n in range(100, 140)]
    statements.append(statement("The Nova 5 has a 32MP front camera.", id="nova"))
    index = RareWordIndex(statements)
    found = index.candidates(claim("The Nova 5 will have a 20MP front camera."), 30.0, 20)
    assert [s.id for s, _ in found] == ["nova"]


def test_story_candidates_are_best_first_and_limited() -> None:
    claims = [claim("The Nova 5 will have a 20MP front camera.")]
    statements = [
        statement("Unrelated words about gardens.", id="a"),
        statement("The Nova 5 has a 32MP front camera.", id="b"),
    ]
    rows = story_candidates(claims, statements, cutoff=30.0, limit=1)
    assert [s.id for s, _ in rows[0]] == ["b"]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("confirm_coverage", 1.5, "a number from 0 to 1"),
        ("identifier_similarity", "high", "a number from 0 to 100"),
        ("confirm-coverag", 0.7, "did you mean 'confirm_coverage'"),
    ],
)
def test_matching_settings_are_checked(key: str, value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        from_mapping({key: value}, "tracker.yaml")


def test_matching_settings_are_read() -> None:
    config = from_mapping(
        {"confirm_coverage": 0.8, "flip_coverage": 0.7, "conflict_coverage": 0.5}, "x"
    )
    assert (config.confirm_coverage, config.flip_coverage, config.conflict_coverage) == (
        0.8,
        0.7,
        0.5,
    )


def test_all_scope_ignores_other_products() -> None:
    rumour = claim("The first Orbit phone will have a 50MP main camera.", story="orbit")
    other = statement("The Nova 5 has a 48MP main camera.", story="nova", id="specs")
    stories = [
        Story("nova", "Nova", "nova.yaml", None, (), (other,)),
        Story("orbit", "Orbit", "orbit.yaml", None, (rumour,), ()),
    ]
    assert judge(stories, Config(scope="all"))[0].status is Status.RUMOURED
