"""The one result object: what a check found, for reporters to render."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from tracker.finding import Finding, Level
from tracker.model import Claim, Status, Story


class Relation(str, Enum):
    """How one statement bears on one claim."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    UNRELATED = "unrelated"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Evidence:
    """One statement's bearing on a claim, with the terms that decided it."""

    statement: str
    relation: Relation
    score: float
    detail: str
    matched: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    date: str | None = None

    def to_dict(self) -> dict[str, object]:
        # The relation is a str enum, so JSON writes its value; str() on an enum member
        # costs more than the rest of this dict, for hundreds of thousands of items.
        return {
            "statement": self.statement,
            "relation": self.relation,
            "score": round(self.score, 1),
            "detail": self.detail,
            "matched": list(self.matched),
            "conflicts": list(self.conflicts),
            "date": self.date,
        }


@dataclass(frozen=True)
class Verdict:
    """The status of one claim and the evidence behind it.

    `evidence` holds the supporting and contradicting statements, decisive first;
    `near_misses` the related statements that settled nothing. `computed` is the
    engine's own status, which differs from `status` when a manual verdict overrides it.
    `review` says why a person should look (statements disagree), else None.
    """

    claim: Claim
    status: Status
    computed: Status
    evidence: tuple[Evidence, ...] = ()
    near_misses: tuple[Evidence, ...] = ()
    review: str | None = None

    @property
    def manual(self) -> bool:
        return self.claim.verdict is not None


@dataclass(frozen=True)
class CheckResult:
    """Everything one run produced. Sorted on construction for deterministic reports."""

    stories: tuple[Story, ...]
    verdicts: tuple[Verdict, ...]
    findings: tuple[Finding, ...]
    files: tuple[str, ...] = ()
    checked: bool = True
    fail_on: frozenset[Status] = field(default_factory=frozenset)

    def counts(self) -> dict[Status, int]:
        counter = Counter(v.status for v in self.verdicts)
        return {status: counter.get(status, 0) for status in Status}

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.level is Level.ERROR)

    def failing(self) -> tuple[Verdict, ...]:
        """Verdicts whose status was named by --fail-on."""
        return tuple(v for v in self.verdicts if v.status in self.fail_on)

    def flagged(self) -> Iterator[tuple[Verdict, bool]]:
        """Verdicts that need attention in CI, with whether they fail the run.

        A contradicted claim is flagged; so is any claim whose status --fail-on names.
        """
        for verdict in self.verdicts:
            failing = verdict.status in self.fail_on
            if failing or verdict.status is Status.CONTRADICTED:
                yield verdict, failing

    @property
    def valid_files(self) -> int:
        """How many files read without an error."""
        files = set(self.files)  # folder findings name no file
        return len(files) - len({f.path for f in self.errors if f.path in files})

    @property
    def exit_code(self) -> int:
        """0 clean; 1 when an input error or a --fail-on status is present."""
        return 1 if self.errors or self.failing() else 0

    def by_story(self) -> Iterable[tuple[Story, tuple[Verdict, ...]]]:
        grouped: dict[str, list[Verdict]] = {}
        for verdict in self.verdicts:
            grouped.setdefault(verdict.claim.story, []).append(verdict)
        for story in self.stories:
            yield story, tuple(grouped.get(story.id, ()))
