"""How one statement bears on one claim: supports, contradicts or unrelated.

A statement supports a claim only when, read literally, it covers all of it: every key
term (quantity, identifier, date) has an equal counterpart in the same context, the
subject is the same, the polarity is the same, and most content words are there.
It contradicts when a same-slot term differs (32MP where the claim says a 20MP front
camera; "12S Ultra" where it says "12 Ultra"; 5 July where it says 4 July), or when
the polarity flips with everything else aligned. Anything else settles nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from tracker.match.context import Context, classes, rank
from tracker.match.idents import equivalent, family_covers, related
from tracker.match.normalize import UNIT_WORDS
from tracker.match.reading import ClaimReading, Key, Reading
from tracker.match.terms import (
    STOPWORDS,
    VARIANTS,
    Ident,
    Parsed,
    Period,
    Quantity,
    in_subject,
    is_local_negation,
    own_words,
)
from tracker.result import Relation

# How much worse (in weighted shared context words) an equal counterpart may be than
# the best-placed one and still count as the claim's slot.
SLOT_SLACK = 0.75
# Share of the subject's words (before the verb) a confirming statement must contain.
SUBJECT_COVERAGE = 0.25
# Rounding to the claim's precision confirms only values this close (relative).
ROUNDING = 0.02
# The whole claim (subject words at half weight) must be covered to this share of the
# confirm threshold, so a long subject with a one-word predicate is not confirmed.
OVERALL_SHARE = 0.85
# A conflict between lone terms without shared context needs this share of the claim's
# words in the statement: the statement must be about the same thing.
WEAK_CONFLICT_WORDS = 0.0
# Weighted shared context a differing counterpart needs to be the claim's slot.
MIN_CONFLICT_CONTEXT = 1.0
# Share of the claim term's context a differing counterpart must share to conflict.
MIN_SHARED_CONTEXT = 0.3
# Context credit for a statement term that belongs to the model the claim names.
OWNER_BONUS = 1.0
# How many content words after a statement's negation it negates.
NEGATION_REACH = 3


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
    # Coverage counting conflicting key terms as found: how much the statement addresses.
    addressed: float = 0.0
    subject_named: bool = False
    places: list[int] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    # A conflict found only because each side has one such term, without shared words.
    weak: bool = False


def relate(
    claim: ClaimReading, statement: Reading, limits: Thresholds, other_story: bool = False
) -> Outcome:
    """Compare one claim with one statement, term by term.

    A statement of another story (the "all" scope) counts only if it names the claim's
    subject: its model, or every name the claim's subject part gives.
    """
    outcome = Outcome(Relation.UNRELATED, "")
    if other_story and not _names_subject(claim, statement):
        outcome.detail = "another story's statement that does not name the claim's subject"
        return outcome
    hopeless = _nothing_comparable(claim, statement)
    if hopeless:
        # No key term has a counterpart of its kind: nothing can match or conflict.
        outcome.missing = hopeless
        outcome.detail = "not found: " + ", ".join(hopeless)
        return outcome
    other = _subject_mismatch(claim, statement)
    if other:
        outcome.detail = other
        return outcome
    found: list[tuple[Key, int | None]] = []
    addressed: list[tuple[Key, int | None]] = []
    for key in (*claim.values, *claim.quantities, *claim.periods):
        before = (len(outcome.matched), len(outcome.conflicts), len(outcome.missing))
        place = len(outcome.places)
        if isinstance(key.term, Ident):
            _compare_ident(key, statement, claim, outcome, limits)
        elif isinstance(key.term, Quantity):
            _compare_slot(key, statement, claim, outcome, statement.parsed.quantities)
        else:
            _compare_slot(key, statement, claim, outcome, statement.parsed.periods)
        if (_soft(key) or key.soft) and outcome.absent and outcome.absent[-1] == key.term.text:
            # A bare count the statement never mentions ("four models") settles nothing.
            outcome.missing.pop()
            continue
        matched_at = outcome.places[place] if len(outcome.places) > place else None
        found.append((key, matched_at))
        hit = len(outcome.matched) > before[0] or len(outcome.conflicts) > before[1]
        addressed.append((key, 0 if hit else None))
    if claim.plain_value and not outcome.conflicts:
        _compare_plain_value(claim, statement, outcome)
    for subject in claim.subjects[: claim.text_subjects]:
        where = [i.start for i in statement.parsed.idents if equivalent(subject.words, i.words)]
        outcome.subject_named = outcome.subject_named or bool(where)
        item = (
            # The statement naming the claim's very model counts toward the claim's
            # coverage (at half weight): it is the strongest sign both are about one thing.
            Key(subject, {}, subject.text, weight=len(subject.words) * 0.5),
            where[0] if where else None,
        )
        found.append(item)
        addressed.append(item)
    outcome.coverage, outcome.predicate, outcome.subject = _coverage(claim, statement, found)
    if outcome.conflicts:
        outcome.addressed = _coverage(claim, statement, addressed, anywhere=True)[0]
    _decide(claim, statement, outcome, limits)
    return outcome


# ---------------------------------------------------------------- subjects


def _nothing_comparable(claim: ClaimReading, statement: Reading) -> list[str]:
    """The claim's key terms when none has a counterpart of its kind, else []."""
    keys = [*claim.values, *claim.quantities, *claim.periods]
    hard = [k for k in keys if not k.soft and not _soft(k)]
    if not hard:
        return []
    for key in keys:
        term = key.term
        if isinstance(term, Quantity):
            if term.unit in statement.units:
                return []
        elif isinstance(term, Period):
            if statement.parsed.periods:
                return []
        elif any(related(term.words, i.words) for i in statement.parsed.idents):
            return []
    return [k.term.text for k in hard]


def _subject_mismatch(claim: ClaimReading, statement: Reading) -> str:
    """A reason when the statement is about a sibling of the claim's subject, else ""."""
    idents = statement.parsed.idents
    if statement.quantifier_clauses and any(
        related(s.words, i.words) for s in claim.subjects for i in idents
    ):
        return ""
    for subject in claim.subjects:
        if any(
            equivalent(subject.words, i.words) or family_covers(subject.words, i.words)
            for i in idents
        ):
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


def _owner(statement: Reading, start: int, end: int, names: bool = True) -> Ident | None:
    """The identifier a statement term belongs to: "for X" after it, else the nearest before."""
    parsed = statement.parsed
    tokens = parsed.tokens
    clause = parsed.clause[start]
    named = (*parsed.idents, *parsed.names)
    for ident in named:
        after = end + 1 < len(tokens) and tokens[end + 1].low in ("for", "on")
        if after and ident.start in (end + 2, end + 3):
            return ident
    paired = _respective(parsed, start)
    if paired is not None:
        return paired
    # Identifiers first; a name ("Pixel Watch") only when no identifier precedes.
    for group in (parsed.idents, parsed.names) if names else (parsed.idents,):
        before = [i for i in group if i.end < start and parsed.clause[i.end] == clause]
        if before:
            return max(before, key=lambda i: i.end)
    return None


def _run(parsed: Parsed, items: Sequence[Quantity | Ident], last: int) -> list[int]:
    """Indices of the list `items[..last]` joined by "and", "or" or commas."""
    run = [last]
    while run[0] > 0:
        before, after = items[run[0] - 1], items[run[0]]
        between = parsed.tokens[before.end + 1 : after.start]
        if not between or not all(t.low in ("and", "or", ",", "the") for t in between):
            break
        run.insert(0, run[0] - 1)
    return run


def _respective(parsed: Parsed, start: int) -> Ident | None:
    """ "X and Y start at $999 and $1,099": each figure belongs to its model, in order."""
    quantities = parsed.quantities
    here = next((n for n, q in enumerate(quantities) if q.start == start), None)
    if here is None:
        return None
    unit = quantities[here].unit
    last = here
    while last + 1 < len(quantities) and quantities[last + 1].unit == unit:
        nxt = _run(parsed, quantities, last + 1)
        if nxt[0] > here:
            break
        last += 1
    figures = _run(parsed, quantities, last)
    if len(figures) < 2 or any(quantities[n].unit != unit for n in figures):
        return None
    clause = parsed.clause[start]
    idents = [
        n
        for n, i in enumerate(parsed.idents)
        if i.end < quantities[figures[0]].start and parsed.clause[i.end] == clause
    ]
    if not idents:
        return None
    models = _run(parsed, parsed.idents, idents[-1])
    if len(models) != len(figures):
        return None
    return parsed.idents[models[figures.index(here)]]


def _foreign(key: Key, claim: ClaimReading, statement: Reading, start: int, end: int) -> bool:
    """Whether a statement term belongs to another model than the claim term's subject.

    Dates belong to events ("Galaxy Unpacked"), so only identifiers own them.
    """
    owner = _owner(statement, start, end, names=not isinstance(key.term, Period))
    if owner is None or statement.parsed.clause[start] in statement.quantifier_clauses:
        return False
    subjects = [key.owner] if key.owner is not None else claim.subjects
    if subjects:
        if any(
            equivalent(s.words, owner.words) or family_covers(s.words, owner.words)
            for s in subjects
        ):
            return False
        if not owner.codes:
            # A name without a number ("AirPods Pro") may be the claim's model, unless
            # it adds a word of its own ("Pixel Watch" is not the "Pixel 7").
            return any(
                related(s.words, owner.words) and not set(owner.words) <= set(s.words)
                for s in subjects
            )
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
                outcome.places.append(ident.start)
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
        if in_subject(statement.parsed, ident.end):
            # A rival the statement talks about (its subject) is another product, not
            # a different value for the claim's slot.
            continue
        context = statement.ident_context[idents.index(ident)]
        # A claim that is only a model name ("Snapdragon 778G") has no context to share.
        bare = not claim.words
        if not bare and not _shared_share(key.context, context):
            continue  # named in another context: not a rival value for this slot
        similarity = fuzz.ratio(term.key, ident.key)
        if similarity >= limits.identifier_similarity:
            rivals.append((similarity, ident.start, ident))
    if rivals:
        rivals.sort(key=lambda r: (-r[0], r[1]))
        rival = rivals[0][2]
        outcome.conflicts.append(f"{key.label}: claim {term.text}, statement {rival.text}")
    else:
        outcome.missing.append(term.text)
        outcome.absent.append(term.text)


# ---------------------------------------------------------------- quantities and dates


def _shared_share(claim_context: Context, other: Context) -> float:
    """Share of the claim term's context weight that the other term's context holds."""
    total = sum(w for word, w in claim_context.items() if not word.startswith("@"))
    if not total:
        return 0.0
    return min(1.0, sum(w for word, w in claim_context.items() if word in other) / total)


def _same_noun(
    claim: Parsed, term: Quantity | Period, statement: Parsed, other: Quantity | Period
) -> bool:
    """A number goes with its own noun: "32MP front camera" is not "50MP rear cameras"."""
    if not isinstance(term, Quantity) or term.unit.startswith("n:"):
        return True
    mine, theirs = own_words(claim, term.end), own_words(statement, other.end)
    if not mine or not theirs:
        return True
    return mine[0] in theirs or theirs[0] in mine


def _noun_present(
    claim: Parsed, term: Quantity | Period, statement: Reading, other: Quantity | Period
) -> bool:
    """An equal figure confirms only if the claim's own noun is the statement's too, or at
    least in the statement: "32MP rear camera" is not confirmed by "32MP front camera"."""
    if _same_noun(claim, term, statement.parsed, other):
        return True
    assert isinstance(term, Quantity)
    mine = own_words(claim, term.end)
    return mine[0] in statement.stems


def _adjacent(statement: Reading, owner: Ident, other: Quantity | Period) -> bool:
    """Whether the owner stands right by the term ("RTX 3090 at $1,499")."""
    tokens = statement.parsed.tokens
    low, high = (
        (owner.end + 1, other.start) if owner.end < other.start else (other.end + 1, owner.start)
    )
    between = tokens[low:high]
    return len(between) <= 3 and all(t.low in STOPWORDS for t in between)


def _compare_plain_value(claim: ClaimReading, statement: Reading, outcome: Outcome) -> None:
    """A value without figures ("USB-C") against the name the statement gives the slot.

    The attribute names the slot ("port"); a capitalised name right before or after the
    slot word in the statement ("the Lightning port") that is not the claimed value is
    a rival value. Without the slot word in the statement nothing is compared.
    """
    if all(_covered(word, statement.stems) for word in claim.plain_value):
        return
    if claim.value_text == claim.value_text.lower():
        return  # "yes", "curved edges": not a name that a rival name could replace
    slot = {word for word in claim.attribute if not word.startswith("@")}
    parsed = statement.parsed
    # Words the claim names, except a value it only compares with ("from Lightning").
    ctokens = claim.reading.parsed.tokens
    compared = {
        t.stem
        for t in ctokens
        if t.index > 0 and ctokens[t.index - 1].low in ("from", "replacing", "replaces", "than")
    }
    claim_words = claim.reading.stems - compared
    for token in parsed.tokens:
        if token.stem not in slot or token.index == 0:
            continue
        other = parsed.tokens[token.index - 1]  # the name right before: "the Lightning port"
        if not other.capital or other.kind != "word" or other.index in parsed.used:
            continue
        if other.stem in slot or other.stem in claim_words or other.low in UNIT_WORDS:
            continue
        if any(i.start <= other.index <= i.end for i in parsed.idents):
            continue
        label = " ".join(sorted(slot))
        outcome.conflicts.append(f"{label}: claim {claim.value_text}, statement {other.text}")
        return


def _soft(key: Key) -> bool:
    """Bare counts ("four models") and clock times are key terms only where the statement
    has one of their kind."""
    return isinstance(key.term, Quantity) and (
        key.term.unit.startswith("n:") or key.term.unit in ("am", "pm")
    )


def _fits(claim_term: Quantity | Period, other: Quantity | Period) -> bool | None:
    """True if `other` agrees with the claim term, False if it cannot, None if unsure."""
    if isinstance(claim_term, Quantity) and isinstance(other, Quantity):
        if (other.low, other.high) == (claim_term.low, claim_term.high):
            return True  # the same figure, or the same bound ("more than 280 million")
        if other.low != other.high and math.isinf(other.low) != math.isinf(other.high):
            # A statement's "over 746 million" reports that figure, not an open range.
            other = replace(other, low=other.value, high=other.value)
        if other.low != other.high:
            if claim_term.low <= other.low and other.high <= claim_term.high:
                return True
            if other.high < claim_term.low or other.low > claim_term.high:
                return False
            return None
        if claim_term.low == claim_term.high:
            same = round(other.value, claim_term.places) == round(
                claim_term.value, claim_term.places
            )
            # 50.3MP confirms "50MP", but 7.4 inches is not "7 inches".
            close = abs(other.value - claim_term.value) <= ROUNDING * abs(claim_term.value)
            return same and close
        return claim_term.low <= other.value <= claim_term.high
    if isinstance(claim_term, Period) and isinstance(other, Period):
        if claim_term.span:
            if not other.span:
                return None
            return (claim_term.low, claim_term.high) == (other.low, other.high)
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
        outcome.absent.append(term.text)
        return
    scores = rank(key.context, [ctx for _, ctx in pool])
    bonus = [False] * len(pool)
    for n, (other, _) in enumerate(pool):
        # A figure of the very model the claim names is that model's figure.
        if not isinstance(other, Quantity):
            break
        owner = _owner(statement, other.start, other.end)
        if owner is None or not _adjacent(statement, owner, other):
            continue
        if any(equivalent(s.words, owner.words) for s in owners):
            scores[n] += OWNER_BONUS
            bonus[n] = True
    if isinstance(term, Quantity) and term.starting:
        # "starts at $X" in both: the same slot, the lowest price.
        for n, (other, _) in enumerate(pool):
            if isinstance(other, Quantity) and other.starting:
                scores[n] += 1.0
                bonus[n] = True
    best = max(scores)
    fits = [_fits(term, other) for other, _ in pool]
    if isinstance(term, Quantity) and term.starting and best == 0 and len(pool) > 1:
        # "starts at $X": the lowest price the statement lists.
        lowest = min(range(len(pool)), key=lambda n: pool[n][0].low)
        scores[lowest] += 1.0
        bonus[lowest] = True
        best = max(scores)
    # An equal value counts unless a differing one clearly holds the claim's slot.
    agreeing = [
        n
        for n, ok in enumerate(fits)
        if ok and (best < MIN_CONFLICT_CONTEXT or scores[n] >= max(best - SLOT_SLACK, best / 2))
    ]
    if len(pool) > 1:
        agreeing = [
            n
            for n in agreeing
            if bonus[n]
            or key.soft
            or _noun_present(claim.reading.parsed, term, statement, pool[n][0])
        ]
    exact = (isinstance(term, Quantity) and term.low == term.high) or (
        isinstance(term, Period) and term.day
    )
    identical = [n for n in agreeing if (pool[n][0].low, pool[n][0].high) == (term.low, term.high)]
    if best < MIN_CONFLICT_CONTEXT and not exact and not identical:
        # No clear slot: a value inside a claimed range or bound counts only if no
        # value outside it is as well placed (an exact equal figure is evidence itself).
        agreeing = [
            n
            for n in agreeing
            if (scores[n] > 0 or isinstance(term, Quantity))
            and not any(fits[m] is not True and scores[m] >= scores[n] for m in range(len(pool)))
        ]
    if agreeing:
        other = pool[agreeing[0]][0]
        outcome.matched.append(
            f"{key.label}: {other.text}" if key.label != term.text else other.text
        )
        outcome.places.append(other.start)
        return
    top = [n for n, score in enumerate(scores) if score == best]
    # A differing value only conflicts when it goes with the same noun.
    top = [
        n
        for n in top
        if bonus[n]
        or key.soft
        or _same_noun(claim.reading.parsed, term, statement.parsed, pool[n][0])
    ]
    if not top:
        outcome.missing.append(term.text)
        return
    # Two specific days, the only ones on each side, are the same slot even without
    # shared words ("launch on 5 July" against "the event on 4 July").
    lone_days = (
        len(pool) == 1
        and isinstance(term, Period)
        and term.day
        and isinstance(pool[0][0], Period)
        and pool[0][0].day
        and len(claim.periods) == 1
    )
    lone_figure = (
        len(pool) == 1
        and isinstance(term, Quantity)
        and not term.unit.startswith("n:")
        and sum(
            1 for k in claim.quantities if isinstance(k.term, Quantity) and k.term.unit == term.unit
        )
        == 1
    )
    lone_days = lone_days or lone_figure
    placed = best >= MIN_CONFLICT_CONTEXT or (len(pool) == 1 and best > 0) or lone_days
    shared = _shared_share(key.context, pool[top[0]][1])
    if bonus[top[0]] or lone_days:
        shared = 1.0  # the same model's figure, "starting at" in both, or the only days
    if placed and shared >= MIN_SHARED_CONTEXT and all(fits[n] is False for n in top):
        other = pool[top[0]][0]
        outcome.conflicts.append(f"{key.label}: claim {term.text}, statement {other.text}")
        outcome.weak = outcome.weak or (lone_days and best < MIN_CONFLICT_CONTEXT)
        return
    outcome.missing.append(term.text)


# ---------------------------------------------------------------- words and polarity


def _coverage(
    claim: ClaimReading,
    statement: Reading,
    keys: Sequence[tuple[Key, int | None]],
    anywhere: bool = False,
) -> tuple[float, float, float]:
    """Covered share of all words, of the predicate's and of the subject's.

    Key terms count as many words as they have tokens, and are covered when matched
    (`keys` holds where, or None). The predicate's other words must be found together,
    in one sentence or clause of the statement, unless `anywhere`.
    """
    sums = {True: [0.0, 0.0], False: [0.0, 0.0]}
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    segments = [statement.stems] if anywhere else statement.segments
    for number, segment in enumerate(segments):
        # The claim's words, and the model it names, must be found together, in one
        # sentence or clause.
        predicate = sum(w for word, w in claim.words if w >= 1.0 and _covered(word, segment))
        subject = sum(w for word, w in claim.words if w < 1.0 and _covered(word, segment))
        subject += sum(
            key.weight
            for key, at in keys
            if key.subject and at is not None and (anywhere or statement.segment_of[at] == number)
        )
        if predicate + subject > best[0]:
            best = (predicate + subject, predicate, subject)
    for _, weight in claim.words:
        sums[weight >= 1.0][0] += weight
    sums[True][1] += best[1]
    sums[False][1] += best[2]
    for key, at in keys:
        part = sums[not key.subject]
        part[0] += key.weight
        if at is not None and not key.subject:
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
    starts = {i.start for i in parsed.idents}
    tokens = parsed.tokens
    for n in parsed.negation:
        if is_local_negation(parsed, n):
            continue
        seen = 0
        for token in tokens[n + 1 :]:
            if parsed.clause[token.index] != parsed.clause[n] or seen >= NEGATION_REACH:
                break
            if token.kind not in ("word", "code", "number") or token.low in STOPWORDS:
                continue
            if token.stem in wanted or token.index in starts:
                return True
            seen += 1
    return False


PRONOUNS = frozenset(["he", "she", "it", "they", "its", "his", "her", "their"])
DETERMINERS = frozenset(["the", "this", "its", "his", "her", "their"])


def _anaphoric(statement: Reading) -> bool:
    """Whether the statement names its subject only by pronoun or "the film": the topic
    of its story, which the claim names outright."""
    tokens = statement.parsed.tokens
    for n, token in enumerate(tokens):
        opens = n == 0 or tokens[n - 1].low in (",", ";", ".", ":")
        if opens and token.low in PRONOUNS and token.low not in ("its", "his", "her", "their"):
            return True  # "He is signed to ...", ", it became ..."
        nxt = tokens[n + 1] if n + 1 < len(tokens) else token
        generic = nxt.kind == "word" and not nxt.capital and nxt.low not in STOPWORDS
        if opens and token.low in DETERMINERS and n + 1 < len(tokens) and generic:
            return True  # "On Rotten Tomatoes, the film holds ..."
    return False


def _names_subject(claim: ClaimReading, statement: Reading) -> bool:
    """Whether the statement names the claim's model or all its subject's names."""
    if any(equivalent(s.words, i.words) for s in claim.subjects for i in statement.parsed.idents):
        return True
    names = [*claim.subject_names, claim.lead_name] if claim.lead_name else claim.subject_names
    return bool(names) and all(_covered(w, statement.stems) for w in names)


def _about_the_subject(claim: ClaimReading, statement: Reading, outcome: Outcome) -> bool:
    """Whether a statement shares enough of the claim's words and names to be about it."""
    words_found = _coverage(claim, statement, [], anywhere=True)[0]
    names = [*claim.subject_names, claim.lead_name] if claim.lead_name else claim.subject_names
    names_found = all(_covered(w, statement.stems) for w in names)
    return words_found >= WEAK_CONFLICT_WORDS and (names_found or outcome.subject_named)


def _decide(claim: ClaimReading, statement: Reading, outcome: Outcome, limits: Thresholds) -> None:
    strong_enough = not outcome.weak or _about_the_subject(claim, statement, outcome)
    if outcome.conflicts and outcome.addressed >= limits.conflict_coverage and strong_enough:
        outcome.relation = Relation.CONTRADICTS
        outcome.detail = outcome.conflicts[0]
        return
    if outcome.conflicts:
        # A differing value in a statement about something else is no conflict.
        outcome.detail = (
            f"{outcome.conflicts[0]}, but only {outcome.addressed:.0%} of the words covered"
        )
        outcome.conflicts.clear()
        return
    keys = len(claim.values) + len(claim.quantities) + len(claim.periods)
    all_keys = not outcome.missing
    matched_key = (bool(outcome.matched) and keys > 0) or outcome.subject_named
    named = [w for w in claim.subject_names]
    found = sum(1 for w in named if _covered(w, statement.stems))
    subject_ok = (
        not named
        or found / len(named) >= SUBJECT_COVERAGE
        or outcome.subject_named
        or _anaphoric(statement)
    )
    enough = (
        outcome.predicate >= limits.confirm_coverage
        and outcome.coverage >= limits.confirm_coverage * OVERALL_SHARE
        and subject_ok
    )
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
