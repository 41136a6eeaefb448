"""The words around a term, and which counterpart term shares the claim term's context.

"A 20MP front camera" must be compared with the statement's front-camera figure, not
its 50MP main camera: each term gets the content words beside it (same clause, up to
the next term of the same kind), and counterparts are ranked by the words they share,
weighting a word by how few counterparts share it (a word next to every counterpart
tells them apart no better than no word at all).
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.match.normalize import Token
from tracker.match.terms import STOPWORDS, Parsed

LEFT = 3
RIGHT = 4
# Coarse classes of event words, so "launch on 4 July" and "unveiled on 4 July" share
# their context. They describe the kind of event, not any product.
EVENT_CLASSES = {
    "@announce": "announc unveil introduc debut present reveal launch event keynote wrap invit",
    "@avail": "releas availabl availability sal ship arriv store shelf shelv launch rollout",
    "@order": "order pre preorder reserv reservation",
    "@price": "pric cost $ start retail",
}
_CLASS_OF: dict[str, list[str]] = {}
for _name, _stems in EVENT_CLASSES.items():
    for _stem in _stems.split():
        _CLASS_OF.setdefault(_stem, []).append(_name)


def classes(stem: str) -> list[str]:
    """The event classes a stem belongs to ("unveil" -> ["@announce"])."""
    return _CLASS_OF.get(stem, [])


def words_near(
    parsed: Parsed, start: int, end: int, blockers: Sequence[tuple[int, int]] = ()
) -> frozenset[str]:
    """Content stems beside tokens start..end, within the clause, not past a blocker."""
    tokens = parsed.tokens
    clause = parsed.clause[start] if parsed.clause else 0
    blocked = set()
    for low, high in blockers:
        if (low, high) != (start, end):
            blocked.update(range(low, high + 1))
    out: set[str] = set()
    _collect(tokens, parsed, range(start - 1, -1, -1), clause, blocked, LEFT, out)
    _collect(tokens, parsed, range(end + 1, len(tokens)), clause, blocked, RIGHT, out)
    return frozenset(out)


def _collect(
    tokens: list[Token],
    parsed: Parsed,
    indices: range,
    clause: int,
    blocked: set[int],
    limit: int,
    out: set[str],
) -> None:
    taken = 0
    for i in indices:
        if parsed.clause[i] != clause or i in blocked:
            return
        token = tokens[i]
        if token.kind not in ("word", "code") or token.low in STOPWORDS:
            continue
        out.add(token.stem)
        out.update(classes(token.stem))
        taken += 1
        if taken >= limit:
            return


def rank(
    claim_words: frozenset[str], candidates: Sequence[frozenset[str]]
) -> list[float]:
    """One score per candidate: shared words, each weighted 1/(candidates sharing it)."""
    shared_by: dict[str, int] = {}
    for words in candidates:
        for word in claim_words & words:
            shared_by[word] = shared_by.get(word, 0) + 1
    scores = []
    for words in candidates:
        scores.append(sum(1.0 / shared_by[w] for w in claim_words & words))
    return scores
