"""Small builders for matching tests: claims, statements and one-call relations."""

from __future__ import annotations

from tracker.config import Config
from tracker.match import judge
from tracker.match.claim import read_claim
from tracker.match.reading import read_statement
from tracker.match.relation import Outcome, Thresholds, relate
from tracker.model import Claim, Location, Statement, Status, Story

HERE = Location("test.yaml", 1, 1)


def claim(text: str, story: str = "s", id: str = "c", **fields: object) -> Claim:
    """A claim reported in 2022 unless `reported` is given."""
    fields.setdefault("reported", "2022-05-01")
    return Claim(story, id, text, HERE, **fields)  # type: ignore[arg-type]


def statement(text: str, story: str = "s", id: str = "t", **fields: object) -> Statement:
    """A statement dated in 2022 unless `date` is given."""
    fields.setdefault("date", "2022-07-04")
    return Statement(story, id, text, HERE, **fields)  # type: ignore[arg-type]


def relation(claim_text: str, statement_text: str, **claim_fields: object) -> Outcome:
    """How one statement bears on one claim."""
    return relate(
        read_claim(claim(claim_text, **claim_fields)),
        read_statement(statement(statement_text)),
        Thresholds(),
    )


def status(claim_text: str, *statement_texts: str, config: Config | None = None) -> Status:
    """The verdict on one claim against the given statements of its story."""
    story = Story(
        "s",
        "story",
        "s.yaml",
        None,
        (claim(claim_text),),
        tuple(statement(text, id=f"t{n}") for n, text in enumerate(statement_texts)),
    )
    return judge([story], config or Config())[0].status
