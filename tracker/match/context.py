"""The words around a term, and which counterpart term shares the claim term's context.

"A 20MP front camera" must be compared with the statement's front-camera figure, not
its 50MP main camera: each term gets the content words beside it (same clause, up to
the next term of the same kind), and counterparts are ranked by the words they share,
weighting a word by how few counterparts share it (a word next to every counterpart
tells them apart no better than no word at all).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from tracker.match.normalize import Token
from tracker.match.terms import STARTING, STOPWORDS, WEEKDAYS, Parsed

LEFT = 4
RIGHT = 4
# Identifiers take the words of their whole clause as context.
WIDE = 12
# Coarse classes of event words, so "launch on 4 July" and "unveiled on 4 July" share
# their context. They describe the kind of event, not any product.
EVENT_CLASSES = {
    "@announce": "announc unveil introduc debut present reveal launch event keynote wrap invit",
    "@avail": "releas availabl availability sal sold sell ship arriv store shelf shelv launch",
    "@order": "order pre preorder reserv reservation",
    "@price": "pric cost retail",
}
# The class a sum of money stands for in a statement's words ("from $499.99").
PRICE_CLASS = "@price"
_CLASS_OF: dict[str, list[str]] = {}
for _name, _stems in EVENT_CLASSES.items():
    for _stem in _stems.split():
        _CLASS_OF.setdefault(_stem, []).append(_name)


def classes(stem: str) -> list[str]:
    """The event classes a stem belongs to ("unveil" -> ["@announce"])."""
    return _CLASS_OF.get(stem, [])


Context = dict[str, float]
# In a claim, capitalised words (names: whose value it is, rarely which slot) weigh this
# much in a context; other words weigh 1.
NAME_CONTEXT = 0.25


def words_near(
    parsed: Parsed,
    start: int,
    end: int,
    blockers: Sequence[tuple[int, int]] = (),
    skip: frozenset[int] = frozenset(),
    claim: bool = False,
    wide: bool = False,
) -> Context:
    """Content stems beside tokens start..end, within the clause, not past a blocker.

    Tokens in `skip` (identifiers: they say whose value it is, not which slot) are left
    out. In a claim, capitalised words weigh `NAME_CONTEXT`, the others 1.
    """
    tokens = parsed.tokens
    clause = parsed.clause[start] if parsed.clause else 0
    blocked: set[int] = set()
    for low, high in blockers:
        if (low, high) != (start, end):
            blocked.update(range(low, high + 1))
    found: list[Token] = []
    left, right = (WIDE, WIDE) if wide else (LEFT, RIGHT)
    _collect(tokens, parsed, range(start - 1, -1, -1), clause, blocked, skip, left, found)
    _collect(tokens, parsed, range(end + 1, len(tokens)), clause, blocked, skip, right, found)
    out: Context = {}
    for token in found:
        weight = NAME_CONTEXT if claim and token.capital else 1.0
        for word in (token.stem, *classes(token.stem)):
            out[word] = max(out.get(word, 0.0), weight)
        started = STARTED_NOUNS.get(token.stem)
        if started and any(t.low in STARTING for t in tokens[token.index + 1 : token.index + 5]):
            out[started] = max(out.get(started, 0.0), weight)
    return out


# Nouns that date availability when they begin: "shipments to customers will begin in
# February 2022" (but "shipments reached 10 million in 2022" dates a total).
STARTED_NOUNS = {"shipment": "@avail", "delivery": "@avail"}


def _collect(
    tokens: list[Token],
    parsed: Parsed,
    indices: range,
    clause: int,
    blocked: set[int],
    skip: frozenset[int],
    limit: int,
    out: list[Token],
) -> None:
    taken = 0
    for i in indices:
        if parsed.clause[i] != clause or i in blocked:
            return
        if tokens[i].low in ("and", "or") and limit < WIDE:
            return
        if tokens[i].low == "," and limit < WIDE:
            # "on Tuesday, September 10": the weekday's comma ends nothing.
            if (i > 0 and tokens[i - 1].low in WEEKDAYS) or (
                i + 1 < len(tokens) and tokens[i + 1].low in WEEKDAYS
            ):
                continue
            # "On 18 March 2014, X signed ...": an opening date's comma leads to its clause.
            if i == indices.start and indices.step == 1 and _opening_date(parsed, i - 1):
                continue
            return
        token = tokens[i]
        if token.kind not in ("word", "code") or token.low in STOPWORDS or i in skip:
            continue
        if i in parsed.used:
            continue  # a unit or date word of another term
        if token.low in STARTING:
            continue
        out.append(token)
        taken += 1
        if taken >= limit:
            return


def _opening_date(parsed: Parsed, end: int) -> bool:
    """Whether a date ends at `end` and only small words stand before it in its clause."""
    for period in parsed.periods:
        if period.end == end:
            clause = parsed.clause[period.start]
            before = [
                t
                for t in parsed.tokens[: period.start]
                if parsed.clause[t.index] == clause and t.low not in STOPWORDS
            ]
            return not before
    return False


def rank(claim_words: Context, candidates: Sequence[Context]) -> list[float]:
    """One score per candidate: shared words' weights, each over (candidates sharing it)."""
    shared_by: dict[str, int] = {}
    for words in candidates:
        for word in words:
            if word in claim_words:
                shared_by[word] = shared_by.get(word, 0) + 1
    scores = []
    for words in candidates:
        scores.append(sum(claim_words[w] / shared_by[w] for w in words if w in claim_words))
    return scores


def covered(word: str, stems: frozenset[str]) -> bool:
    """Whether `stems` hold `word`, its event class, or a close spelling of a long word."""
    if word in stems:
        return True
    # Plain loops, not any() over generators: this runs for every word of every pair.
    for name in _CLASS_OF.get(word, ()):
        if name in stems:
            return True
    if len(word) >= 6:
        head, size = word[:5], len(word)
        for other in stems:
            if other.startswith(head) and abs(len(other) - size) <= 3:
                return True
    return False


# Names of at least this many letters may be spelt one edit apart ("Kowalsky" and
# "Kowalski"): proper nouns are often misspelt, and one edit rarely makes another name.
NAME_TYPO_LENGTH = 5


def name_covered(name: str, stems: frozenset[str]) -> bool:
    """Whether `stems` hold the name `name`, or, for a long name, a spelling one edit
    away with the same first letter."""
    if covered(name, stems):
        return True
    if len(name) < NAME_TYPO_LENGTH:
        return False
    return any(
        s[:1] == name[:1] and Levenshtein.distance(name, s, score_cutoff=1) <= 1 for s in stems
    )
