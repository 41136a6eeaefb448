"""The matching engine: from stories to one `Verdict` per claim.

Steps: candidates (related statements, found with rapidfuzz in batches), then the
relation of the claim to each candidate (term-aware: `relation.relate`), then the
verdict (`tracker.verdict.aggregate`). Each statement is read once and cached. In the
default scope stories are judged one at a time (their readings then dropped), and a
large run is shared among forked worker processes (`batch`); results never depend on
how the work was split.
"""

from __future__ import annotations

import marshal
from collections.abc import Sequence
from functools import partial
from operator import attrgetter

from tracker.config import Config
from tracker.gcpause import paused_gc
from tracker.match.batch import map_chunks, workers_for
from tracker.match.candidates import RareWordIndex, story_candidates
from tracker.match.claim import read_claim
from tracker.match.reading import Reading, read_statement
from tracker.match.relation import Outcome, Thresholds, relate
from tracker.model import Claim, Statement, Status, Story
from tracker.result import Evidence, Relation, Verdict
from tracker.verdict import NEAR_MISSES, aggregate

# Each claim's related statements (by claim ref) with their scores, best first.
Related = dict[str, list[tuple[Statement, float]]]


def thresholds(config: Config) -> Thresholds:
    """The relation cut-offs named in the configuration."""
    return Thresholds(
        confirm_coverage=config.confirm_coverage,
        flip_coverage=config.flip_coverage,
        conflict_coverage=config.conflict_coverage,
        identifier_similarity=config.identifier_similarity,
    )


def candidates(stories: Sequence[Story], config: Config) -> Related:
    """Related statements of every claim (by claim ref), best first."""
    found: dict[str, list[tuple[Statement, float]]] = {}
    for story in stories:
        rows = story_candidates(
            story.claims, story.statements, config.candidate_score, config.max_candidates
        )
        for claim, row in zip(story.claims, rows, strict=False):
            found[claim.ref] = row
    if config.scope == "all":
        index = RareWordIndex([s for story in stories for s in story.statements])
        for story in stories:
            for claim in story.claims:
                merged = {s.ref: (s, score) for s, score in found[claim.ref]}
                for statement, score in index.candidates(
                    claim, config.candidate_score, config.max_candidates
                ):
                    merged.setdefault(statement.ref, (statement, score))
                ranked = sorted(merged.values(), key=lambda pair: (-pair[1], pair[0].ref))
                found[claim.ref] = ranked[: config.max_candidates]
    return found


class Engine:
    """Reads claims and statements once and relates them."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.limits = thresholds(config)
        self.readings: dict[str, Reading] = {}

    def statement(self, statement: Statement) -> Reading:
        reading = self.readings.get(statement.ref)
        if reading is None:
            reading = read_statement(statement, self.config.aliases)
            self.readings[statement.ref] = reading
        return reading

    def outcomes(
        self, claim: Claim, related: Sequence[tuple[Statement, float]]
    ) -> list[tuple[Statement, float, Outcome]]:
        """The relation of `claim` to each related statement."""
        reading = read_claim(claim, self.config.aliases)
        return [
            (s, score, relate(reading, self.statement(s), self.limits, s.story != claim.story))
            for s, score in related
        ]


def evidence(statement: Statement, score: float, outcome: Outcome) -> Evidence:
    """The evidence record for one statement's outcome."""
    return Evidence(
        statement=statement.ref,
        relation=outcome.relation,
        score=score,
        detail=outcome.detail,
        matched=tuple(outcome.matched),
        conflicts=tuple(outcome.conflicts),
        date=statement.date,
    )


def verdicts(engine: Engine, claims: Sequence[Claim], related: Related) -> list[Verdict]:
    """The verdict of each of `claims` from its related statements."""
    out = []
    for claim in claims:
        found = engine.outcomes(claim, related[claim.ref])
        out.append(aggregate(claim, [evidence(s, sc, o) for s, sc, o in _shown(found)]))
    return out


Found = list[tuple[Statement, float, Outcome]]


def _shown(found: Found) -> Found:
    """The outcomes a verdict can show: every support and contradiction, and the
    NEAR_MISSES best unrelated ones, ranked as `aggregate` ranks them. Most statements
    are unrelated, and the others need no Evidence record built."""
    unrelated = [n for n, item in enumerate(found) if item[2].relation is Relation.UNRELATED]
    if len(unrelated) <= NEAR_MISSES:
        return found
    best = set(sorted(unrelated, key=lambda n: (-found[n][1], found[n][0].ref))[:NEAR_MISSES])
    return [
        item
        for n, item in enumerate(found)
        if n in best or item[2].relation is not Relation.UNRELATED
    ]


def judge(stories: Sequence[Story], config: Config, workers: int | None = None) -> list[Verdict]:
    """One verdict per claim of `stories`, in story order, using `workers` processes
    (default: as many as the size of the run and the machine call for)."""
    with paused_gc():
        if config.scope != "story":
            engine = Engine(config)
            related = candidates(stories, config)
            return verdicts(engine, [c for story in stories for c in story.claims], related)
        work = partial(_judge_stories, config)
        count = workers_for(stories) if workers is None else workers
        return map_chunks(work, stories, count, _send, _receive)


def _judge_stories(config: Config, stories: Sequence[Story]) -> list[Verdict]:
    """Verdicts of the claims of `stories`, story by story (the default scope).

    A story's statements are read once and forgotten after its claims are judged, so
    memory stays flat however many stories there are.
    """
    engine = Engine(config)
    out: list[Verdict] = []
    for story in stories:
        out.extend(verdicts(engine, story.claims, candidates([story], config)))
        engine.readings.clear()
    return out


# A verdict without its claim, as plain values (enums by their value): what a worker
# process sends back, marshalled. Pickling the claims and the dataclasses would cost
# more than the matching saves, and even these tuples unpickle several times slower
# than `marshal` loads them (safe here: the bytes come from a forked child).
EvidenceFields = tuple[str, str, float, str, tuple[str, ...], tuple[str, ...], str | None]
VerdictFields = tuple[str, str, list[EvidenceFields], list[EvidenceFields], str | None]

_FIELDS = attrgetter("statement", "relation", "score", "detail", "matched", "conflicts", "date")
_STATUS = {str(status): status for status in Status}
_RELATION = {str(relation): relation for relation in Relation}


def pack(verdicts: list[Verdict]) -> list[VerdictFields]:
    """Verdicts without their claims, as plain values that `marshal` can write."""
    return [
        (
            str(v.status),
            str(v.computed),
            [(ref, str(relation), *rest) for ref, relation, *rest in map(_FIELDS, v.evidence)],
            [(ref, str(relation), *rest) for ref, relation, *rest in map(_FIELDS, v.near_misses)],
            v.review,
        )
        for v in verdicts
    ]


def unpack(stories: Sequence[Story], packed: list[VerdictFields]) -> list[Verdict]:
    """The verdicts `pack` made plain, given back the claims of `stories`."""
    claims = [claim for story in stories for claim in story.claims]
    return [
        Verdict(
            claim,
            _STATUS[status],
            _STATUS[computed],
            tuple(_evidence(*fields) for fields in found),
            tuple(_evidence(*fields) for fields in near),
            review,
        )
        for claim, (status, computed, found, near, review) in zip(claims, packed, strict=True)
    ]


def _evidence(
    ref: str,
    relation: str,
    score: float,
    detail: str,
    matched: tuple[str, ...],
    conflicts: tuple[str, ...],
    date: str | None,
) -> Evidence:
    return Evidence(ref, _RELATION[relation], score, detail, matched, conflicts, date)


def _send(verdicts: list[Verdict]) -> bytes:
    return marshal.dumps(pack(verdicts))


def _receive(stories: Sequence[Story], sent: bytes) -> list[Verdict]:
    return unpack(stories, marshal.loads(sent))
