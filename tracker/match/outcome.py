"""The outcome of relating one claim to one statement, and the cut-offs used."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.result import Relation


@dataclass(frozen=True)
class Thresholds:
    """The cut-offs a relation uses; from `Config`."""

    confirm_coverage: float = 0.7
    flip_coverage: float = 0.75
    conflict_coverage: float = 0.4
    identifier_similarity: float = 60.0


@dataclass(slots=True)  # one per claim and statement compared: slots build it faster
class Outcome:
    """A relation with the terms behind it and a one-line reason."""

    relation: Relation
    detail: str
    matched: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    coverage: float = 0.0
    predicate: float = 0.0
    subject: float = 0.0
    # Coverage counting conflicting key terms as found: how much the statement addresses.
    addressed: float = 0.0
    subject_named: bool = False
    places: list[int] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    # A conflict found only because each side has one such term, without shared words.
    weak: bool = False
    # Structured value terms found equal in the attribute's slot of the statement, and
    # whether a conflict is on the value in that slot.
    slot_matches: int = 0
    slot_conflict: bool = False
    # Another identifier the clause covering the claim's words is about, when the
    # claim's model is named only in another clause: no support then.
    elsewhere: str = ""
