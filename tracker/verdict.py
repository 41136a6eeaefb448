"""From the evidence of each statement to one verdict per claim.

contradicted if a statement contradicts; confirmed if one supports and none
contradicts; else rumoured. When statements disagree, the latest dated one wins and
the verdict says why a person should review it (same date: contradicted, since a
wrong "confirmed" is the worst error). A manual `verdict` on the claim overrides the
engine, which keeps its own answer in `Verdict.computed`.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.model import Claim, Status
from tracker.result import Evidence, Relation, Verdict

NEAR_MISSES = 3


def _decisive_order(item: Evidence) -> tuple[str, float, str]:
    # Latest date first (missing dates last), then the higher score, then the ref.
    return (item.date or "", item.score, item.statement)


def aggregate(claim: Claim, evidence: Sequence[Evidence]) -> Verdict:
    """The verdict on `claim` from every statement's evidence."""
    supports = [e for e in evidence if e.relation is Relation.SUPPORTS]
    contradicts = [e for e in evidence if e.relation is Relation.CONTRADICTS]
    unrelated = [e for e in evidence if e.relation is Relation.UNRELATED]
    review = None
    if contradicts and supports:
        latest_support = max(_decisive_order(e) for e in supports)
        latest_contra = max(_decisive_order(e) for e in contradicts)
        # The later date wins; on the same date the better-matching statement does,
        # and a full tie goes to "contradicted" (a wrong "confirmed" is worse).
        if latest_support[:2] > latest_contra[:2]:
            computed = Status.CONFIRMED
        else:
            computed = Status.CONTRADICTED
        winner = "confirms" if computed is Status.CONFIRMED else "contradicts"
        review = (
            f"statements disagree: {len(supports)} support and {len(contradicts)} "
            f"contradict; the latest dated one {winner} it"
        )
    elif contradicts:
        computed = Status.CONTRADICTED
    elif supports:
        computed = Status.CONFIRMED
    else:
        computed = Status.RUMOURED
    if computed is Status.CONFIRMED:
        first, second = supports, contradicts
    elif computed is Status.CONTRADICTED:
        first, second = contradicts, supports
    else:
        first, second = [], []
    ordered = sorted(first, key=_decisive_order, reverse=True) + sorted(
        second, key=_decisive_order, reverse=True
    )
    near = sorted(unrelated, key=lambda e: (-e.score, e.statement))[:NEAR_MISSES]
    status = claim.verdict or computed
    return Verdict(
        claim=claim,
        status=status,
        computed=computed,
        evidence=tuple(ordered),
        near_misses=tuple(near),
        review=review,
    )
