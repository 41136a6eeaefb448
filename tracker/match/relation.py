"""How one statement bears on one claim: supports, contradicts or unrelated.

A statement supports a claim only when, read literally, it covers all of it: every key
term (quantity, identifier, date) has an equal counterpart in the same context, the
subject is the same, the polarity is the same, and most content words are there.
It contradicts when a same-slot term differs (32MP where the claim says a 20MP front
camera; "12S Ultra" where it says "12 Ultra"; 5 July where it says 4 July), or when
the polarity flips with everything else aligned. Anything else settles nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tracker.match.context import Context, classes, rank
from tracker.match.reading import ClaimReading, Key, Reading
from tracker.match.terms import VARIANTS, Ident, Period, Quantity, is_local_negation
from tracker.result import Relation

# How much worse (in weighted shared context words) an equal counterpart may be than
# the best-placed one and still count as the claim's slot.
SLOT_SLACK = 0.75
# Share of the subject's words (before the verb) a confirming statement must contain.
SUBJECT_COVERAGE = 0.25
# Weighted shared context a differing counterpart needs to be the claim's slot.
MIN_CONFLICT_CONTEXT = 1.0
# Context credit for a statement term that belongs to the model the claim names.
OWNER_BONUS = 1.0
# How far (in tokens) a statement's negation reaches to the words it negates.
NEGATION_REACH = 5


@dataclass(frozen=True)
class Thresholds:
    """The cut-offs a relation uses; from `Config`."""

    confirm_coverage: float = 0.75
    flip_coverage: float = 0.75
    conflict_coverage: float = 0.4
    identifier_similarity: float = 60.0


@dataclass
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


def relate(claim: ClaimReading, statement: Reading, limits: Thresholds) -> Outcome:
    """Compare one claim with one statement, term by term."""
    outcome = Outcome(Relation.UNRELATED, "")
    other = _subject_mismatch(claim, statement)
    if other:
        outcome.detail = other
        return outcome
    found: list[tuple[Key, bool]] = []
    for key in claim.values:
        before = len(outcome.matched)
        _compare_ident(key, statement, claim, outcome, limits)
        found.append((key, len(outcome.matched) > before))
    for key in claim.quantities:
        before = len(outcome.matched)
        _compare_slot(key, statement, claim, outcome, statement.parsed.quantities)
        found.append((key, len(outcome.matched) > before))
    for key in claim.periods:
        before = len(outcome.matched)
        _compare_slot(key, statement, claim, outcome, statement.parsed.periods)
        found.append((key, len(outcome.matched) > before))
    for subject in claim.subjects:
        named = any(equivalent(subject.words, i.words) for i in statement.parsed.idents)
        found.append((Key(subject, {}, subject.text, weight=len(subject.words) * 0.5), named))
    outcome.coverage, outcome.predicate, outcome.subject = _coverage(claim, statement, found)
    _decide(claim, statement, outcome, limits)
    return outcome


# ---------------------------------------------------------------- subjects


def equivalent(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same identifier: equal, or one inside the other with no variant or number added."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not set(short) <= set(long):
        return False
    extra = [w for w in long if w not in short]
    return not any(w in VARIANTS or any(c.isdigit() for c in w) or "+" in w for w in extra)


def _core(word: str) -> str:
    """The letters-and-number stem of a code: "12s" -> "12", "s23+" -> "s23"."""
    out = []
    seen_digit = False
    for c in word:
        if c.isdigit():
            seen_digit = True
        elif seen_digit:
            break
        out.append(c)
    return "".join(out)


def _generation(words: tuple[str, ...]) -> set[str]:
    """Numbers of codes like "fold4"/"flip4": letters (3+) then digits, same generation."""
    out = set()
    for word in words:
        letters = word.rstrip("0123456789+")
        digits = word[len(letters) :].rstrip("+")
        if len(letters) >= 3 and letters.isalpha() and digits.isdigit():
            out.add(digits)
    return out


def related(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same family: a shared word, or codes with the same stem ("12" and "12s")."""
    if set(a) & set(b):
        return True
    cores_a = {_core(w) for w in a if any(c.isdigit() for c in w)}
    cores_b = {_core(w) for w in b if any(c.isdigit() for c in w)}
    if cores_a & cores_b:
        return True
    if _generation(a) & _generation(b):
        return True
    prefix_a = {w.rstrip("0123456789+") for w in a if w[:1].isalpha() and w[-1:].isdigit()}
    prefix_b = {w.rstrip("0123456789+") for w in b if w[:1].isalpha() and w[-1:].isdigit()}
    return bool(prefix_a & prefix_b)


def _subject_mismatch(claim: ClaimReading, statement: Reading) -> str:
    """A reason when the statement is about a sibling of the claim's subject, else ""."""
    idents = statement.parsed.idents
    if statement.quantifier_clauses and any(
        related(s.words, i.words) for s in claim.subjects for i in idents
    ):
        return ""
    for subject in claim.subjects:
        if any(equivalent(subject.words, i.words) for i in idents):
            continue
        siblings = [i for i in idents if related(subject.words, i.words)]
        if siblings:
            return f"different subject: claim {subject.text}, statement {siblings[0].text}"
    if claim.variants and not claim.subjects:
        mentioned = {w for i in idents for w in i.words if w in VARIANTS}
        named = {t.low for t in statement.parsed.tokens if t.low in VARIANTS and t.capital}
        if mentioned and not (claim.variants & named):
            return f"different model: claim {'/'.join(sorted(claim.variants))}, statement {'/'.join(sorted(mentioned))}"
    return ""


def _owner(statement: Reading, start: int, end: int) -> Ident | None:
    """The identifier a statement term belongs to: "for X" after it, else the nearest before."""
    parsed = statement.parsed
    tokens = parsed.tokens
    clause = parsed.clause[start]
    named = (*parsed.idents, *parsed.names)
    for ident in named:
        after = end + 1 < len(tokens) and tokens[end + 1].low in ("for", "on")
        if after and ident.start in (end + 2, end + 3):
            return ident
    before = [i for i in named if i.end < start and parsed.clause[i.end] == clause]
    before.sort(key=lambda i: i.end)
    return before[-1] if before else None


def _foreign(key: Key, claim: ClaimReading, statement: Reading, start: int, end: int) -> bool:
    """Whether a statement term belongs to another model than the claim term's subject."""
    owner = _owner(statement, start, end)
    if owner is None or statement.parsed.clause[start] in statement.quantifier_clauses:
        return False
    subjects = [key.owner] if key.owner is not None else claim.subjects
    if subjects:
        if any(equivalent(s.words, owner.words) for s in subjects):
            return False
        if any(related(s.words, owner.words) for s in subjects):
            return True
    owner_variants = {w for w in owner.words if w in VARIANTS}
    mine = {w for s in subjects for w in s.words if w in VARIANTS} or set(claim.variants)
    return bool(mine and owner_variants and not (mine & owner_variants))


# ---------------------------------------------------------------- identifiers


def _compare_ident(
    key: Key, statement: Reading, claim: ClaimReading, outcome: Outcome, limits: Thresholds
) -> None:
    term = key.term
    assert isinstance(term, Ident)
    idents = statement.parsed.idents
    for ident in idents:
        if equivalent(term.words, ident.words):
            if ident.negated:
                outcome.conflicts.append(f"{key.label}: statement denies {ident.text}")
            else:
                outcome.matched.append(ident.text)
            return
    claim_words = [s.words for s in claim.subjects] + [
        k.term.words for k in claim.values if isinstance(k.term, Ident)
    ]
    rivals = []
    for ident in idents:
        if ident.comparison or ident.negated:
            continue
        if any(equivalent(w, ident.words) for w in claim_words):
            continue
        if not related(term.words, ident.words):
            continue
        similarity = fuzz.ratio(term.key, ident.key)
        if similarity >= limits.identifier_similarity:
            rivals.append((similarity, ident.start, ident))
    if rivals:
        rivals.sort(key=lambda r: (-r[0], r[1]))
        rival = rivals[0][2]
        outcome.conflicts.append(f"{key.label}: claim {term.text}, statement {rival.text}")
    else:
        outcome.missing.append(term.text)


# ---------------------------------------------------------------- quantities and dates


def _fits(claim_term: Quantity | Period, other: Quantity | Period) -> bool | None:
    """True if `other` agrees with the claim term, False if it cannot, None if unsure."""
    if isinstance(claim_term, Quantity) and isinstance(other, Quantity):
        if other.low != other.high:
            if claim_term.low <= other.low and other.high <= claim_term.high:
                return True
            if other.high < claim_term.low or other.low > claim_term.high:
                return False
            return None
        if claim_term.low == claim_term.high:
            return round(other.value, claim_term.places) == round(
                claim_term.value, claim_term.places
            )
        return claim_term.low <= other.value <= claim_term.high
    if isinstance(claim_term, Period) and isinstance(other, Period):
        if claim_term.low <= other.low and other.high <= claim_term.high:
            return True
        if other.high < claim_term.low or other.low > claim_term.high:
            return False
        return None
    return None


def _compare_slot(
    key: Key,
    statement: Reading,
    claim: ClaimReading,
    outcome: Outcome,
    terms: Sequence[Quantity | Period],
) -> None:
    term = key.term
    assert isinstance(term, (Quantity, Period))
    contexts = (
        statement.quantity_context if isinstance(term, Quantity) else statement.period_context
    )
    pool: list[tuple[Quantity | Period, Context]] = []
    for other, ctx in zip(terms, contexts, strict=False):
        if other.comparison:
            continue
        if isinstance(term, Quantity) and (
            not isinstance(other, Quantity) or other.unit != term.unit
        ):
            continue
        if _foreign(key, claim, statement, other.start, other.end):
            continue
        pool.append((other, ctx))
    owners = [key.owner] if key.owner is not None else claim.subjects
    if not pool:
        outcome.missing.append(term.text)
        return
    scores = rank(key.context, [ctx for _, ctx in pool])
    for n, (other, _) in enumerate(pool):
        # A figure of the very model the claim names is that model's figure.
        if not isinstance(other, Quantity):
            break
        owner = _owner(statement, other.start, other.end)
        if owner is not None and any(equivalent(s.words, owner.words) for s in owners):
            scores[n] += OWNER_BONUS
    if isinstance(term, Quantity) and term.starting:
        # "starts at $X" in both: the same slot, the lowest price.
        for n, (other, _) in enumerate(pool):
            if isinstance(other, Quantity) and other.starting:
                scores[n] += 1.0
    best = max(scores)
    fits = [_fits(term, other) for other, _ in pool]
    if isinstance(term, Quantity) and term.starting and best == 0 and len(pool) > 1:
        # "starts at $X": the lowest price the statement lists.
        lowest = min(range(len(pool)), key=lambda n: pool[n][0].low)
        scores[lowest] += 1.0
        best = max(scores)
    # An equal value counts unless a differing one clearly holds the claim's slot.
    agreeing = [
        n
        for n, ok in enumerate(fits)
        if ok and (best < MIN_CONFLICT_CONTEXT or scores[n] >= max(best - SLOT_SLACK, best / 2))
    ]
    if agreeing:
        other = pool[agreeing[0]][0]
        outcome.matched.append(
            f"{key.label}: {other.text}" if key.label != term.text else other.text
        )
        return
    top = [n for n, score in enumerate(scores) if score == best]
    if best >= MIN_CONFLICT_CONTEXT and all(fits[n] is False for n in top):
        other = pool[top[0]][0]
        outcome.conflicts.append(f"{key.label}: claim {term.text}, statement {other.text}")
        return
    outcome.missing.append(term.text)


# ---------------------------------------------------------------- words and polarity


def _coverage(
    claim: ClaimReading, statement: Reading, keys: Sequence[tuple[Key, bool]]
) -> tuple[float, float, float]:
    """Covered share of all words, of the predicate's and of the subject's.

    Key terms count as many words as they have tokens, and are covered when matched.
    """
    sums = {True: [0.0, 0.0], False: [0.0, 0.0]}
    best_segment = 0.0
    for segment in statement.segments:
        # The claim's own words must be found together, in one sentence or clause.
        found = sum(w for word, w in claim.words if w >= 1.0 and _covered(word, segment))
        best_segment = max(best_segment, found)
    for word, weight in claim.words:
        part = sums[weight >= 1.0]
        part[0] += weight
        if weight < 1.0 and _covered(word, statement.stems):
            part[1] += weight
    sums[True][1] += best_segment
    for key, matched in keys:
        part = sums[key.weight >= 1.0]
        part[0] += key.weight
        if matched:
            part[1] += key.weight
    total = sums[True][0] + sums[False][0]
    overall = (sums[True][1] + sums[False][1]) / total if total else 1.0
    predicate = sums[True][1] / sums[True][0] if sums[True][0] else 1.0
    subject = sums[False][1] / sums[False][0] if sums[False][0] else 1.0
    return overall, predicate, subject


def _covered(word: str, stems: frozenset[str]) -> bool:
    if word in stems or any(c in stems for c in classes(word)):
        return True
    if len(word) >= 6:
        head = word[:5]
        return any(s.startswith(head) and abs(len(s) - len(word)) <= 3 for s in stems)
    return False


def _negated_near(claim: ClaimReading, statement: Reading) -> bool:
    """Whether the statement negates what it says about the claim's words.

    Only a negation within a few tokens of a claim word, in the same clause, counts:
    "controllers drop the tracking ring" does not negate "full-colour passthrough".
    """
    parsed = statement.parsed
    if not parsed.negation:
        return False
    wanted = {word for word, _ in claim.words}
    places = [t.index for t in parsed.tokens if t.stem in wanted]
    places += [i.start for i in parsed.idents]
    for n in parsed.negation:
        if is_local_negation(parsed, n):
            continue
        if any(
            abs(p - n) <= NEGATION_REACH and parsed.clause[p] == parsed.clause[n] for p in places
        ):
            return True
    return False


def _decide(claim: ClaimReading, statement: Reading, outcome: Outcome, limits: Thresholds) -> None:
    if outcome.conflicts and outcome.coverage >= limits.conflict_coverage:
        outcome.relation = Relation.CONTRADICTS
        outcome.detail = outcome.conflicts[0]
        return
    if outcome.conflicts:
        # A differing value in a statement about something else is no conflict.
        outcome.detail = (
            f"{outcome.conflicts[0]}, but only {outcome.coverage:.0%} of the words covered"
        )
        outcome.conflicts.clear()
        return
    keys = len(claim.values) + len(claim.quantities) + len(claim.periods)
    all_keys = not outcome.missing
    matched_key = bool(outcome.matched) and keys > 0
    enough = outcome.predicate >= limits.confirm_coverage and outcome.subject >= SUBJECT_COVERAGE
    strong = matched_key or (outcome.coverage >= 0.9 and len(claim.words) >= 2)
    statement_negative = _negated_near(claim, statement)
    flipped = claim.negative != statement_negative
    if all_keys and strong and flipped and outcome.coverage >= limits.flip_coverage:
        side = "claim" if claim.negative else "statement"
        outcome.relation = Relation.CONTRADICTS
        outcome.conflicts.append(f"polarity: the {side} says the opposite")
        outcome.detail = outcome.conflicts[-1]
        return
    if all_keys and strong and enough and claim.negative == statement_negative:
        outcome.relation = Relation.SUPPORTS
        terms = "matches " + ", ".join(outcome.matched) + "; " if outcome.matched else ""
        outcome.detail = f"{terms}{outcome.coverage:.0%} of the words covered"
        return
    reasons = []
    if outcome.missing:
        reasons.append("not found: " + ", ".join(outcome.missing))
    if not enough:
        reasons.append(f"only {outcome.coverage:.0%} of the words covered")
    if claim.negative != statement_negative:
        reasons.append("polarity differs")
    outcome.detail = "; ".join(reasons) or "too little in common"
