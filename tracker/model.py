"""The domain: stories, the claims made about them and the official statements."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Status(str, Enum):
    """The verdict on a claim."""

    RUMOURED = "rumoured"
    CONFIRMED = "confirmed"
    CONTRADICTED = "contradicted"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Location:
    """Where an item starts in its file (1-based)."""

    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Entry:
    """What claims and statements share: a sentence about a subject, from a source."""

    story: str
    id: str
    text: str
    location: Location
    subject: str | None = None
    attribute: str | None = None
    value: str | None = None
    source: str | None = None
    url: str | None = None

    @property
    def ref(self) -> str:
        """The full reference, ``STORY/ID``."""
        return f"{self.story}/{self.id}"


@dataclass(frozen=True)
class Statement(Entry):
    """A confirmed, official statement."""

    date: str | None = None


@dataclass(frozen=True)
class Claim(Entry):
    """A rumour: what someone said would be true."""

    reported: str | None = None
    verdict: Status | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Story:
    """One story file: its claims and statements, in file order."""

    id: str
    title: str
    path: str
    subject: str | None
    claims: tuple[Claim, ...]
    statements: tuple[Statement, ...]
