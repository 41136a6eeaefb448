"""Which statements a claim is compared with: related text, found in batches.

Within a story (the default scope) each claim is scored against the story's
statements, preprocessed once, with one `rapidfuzz.process.extract` call (`cdist`
would need numpy, which tracker does not depend on). With scope "all", an index of rare
words first picks the statements that share at least one uncommon word with the claim,
so the work grows with the number of related pairs rather than claims x statements.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

from tracker.match.facts import slot_of
from tracker.model import Claim, Statement

# A word found in more than this share of statements is too common to block on.
RARE_SHARE = 0.01
RARE_MINIMUM = 8


def _texts(items: Sequence[Claim] | Sequence[Statement]) -> list[str]:
    return [utils.default_process(item.text) for item in items]


def story_candidates(
    claims: Sequence[Claim],
    statements: Sequence[Statement],
    cutoff: float,
    limit: int,
) -> list[list[tuple[Statement, float]]]:
    """For each claim, its related statements with their scores, best first."""
    if not claims or not statements:
        return [[] for _ in claims]
    choices = _texts(statements)
    facts = _fact_slots(statements)
    out = []
    for claim, query in zip(claims, _texts(claims), strict=True):
        found = process.extract(
            query,
            choices,
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=cutoff,
            limit=None,
        )
        chosen = sorted(((float(score), n) for _, score, n in found), key=_best_first)[:limit]
        if facts:
            # A statement stating a fact of the claim's own subject and attribute is
            # always compared, however differently its text is worded ("Spec sheet.").
            slot = slot_of(claim.subject, claim.attribute) if claim.value else None
            taken = {n for _, n in chosen}
            extra = [n for n in facts.get(slot, ()) if n not in taken] if slot else []
            for n in extra:
                chosen.append((float(fuzz.token_set_ratio(query, choices[n])), n))
            chosen.sort(key=_best_first)
        out.append([(statements[n], score) for score, n in chosen])
    return out


def _fact_slots(statements: Sequence[Statement]) -> dict[object, list[int]]:
    """The statements that state a structured fact, by its subject and attribute."""
    out: dict[object, list[int]] = {}
    for n, statement in enumerate(statements):
        slot = slot_of(statement.subject, statement.attribute) if statement.value else None
        if slot is not None:
            out.setdefault(slot, []).append(n)
    return out


def _best_first(pair: tuple[float, int]) -> tuple[float, int]:
    return (-pair[0], pair[1])


class RareWordIndex:
    """Statements by the uncommon words they contain, for the "all" scope."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = list(statements)
        self.texts = _texts(self.statements)
        postings: dict[str, list[int]] = {}
        for n, text in enumerate(self.texts):
            for word in set(text.split()):
                postings.setdefault(word, []).append(n)
        cap = max(RARE_MINIMUM, int(RARE_SHARE * len(self.statements)))
        self.postings = {w: p for w, p in postings.items() if len(p) <= cap}

    def candidates(self, claim: Claim, cutoff: float, limit: int) -> list[tuple[Statement, float]]:
        """Statements sharing a rare word with the claim, scored, best first."""
        query = utils.default_process(claim.text)
        related: set[int] = set()
        for word in set(query.split()):
            related.update(self.postings.get(word, ()))
        if not related:
            return []
        order = sorted(related)
        found = process.extract(
            query,
            [self.texts[n] for n in order],
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=cutoff,
            limit=None,
        )
        chosen = sorted(((float(score), order[pos]) for _, score, pos in found), key=_best_first)
        return [(self.statements[n], score) for score, n in chosen[:limit]]
