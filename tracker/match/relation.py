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
from dataclasses import replace

from tracker.match.claim import ClaimReading, Key, is_soft
from tracker.match.context import covered, name_covered
from tracker.match.facts import FactOutcome, compare_facts
from tracker.match.idents import equivalent, related
from tracker.match.normalize import stem
from tracker.match.outcome import Outcome, Thresholds
from tracker.match.reading import Reading, size_mark
from tracker.match.slots import (
    compare_feature,
    compare_ident,
    compare_plain_value,
    compare_slot,
    compare_techs,
    names_the_slot,
)
from tracker.match.subjects import subject_mismatch
from tracker.match.terms import (
    STOPWORDS,
    Ident,
    Parsed,
    Period,
    Quantity,
    ends_object,
    in_subject,
    is_local_negation,
)
from tracker.match.vocab import ORDINAL_WORDS, PRIVATIVES, UNSETTLED
from tracker.result import Relation

__all__ = ["Outcome", "Thresholds", "relate"]

# Share of the subject's words (before the verb) a confirming statement must contain.
SUBJECT_COVERAGE = 0.25
# The whole claim (subject words at half weight) must be covered to this share of the
# confirm threshold, so a long subject with a one-word predicate is not confirmed.
OVERALL_SHARE = 0.85
# A conflict between lone terms without shared context needs this share of the claim's
# words in the statement: the statement must be about the same thing.
WEAK_CONFLICT_WORDS = 0.0
# How many content words after a statement's negation it negates.
NEGATION_REACH = 3


def relate(
    claim: ClaimReading, statement: Reading, limits: Thresholds, other_story: bool = False
) -> Outcome:
    """Compare one claim with one statement, term by term.

    A statement of another story (the "all" scope) counts only if it names the claim's
    subject: its model, or every name the claim's subject part gives.
    """
    outcome = _relate_text(claim, statement, limits, other_story)
    hedge = _unsettled(claim, statement)
    if hedge and outcome.relation is not Relation.UNRELATED:
        # A statement that hedges or only reports settles nothing either way.
        return replace(
            outcome,
            relation=Relation.UNRELATED,
            detail=f"{outcome.detail}, but the statement does not settle it ('{hedge}')",
        )
    if claim.fact and statement.fact and not claim.negative:
        settled = compare_facts(claim.fact, statement.fact)
        if settled is not None:
            return _with_fact(claim, statement, settled, outcome)
    return outcome


UNSETTLED_STEMS = frozenset(stem(word) for word in UNSETTLED)


def _unsettled(claim: ClaimReading, statement: Reading) -> str:
    """The word by which a statement only reports or hedges ("may", "is rumoured to",
    "declined to comment"), if it has one and the claim does not hedge the same way
    ("was expected to" in both); "" for a statement that says it outright."""
    if UNSETTLED_STEMS.isdisjoint(statement.stems):
        return ""  # the quick test: most statements say things outright
    said = {t.low for t in claim.reading.parsed.tokens}
    for token in statement.parsed.tokens:
        if token.low in UNSETTLED and not token.capital and token.low not in said:
            return token.text
    return ""


def _with_fact(
    claim: ClaimReading, statement: Reading, settled: FactOutcome, text: Outcome
) -> Outcome:
    """The statement's own structured fact, of the claim's subject and attribute, with
    what the texts say: differing values contradict; equal values confirm unless the
    claim's text says more than its value that the statement's text does not (another
    figure that differs, a name it does not say)."""
    if settled.relation is Relation.CONTRADICTS:
        found = replace(text, relation=Relation.CONTRADICTS, detail=settled.detail)
        found.conflicts = list(dict.fromkeys([settled.term, *text.conflicts]))
        return found
    if text.relation is Relation.CONTRADICTS:
        return text
    # The claim's other key terms the statement's text leaves out, and names it does not say.
    keys = claim.keys
    others = [k for k in keys if not k.value and k.term.text in text.missing]
    if text.relation is Relation.SUPPORTS or not (
        others or _unsaid(claim.predicate_names, statement)
    ):
        found = replace(text, relation=Relation.SUPPORTS, detail=settled.detail)
        found.matched = list(dict.fromkeys([settled.term, *text.matched]))
        return found
    return replace(text, detail=f"{settled.detail}, but {text.detail}")


def _relate_text(
    claim: ClaimReading, statement: Reading, limits: Thresholds, other_story: bool
) -> Outcome:
    outcome = Outcome(Relation.UNRELATED, "")
    if claim.affirmative is not None and not any(covered(w, statement.stems) for w in claim.denied):
        # The statement says nothing of what the claim denies: judge what it affirms.
        claim = claim.affirmative
    if other_story and not _names_subject(claim, statement):
        outcome.detail = "another story's statement that does not name the claim's subject"
        return outcome
    hopeless = _nothing_comparable(claim, statement)
    if hopeless:
        # No key term has a counterpart of its kind: nothing can match or conflict.
        outcome.missing = hopeless
        outcome.detail = "not found: " + ", ".join(hopeless)
        return outcome
    other = subject_mismatch(claim, statement)
    if other:
        outcome.detail = other
        return outcome
    found: list[tuple[Key, int | None]] = []
    addressed: list[tuple[Key, int | None]] = []
    for key in claim.keys:
        before = (len(outcome.matched), len(outcome.conflicts), len(outcome.missing))
        place, absent = len(outcome.places), len(outcome.absent)
        if isinstance(key.term, Ident):
            compare_ident(key, statement, claim, outcome, limits)
        elif isinstance(key.term, Quantity):
            compare_slot(key, statement, claim, outcome, statement.parsed.quantities)
        else:
            compare_slot(key, statement, claim, outcome, statement.parsed.periods)
        if (is_soft(key) or _restated(claim, key)) and len(outcome.absent) > absent:
            # A bare count the statement never mentions ("four models") settles nothing,
            # nor a structured value the text states in other words ("4x" for "four").
            outcome.missing.pop()
            continue
        matched_at = outcome.places[place] if len(outcome.places) > place else None
        found.append((key, matched_at))
        hit = len(outcome.matched) > before[0] or len(outcome.conflicts) > before[1]
        addressed.append((key, 0 if hit else None))
    if claim.techs and not outcome.conflicts:
        compare_techs(claim, statement, outcome)
    if claim.affirms is not None and not outcome.conflicts:
        compare_feature(claim, statement, outcome)
    if (claim.plain_value or claim.colours) and not outcome.conflicts:
        compare_plain_value(claim, statement, outcome)
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
    outcome.coverage, outcome.predicate, outcome.subject, segment = _coverage(
        claim, statement, found
    )
    outcome.elsewhere = _said_of_another(claim, statement, segment)
    if outcome.conflicts:
        outcome.addressed = _coverage(claim, statement, addressed, anywhere=True)[0]
    _decide(claim, statement, outcome, limits)
    return outcome


def _restated(claim: ClaimReading, key: Key) -> bool:
    """Whether a structured value the text does not state as such ("4x") may be said in
    other words there: the text has terms of its kind. A claim whose text gives no
    figure at all ("will be priced higher", value "$799") must find the value."""
    if not key.soft:
        return False
    parsed = claim.reading.parsed
    if isinstance(key.term, Quantity):
        return bool(parsed.quantities)
    if isinstance(key.term, Period):
        return bool(parsed.periods)
    return bool(parsed.idents or parsed.names)


def _nothing_comparable(claim: ClaimReading, statement: Reading) -> list[str]:
    """The claim's key terms when none has a counterpart of its kind, else []."""
    if not claim.hard:
        return []
    for key in claim.keys:
        term = key.term
        if isinstance(term, Quantity):
            if term.unit in statement.units:
                return []
        elif isinstance(term, Period):
            if statement.parsed.periods:
                return []
        elif any(
            related(term.words, i.words) or (key.value and names_the_slot(claim, i))
            for i in statement.parsed.idents
        ):
            return []
    return list(claim.hard)


def _coverage(
    claim: ClaimReading,
    statement: Reading,
    keys: Sequence[tuple[Key, int | None]],
    anywhere: bool = False,
) -> tuple[float, float, float, int]:
    """Covered share of all words, of the predicate's and of the subject's, and the
    sentence or clause of the statement that covers the most.

    Key terms count as many words as they have tokens, and are covered when matched
    (`keys` holds where, or None). The predicate's other words must be found together,
    in one sentence or clause of the statement, unless `anywhere`.
    """
    sums = {True: [0.0, 0.0], False: [0.0, 0.0]}
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    best_number = 0
    segments = [statement.stems] if anywhere else statement.segments
    for number, segment in enumerate(segments):
        # The claim's words, and the model it names, must be found together, in one
        # sentence or clause.
        # Float starts: compiled with mypyc, a sum typed "float | Literal[0]" fails on floats.
        predicate = sum((w for word, w in claim.words if w >= 1.0 and covered(word, segment)), 0.0)
        subject = sum((w for word, w in claim.words if w < 1.0 and covered(word, segment)), 0.0)
        subject += sum(
            key.weight
            for key, at in keys
            if key.subject and at is not None and (anywhere or statement.segment_of[at] == number)
        )
        if predicate + subject > best[0]:
            best, best_number = (predicate + subject, predicate, subject), number
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
    return overall, predicate, subject, best_number


def _said_of_another(claim: ClaimReading, statement: Reading, segment: int) -> str:
    """Another identifier, when the clause covering the claim's words names it and the
    claim's own model is named only elsewhere in the statement: "RP1 is designed
    in-house; the BCM2712 comes from Broadcom" says nothing of the BCM2712's design."""
    idents = statement.parsed.idents
    where = statement.segment_of
    own = [
        i
        for s in claim.subjects[: claim.text_subjects]
        for i in idents
        if equivalent(s.words, i.words)
    ]
    if not own or any(where[i.start] == segment for i in own):
        return ""
    values = [k.term for k in claim.values if isinstance(k.term, Ident)]
    others = [
        i
        for i in idents
        if where[i.start] == segment
        and in_subject(statement.parsed, i.end)
        and not any(related(o.words, i.words) for o in own)
        and not any(equivalent(v.words, i.words) for v in values)
    ]
    return others[0].text if others else ""


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
        if is_local_negation(parsed, n) or _about_a_sibling(claim, parsed, n):
            continue
        seen = 0
        privative = tokens[n].low in PRIVATIVES
        for token in tokens[n + 1 :]:
            if parsed.clause[token.index] != parsed.clause[n] or seen >= NEGATION_REACH:
                break
            if privative and ends_object(parsed, token.index):
                break  # "removed Lightning and uses USB-C": only its object is denied
            if token.kind not in ("word", "code", "number") or token.low in STOPWORDS:
                continue
            if token.stem in wanted or token.index in starts:
                return True
            seen += 1
    return False


def _about_a_sibling(claim: ClaimReading, parsed: Parsed, negation: int) -> bool:
    """Whether the negation's clause is about other models of the claim's family:
    "reserved for the 13 Pro; the iPhone 13 and 13 mini do not get it" denies nothing
    of the 13 Pro."""
    clause = parsed.clause[negation]
    named = [i for i in parsed.idents if parsed.clause[i.start] == clause and i.end < negation]
    subjects = claim.subjects
    return (
        bool(named and subjects)
        and not any(equivalent(s.words, i.words) for s in subjects for i in named)
        and all(any(related(s.words, i.words) for s in subjects) for i in named)
    )


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
    return bool(names) and all(covered(w, statement.stems) for w in names)


def _about_the_subject(claim: ClaimReading, statement: Reading, outcome: Outcome) -> bool:
    """Whether a statement shares enough of the claim's words and names to be about it."""
    words_found = _coverage(claim, statement, [], anywhere=True)[0]
    names = [*claim.subject_names, claim.lead_name] if claim.lead_name else claim.subject_names
    names_found = all(covered(w, statement.stems) for w in names)
    # The claim's model (its subject, structured or written, or a model it names) named
    # in the statement says the same.
    models = [*claim.subjects, *(k.term for k in claim.values if isinstance(k.term, Ident))]
    model_named = any(equivalent(m.words, i.words) for m in models for i in statement.parsed.idents)
    return words_found >= WEAK_CONFLICT_WORDS and (
        names_found or outcome.subject_named or model_named
    )


def _unsaid(names: Sequence[str], statement: Reading) -> list[str]:
    """The names (stems) a statement does not say, allowing one edit in a long name."""
    return [name for name in names if not name_covered(name, statement.stems)]


def _slot_confirms(
    claim: ClaimReading, statement: Reading, outcome: Outcome, unsaid: Sequence[str]
) -> bool:
    """Whether every term of the structured value was found equal in the attribute's
    slot: the user's precise claim (subject, attribute, value) is then confirmed.
    `unsaid` are the asserted names the statement leaves out."""
    if claim.reading.quantifier_clauses:
        return False  # "all three models": one model's figure does not settle it
    wanted = sum(1 for k in claim.keys if k.value)
    wanted += len(claim.techs) + (claim.affirms is not None)
    if claim.colours or claim.plain_value:
        wanted += 1  # a name without figures ("MagSafe"), or a colour, found in its slot
    words = all(covered(word, statement.stems) for word in claim.value_words)
    # The names the claim asserts beside its value ("made by Samsung Display") must be
    # said too: finding the value does not confirm the rest.
    return wanted > 0 and outcome.slot_matches >= wanted and words and not unsaid


def _another_model(claim: ClaimReading, statement: Reading) -> bool:
    """Whether the statement names a sibling model, missing the number of the claim's
    subject: a differing value there is another model's ("Acme Deck Lite"
    ships in 2026 says nothing of when "Acme Deck 3" ships)."""
    names, family = claim.subject_numbers
    said = {t.low for t in statement.parsed.tokens}
    if all(w in said for w in names):
        return False  # the quick test: the statement names them as words
    said |= {size_mark(q) for q in statement.parsed.quantities}
    # "2nd generation" and "second generation" name generation 2 too.
    said |= {w[:-2] for w in said if w[-2:] in ("st", "nd", "rd", "th") and w[:-2].isdigit()}
    said |= {str(ORDINAL_WORDS[w]) for w in said if w in ORDINAL_WORDS}
    if "first" in said:
        said.add("1")
    if not names or all(w in said for w in names):
        return False
    # A sibling model: the statement names the family ("Steam Deck") without the number.
    return bool(family) and set(family) <= said


def _written(claim: ClaimReading, stems: Sequence[str]) -> str:
    """The claim's words with these stems, as written and in order ("Samsung Display")."""
    wanted = set(stems)
    return " ".join(t.text for t in claim.reading.parsed.tokens if t.stem in wanted)


def _conflict_blocked(
    claim: ClaimReading,
    statement: Reading,
    addressed: bool,
    strong_enough: bool,
    outcome: Outcome,
) -> str:
    """Why a conflict found is not a contradiction (the statement is about something
    else), or "" when it is one."""
    # A product known by its code name is not known to be the one a statement names
    # without it: "codenamed Orchid, for 2027" is not contradicted by the Acme 5's date.
    if _unsaid(claim.codename, statement):
        return f"the statement never names the code name {claim.codename_text}"
    if _another_model(claim, statement):
        return "the statement is about another model of the family"
    if not addressed or not strong_enough:
        return f"only {outcome.addressed:.0%} of the words covered"
    return ""


def _decide(claim: ClaimReading, statement: Reading, outcome: Outcome, limits: Thresholds) -> None:
    strong_enough = not outcome.weak or _about_the_subject(claim, statement, outcome)
    # A differing structured value in the attribute's own slot is a conflict however few
    # of the claim's other words the statement shares.
    addressed = outcome.addressed >= limits.conflict_coverage or outcome.slot_conflict
    if outcome.conflicts:
        why = _conflict_blocked(claim, statement, addressed, strong_enough, outcome)
        if not why:
            outcome.relation = Relation.CONTRADICTS
            outcome.detail = outcome.conflicts[0]
            return
        # A differing value in a statement about something else is no conflict.
        outcome.detail = f"{outcome.conflicts[0]}, but {why}"
        outcome.conflicts.clear()
        return
    keys = len(claim.values) + len(claim.quantities) + len(claim.periods)
    all_keys = not outcome.missing
    matched_key = (bool(outcome.matched) and keys > 0) or outcome.subject_named
    named = [w for w in claim.subject_names]
    found = sum(1 for w in named if covered(w, statement.stems))
    subject_ok = (
        not named
        or found / len(named) >= SUBJECT_COVERAGE
        or outcome.subject_named
        or _anaphoric(statement)
    )
    unsaid = _unsaid(claim.predicate_names, statement)
    covers = (
        outcome.predicate >= limits.confirm_coverage
        and outcome.coverage >= limits.confirm_coverage * OVERALL_SHARE
    )
    enough = covers and subject_ok and not unsaid
    strong = matched_key or (outcome.coverage >= 0.9 and len(claim.words) >= 2)
    statement_negative = _negated_near(claim, statement)
    flipped = claim.negative != statement_negative
    # The structured value found in its slot settles the claim either way: confirmed
    # with the same polarity, contradicted with the opposite ("not in 2023" against a
    # statement dating it in October 2023), whatever else the claim text adds.
    in_slot = subject_ok and _slot_confirms(claim, statement, outcome, unsaid)
    # Only a denial ("not in 2023") meets its value affirmed in the slot this way: a
    # negation in the statement may govern other words than the claim's value.
    denied_in_slot = in_slot and claim.negative and not statement_negative
    if (
        all_keys
        and strong
        and flipped
        and (outcome.coverage >= limits.flip_coverage or denied_in_slot)
    ):
        side = "claim" if claim.negative else "statement"
        outcome.relation = Relation.CONTRADICTS
        outcome.conflicts.append(f"polarity: the {side} says the opposite")
        outcome.detail = outcome.conflicts[-1]
        return
    if (
        all_keys
        and not outcome.elsewhere
        and (strong or in_slot)
        and claim.negative == statement_negative
        and (enough or in_slot)
    ):
        outcome.relation = Relation.SUPPORTS
        terms = "matches " + ", ".join(outcome.matched) + "; " if outcome.matched else ""
        outcome.detail = f"{terms}{outcome.coverage:.0%} of the words covered"
        return
    reasons = []
    if outcome.elsewhere:
        reasons.append(f"the words covered are said of {outcome.elsewhere}")
    if outcome.missing:
        reasons.append("not found: " + ", ".join(outcome.missing))
    if not covers:
        reasons.append(f"only {outcome.coverage:.0%} of the words covered")
    if not subject_ok:
        unnamed = [w for w in (claim.lead_name, *named) if w and not covered(w, statement.stems)]
        reasons.append("the statement does not name " + _written(claim, unnamed))
    if unsaid:
        reasons.append("the statement does not say " + _written(claim, unsaid))
    if claim.negative != statement_negative:
        reasons.append("polarity differs")
    outcome.detail = "; ".join(reasons) or "too little in common"
