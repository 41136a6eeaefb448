"""Key terms compared in their slot: identifiers, quantities, dates and plain values.

Each claim term is compared with the statement's terms of its kind that sit in the
same context (shared neighbouring words, the same model, the same noun): an equal one
matches, a differing one in the same slot conflicts, anything else is not found.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from tracker.match.claim import ClaimReading, Key, tech_values
from tracker.match.context import Context, classes, covered, rank
from tracker.match.idents import equivalent, related
from tracker.match.normalize import UNIT_WORDS, stem
from tracker.match.outcome import Outcome, Thresholds
from tracker.match.reading import Reading
from tracker.match.subjects import adjacent, foreign, named_by_size, statement_owner
from tracker.match.terms import (
    STOPWORDS,
    Ident,
    Parsed,
    Period,
    Quantity,
    in_subject,
    own_words,
    replaced,
)
from tracker.match.vocab import (
    COLOURS,
    FIGURE_QUALIFIERS,
    HEDGES_APPROX,
    HEDGES_BELOW,
    MONEY,
    SLOT_KINDS,
    TECH_FAMILIES,
)

# How much worse (in weighted shared context words) an equal counterpart may be than
# the best-placed one and still count as the claim's slot.
SLOT_SLACK = 0.75
# Rounding to the claim's precision confirms only values this close (relative).
ROUNDING = 0.02
# Weighted shared context a differing counterpart needs to be the claim's slot.
MIN_CONFLICT_CONTEXT = 1.0
# Share of the claim term's context a differing counterpart must share to conflict.
MIN_SHARED_CONTEXT = 0.3
# Context credit for a statement term that belongs to the model the claim names: less
# than one shared word, so in "X has a 50MP wide and 10MP telephoto camera" the
# telephoto figure, not the one next to the name, answers a telephoto claim.
OWNER_BONUS = 0.5


def compare_ident(
    key: Key, statement: Reading, claim: ClaimReading, outcome: Outcome, limits: Thresholds
) -> None:
    term = key.term
    assert isinstance(term, Ident)
    idents = statement.parsed.idents
    for ident in idents:
        if replaced(statement.parsed, ident):
            continue  # "replacing iOS 16": the statement's old model, not its claim
        if equivalent(term.words, ident.words):
            in_slot = key.value and (
                claim.naming
                or in_attribute_slot(claim, statement.ident_context[idents.index(ident)])
            )
            if ident.negated:
                outcome.conflicts.append(f"{key.label}: statement denies {ident.text}")
                outcome.slot_conflict = outcome.slot_conflict or in_slot
            else:
                outcome.matched.append(ident.text)
                outcome.places.append(ident.start)
                outcome.slot_matches += in_slot
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
        if key.value and names_the_slot(claim, ident):
            # "an optional Zeta RX 500 Graphics Module": a name holding the
            # attribute's own noun is the slot's value, whatever its family.
            rivals.append((100.0, ident.start, ident))
            continue
        if not related(term.words, ident.words):
            continue
        # The name the statement gives the model of the claim's size is the rival
        # name, wherever it stands ("the new 6.9-inch Acme 20 Plus uses ...").
        by_size = named_by_size(claim, statement, ident)
        if in_subject(statement.parsed, ident.end) and not by_size:
            # A rival the statement talks about (its subject) is another product, not
            # a different value for the claim's slot.
            continue
        context = statement.ident_context[idents.index(ident)]
        # A claim that is only a model name ("Snapdragon 778G") has no context to share.
        bare = not claim.words
        # The structured value's rival may sit in the attribute's own slot ("Bluetooth
        # version": "Bluetooth 5.3") while sharing none of the claim text's other words.
        own_slot = key.value and in_attribute_slot(claim, context, ident.words)
        if not bare and not own_slot and not by_size and not _shared_share(key.context, context):
            continue  # named in another context: not a rival value for this slot
        similarity = fuzz.ratio(term.key, ident.key)
        if similarity >= limits.identifier_similarity:
            rivals.append((similarity, ident.start, ident))
    if rivals:
        rivals.sort(key=lambda r: (-r[0], r[1]))
        rival = rivals[0][2]
        outcome.conflicts.append(f"{key.label}: claim {term.text}, statement {rival.text}")
        outcome.slot_conflict = outcome.slot_conflict or (
            key.value
            and (
                claim.naming
                or in_attribute_slot(
                    claim, statement.ident_context[idents.index(rival)], rival.words
                )
            )
        )
    else:
        outcome.missing.append(term.text)
        outcome.absent.append(term.text)


# Share of the attribute's words a statement term's context must hold to be in its slot.
SLOT_SHARE = 0.5


# Nouns that name one slot of a device, so an `attribute` written with one finds the
# slot a statement names with another ("memory" and "16GB of RAM"). Only the attribute's
# slot uses them: claim text paraphrases still need configured aliases.
SLOT_NOUNS = (
    "display screen panel",
    "memory ram",
    "storag capacity",
    "chip processor chipset soc platform",
    "camera len sensor shooter webcam",
    "pric cost",
)
_SLOT_SAME: dict[str, frozenset[str]] = {
    word: frozenset(group.split()) for group in SLOT_NOUNS for word in group.split()
}


def in_attribute_slot(
    claim: ClaimReading, context: Context, noun: Sequence[str] = (), events: bool = False
) -> bool:
    """Whether a statement term sits in the slot the claim's `attribute` names: its
    neighbouring words (or its own noun) hold most of the attribute's words, or a word
    naming the same slot; with `events` (a date), a word of the same kind of event."""
    slot = _slot_words(claim)
    if not slot:
        return False
    found = sum(
        1
        for word in slot
        if any(w in context or w in noun for w in _SLOT_SAME.get(word, (word,)))
        # A date's event word finds its class: "release" is the slot of "on sale from".
        or (events and any(c in context for c in classes(word)))
    )
    return found / len(slot) >= SLOT_SHARE


def _slot_words(claim: ClaimReading) -> list[str]:
    """The words of the claim's `attribute` (without their event classes)."""
    return [word for word in claim.attribute if not word.startswith("@")]


def names_the_slot(claim: ClaimReading, ident: Ident) -> bool:
    """Whether a statement's name holds every word of the claim's `attribute`
    ("Sound Module" for attribute "sound module"): it names that slot's value."""
    slot = _slot_words(claim)
    stems = {stem(word) for word in ident.words}
    # One generic word ("chip") names too many things ("a Zeta Wi-Fi Chip").
    return len(slot) >= 2 and all(word in stems for word in slot)


def _shared_share(claim_context: Context, other: Context) -> float:
    """Share of the claim term's context weight that the other term's context holds."""
    total = sum(w for word, w in claim_context.items() if not word.startswith("@"))
    if not total:
        return 0.0
    return min(1.0, sum(w for word, w in claim_context.items() if word in other) / total)


def _same_noun(
    claim: Parsed,
    term: Quantity | Period,
    statement: Parsed,
    other: Quantity | Period,
    slot: Context | None = None,
) -> bool:
    """A number goes with its own noun: "32MP front camera" is not "50MP rear cameras".

    The claim's `attribute` (`slot`) names its noun too: with attribute "front camera",
    "20MP selfie camera" goes with "32MP front-facing camera".
    """
    if not isinstance(term, Quantity) or term.unit.startswith("n:") or term.unit == "px":
        return True  # a pixel grid ("2400 x 1080") is the screen's, whatever it is called
    mine, theirs = own_words(claim, term.end), own_words(statement, other.end)
    if not mine or not theirs:
        return True
    if slot and theirs[0] in slot:
        return True
    if mine[0] in theirs or theirs[0] in mine:
        return True
    # Words of one kind ("globally", "worldwide") say the same of the figure.
    return any(
        mine[0] in kind and theirs[0] in kind for kinds in FIGURE_QUALIFIERS for kind in kinds
    )


def _noun_match(
    claim: ClaimReading, term: Quantity | Period, statement: Reading, other: Quantity | Period
) -> bool:
    """Whether both figures have their own noun and it is the same one."""
    if not isinstance(term, Quantity):
        return False
    mine, theirs = own_words(claim.reading.parsed, term.end), own_words(statement.parsed, other.end)
    return bool(mine and theirs) and (mine[0] in theirs or theirs[0] in mine)


def _noun_present(
    claim: Parsed,
    term: Quantity | Period,
    statement: Reading,
    other: Quantity | Period,
    slot: Context | None = None,
) -> bool:
    """An equal figure confirms only if the claim's own noun is the statement's too, or at
    least in the statement: "32MP rear camera" is not confirmed by "32MP front camera"."""
    if _same_noun(claim, term, statement.parsed, other, slot):
        return True
    assert isinstance(term, Quantity)
    mine = own_words(claim, term.end)
    return mine[0] in statement.stems


def compare_plain_value(claim: ClaimReading, statement: Reading, outcome: Outcome) -> None:
    """A value without figures ("USB-C") against the name the statement gives the slot.

    The attribute names the slot ("port"); a capitalised name right before or after the
    slot word in the statement ("the Lightning port") that is not the claimed value is
    a rival value. Without the slot word in the statement nothing is compared.
    """
    if compare_colours(claim, statement, outcome) or not claim.plain_value:
        return
    if _rival_name(claim, statement, outcome):
        return
    lower = claim.value_text == claim.value_text.lower()
    if all(covered(word, statement.stems) for word in claim.plain_value):
        # The name in a sentence that names the slot too ("MagSafe charging" for a
        # "charging port" of "MagSafe") is the value in its slot.
        # A name attribute's value is its own slot, spelled exactly.
        named = claim.naming and all(word in statement.stems for word in claim.plain_value)
        if named or any(
            all(covered(word, segment) for word in claim.plain_value)
            and in_attribute_slot(claim, dict.fromkeys(segment, 1.0))
            for segment in statement.segments
        ):
            outcome.slot_matches += 1
            outcome.matched.append(claim.value_text)
        return
    if lower:
        return  # "curved edges": not a name that a rival name could replace
    slot = set(_slot_words(claim))
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
        # The name before one slot word is a rival in the slot only when the statement
        # names the whole slot ("Retina display" is no rival to a "display backlight").
        outcome.slot_conflict = all(covered(word, statement.stems) for word in slot)
        return


# Units that tell configurations of one model apart (memory and storage sizes).
CONFIGURATION_UNITS = frozenset(["GB"])
CONFIGURATIONS = frozenset(["model", "version", "configuration", "variant", "edition"])


def _other_configuration(claim: ClaimReading, statement: Reading, other: Quantity) -> bool:
    """Whether a statement figure is that of a configuration the claim does not name:
    "A 512GB model costs $649.99" says nothing of a claim without 512GB."""
    parsed = statement.parsed
    clause = parsed.clause[other.start]
    for q in parsed.quantities:
        if q.end >= other.start or q.unit == other.unit or parsed.clause[q.end] != clause:
            continue
        if not set(own_words(parsed, q.end)[:1]) & {stem(w) for w in CONFIGURATIONS}:
            continue
        mine = claim.reading.parsed.quantities
        return not any(c.unit == q.unit and c.value == q.value for c in mine)
    return False


def _same_configuration(claim: ClaimReading, statement: Reading, other: Quantity) -> bool:
    """Whether the statement figure's clause holds a memory or storage size that the
    claim names too: the configuration the claim is about."""
    parsed = statement.parsed
    clause = parsed.clause[other.start]
    mine = [c.value for c in claim.reading.parsed.quantities if c.unit in CONFIGURATION_UNITS]
    return other.unit not in CONFIGURATION_UNITS and any(
        parsed.clause[q.start] == clause and q.value in mine
        for q in parsed.quantities
        if q.unit in CONFIGURATION_UNITS
    )


def _other_kind(claim_context: Context, other: Context) -> bool:
    """Whether the figure's words name another kind of the claim's slot ("MagSafe
    charging" against "wired charging") and not the claim's own."""
    for kinds in SLOT_KINDS:
        mine = {n for n, words in enumerate(kinds) if not words.isdisjoint(claim_context)}
        if not mine:
            continue  # the claim names no kind of this slot: most claims
        theirs = {n for n, words in enumerate(kinds) if not words.isdisjoint(other)}
        if theirs and not mine & theirs:
            return True
    return False


def _events(context: Context) -> set[str]:
    """The kinds of event (@announce, @order...) a context names."""
    return {word for word in context if word.startswith("@")}


def _unnamed_event(claim_context: Context, other: Context) -> bool:
    """Whether the statement's context names a kind of event the claim's does not."""
    return bool(_events(other) - _events(claim_context))


def _other_events(claim_context: Context, other: Context) -> bool:
    """Whether both contexts name a kind of event (@announce, @order...) and none the same."""
    mine, theirs = _events(claim_context), _events(other)
    return bool(mine and theirs and not mine & theirs)


def _slot_of(
    claim: ClaimReading, statement: Reading, item: tuple[Quantity | Period, Context]
) -> bool:
    other, context = item
    noun = own_words(statement.parsed, other.end)
    if isinstance(other, Quantity) and other.unit in MONEY:
        # A sum of money is a price, and "from $599" a starting price, whatever words
        # stand beside it.
        noun = [*noun, "pric", "cost", *(["start"] if other.starting else [])]
    return in_attribute_slot(claim, context, noun, events=isinstance(other, Period))


def compare_colours(claim: ClaimReading, statement: Reading, outcome: Outcome) -> bool:
    """A colour value against the colours a statement lists (two or more in a sentence).

    Listed: the value's colour words in the same sentence match; missing from the list,
    they conflict. The attribute's other words ("keyboard" of "keyboard colour") must be
    in that sentence too. Returns whether a colour list settled it.
    """
    wanted = claim.colours
    if not wanted:
        return False
    tokens = statement.parsed.tokens
    other = [w for w in claim.colour_slot if w != "*"]
    for segment in _sentences(statement):
        listed = {tokens[n].low for n in segment if tokens[n].low in COLOURS}
        stems = {tokens[n].stem for n in segment}
        if len(listed) < 2 or not all(w in stems for w in other):
            continue
        if all(w in listed for w in wanted):
            outcome.matched.append(claim.value_text)
            outcome.slot_matches += 1
        else:
            label = claim.attribute_text or "colour"
            outcome.conflicts.append(
                f"{label}: claim {claim.value_text}, statement {', '.join(sorted(listed))}"
            )
            outcome.slot_conflict = True
        return True
    return False


def compare_techs(claim: ClaimReading, statement: Reading, outcome: Outcome) -> None:
    """Claimed technologies against those a statement sentence names for the same slot
    ("micro-OLED displays" against "two LCD panels"): all there match, else conflict."""
    sentences = re.split(r"[.;!?](?:\s|$)", statement.parsed.text)
    for family, claimed in claim.techs:
        slot = TECH_FAMILIES[family][1]
        lists = [
            tech_values(sentence, family)
            for sentence in sentences
            if slot & set(re.findall(r"[a-z]+", sentence.lower()))
        ]
        lists = [listed for listed in lists if listed]
        if not lists:
            continue
        if any(set(claimed) <= set(listed) for listed in lists):
            outcome.matched.append("/".join(claimed.values()))
            outcome.slot_matches += 1
            continue
        outcome.conflicts.append(
            f"{family}: claim {'/'.join(claimed.values())}, statement {'/'.join(lists[0].values())}"
        )
        outcome.slot_conflict = True
        return


# Attribute words too general to find a feature by ("S Pen support" -> "pen").
GENERAL_SLOT = frozenset(["support", "suport", "feature", "featur", "option", "availab"])
# Share of a feature attribute's words one statement sentence must hold.
FEATURE_SHARE = 0.66


def compare_feature(claim: ClaimReading, statement: Reading, outcome: Outcome) -> None:
    """A yes/no value against a statement sentence that names the feature (most of the
    attribute's words): named plainly, the feature is there; negated, it is not."""
    slot = [
        w
        for w in claim.attribute
        if not w.startswith("@") and not any(w.startswith(g) for g in GENERAL_SLOT)
    ]
    if not slot:
        return
    parsed = statement.parsed
    for sentence in _sentences(statement):
        stems = {parsed.tokens[n].stem for n in sentence}
        if sum(1 for w in slot if w in stems) / len(slot) < FEATURE_SHARE:
            continue
        # Denied: a negation right before a word of the feature ("no wireless charging").
        denied = any(
            parsed.tokens[m].stem in slot
            for n in parsed.negation
            if n in sentence
            for m in range(n + 1, min(n + 4, len(parsed.tokens)))
        )
        present = not denied
        label = claim.attribute_text or "feature"
        if present == claim.affirms:
            outcome.matched.append(f"{label}: {claim.value_text}")
            outcome.slot_matches += 1
        else:
            outcome.conflicts.append(
                f"{label}: claim {claim.value_text}, statement "
                + ("denies it" if denied else "has it")
            )
            outcome.slot_conflict = True
        return


def _rival_name(claim: ClaimReading, statement: Reading, outcome: Outcome) -> bool:
    """For a name attribute, the name a statement announces ("Valve announced Steam
    Deck") when it is not the claimed name ("SteamPal") is a rival name."""
    # Names are spelled exactly: "SteamPal" is not "SteamOS".
    if not claim.naming or all(word in statement.stems for word in claim.plain_value):
        return False
    parsed = statement.parsed
    starts = {n.start: n for n in (*parsed.names, *parsed.idents)}
    for token in parsed.tokens:
        if "@announce" not in classes(token.stem) or token.capital:
            continue
        named = starts.get(token.index + 1)
        if named is None:
            continue
        label = claim.attribute_text or "name"
        outcome.conflicts.append(f"{label}: claim {claim.value_text}, statement {named.text}")
        outcome.slot_conflict = True
        return True
    return False


def _sentences(statement: Reading) -> list[list[int]]:
    """Token indices of each sentence (split at . ; !)."""
    out: list[list[int]] = [[]]
    for token in statement.parsed.tokens:
        if token.low in (".", ";", "!") and out[-1]:
            out.append([])
        else:
            out[-1].append(token.index)
    return [s for s in out if s]


def _fits(claim_term: Quantity | Period, other: Quantity | Period) -> bool | None:
    """True if `other` agrees with the claim term, False if it cannot, None if unsure."""
    if isinstance(claim_term, Quantity) and isinstance(other, Quantity):
        if (other.low, other.high) == (claim_term.low, claim_term.high):
            return True  # the same figure, or the same bound ("more than 280 million")
        if other.low != other.high and math.isinf(other.low) != math.isinf(other.high):
            # A statement's "over 746 million" reports that figure, not an open range.
            other = replace(other, low=other.value, high=other.value)
        elif (
            other.bound in HEDGES_APPROX
            and other.bound not in HEDGES_BELOW
            and math.isinf(claim_term.high - claim_term.low)
        ):
            # "around 4,100 staff" against "less than 4,200": the figure it reports
            # ("nearly $1 billion" stays just under $1 billion).
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
            if claim_term.unit in MONEY and claim_term.places == 0:
                # Prices are quoted without their cents: "$499" is "$499.99".
                same = same or math.floor(other.value) == claim_term.value
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


def _member_figure(claim: ClaimReading, statement: Reading, other: Quantity | Period) -> bool:
    """Whether a statement figure belongs to one model of the claim's quantified family
    rather than to the family itself or to every model ("all four ... have")."""
    if statement.parsed.clause[other.start] in statement.quantifier_clauses:
        return False
    owner = statement_owner(statement, other.start, other.end)
    return owner is not None and not any(equivalent(f.words, owner.words) for f in claim.family)


# Words too general to say which configuration a starting price is for.
GENERIC_LABELS = frozenset(["model", "version", "configuration", "variant", "option", "edition"])


def _labelled(claim: ClaimReading, statement: Reading, figure: Quantity | Period) -> bool:
    """Whether the claim names the words that introduce a figure after an earlier one
    ("the DIY Edition starts at $1,399 and pre-built models at $1,699")."""
    tokens = statement.parsed.tokens
    before = [q.end for q in statement.parsed.quantities if q.end < figure.start]
    label = tokens[before[-1] + 1 if before else 0 : figure.start]
    return any(
        len(t.stem) >= MIN_LABEL and t.stem not in GENERIC_LABELS and t.stem in claim.reading.stems
        for t in label
        if t.kind == "word" and t.low not in STOPWORDS
    )


# Shorter label words ("pre" of "pre-order") name nothing by themselves.
MIN_LABEL = 4


def compare_slot(
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
        if foreign(key, claim, statement, other.start, other.end) or _other_kind(key.context, ctx):
            continue
        if claim.family and _fits(term, other) and _member_figure(claim, statement, other):
            continue  # one model's equal figure does not say every model has it
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
        owner = statement_owner(statement, other.start, other.end)
        if owner is None or not adjacent(statement, owner, other):
            continue
        if any(equivalent(s.words, owner.words) for s in owners):
            scores[n] += OWNER_BONUS
            bonus[n] = True
    for n, (other, _) in enumerate(pool):
        # "16GB with 9,728 CUDA cores at 320W": the figure of the configuration the
        # claim names ("the 16GB RTX 4080").
        if isinstance(other, Quantity) and _same_configuration(claim, statement, other):
            scores[n] += OWNER_BONUS
            bonus[n] = True
    if isinstance(term, Quantity) and term.starting:
        # "starts at $X" in both: the same slot, the lowest price, unless the claim
        # names what another starting price is for ("pre-built models at $1,699").
        starting = [n for n, (o, _) in enumerate(pool) if isinstance(o, Quantity) and o.starting]
        if len(starting) > 1:
            named = [n for n in starting if _labelled(claim, statement, pool[n][0])]
            starting = named or [min(starting, key=lambda n: pool[n][0].low)]
        for n in starting:
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
    if (
        isinstance(term, Quantity)
        and term.starting
        and len(pool) > 1
        and not any(isinstance(o, Quantity) and o.starting for o, _ in pool)
    ):
        # "will start with 256GB" against "come in 128GB, 256GB and 512GB": only the
        # lowest of the list is where it starts.
        lowest = min(range(len(pool)), key=lambda n: pool[n][0].low)
        agreeing = [n for n in agreeing if n == lowest]
    if len(pool) > 1:
        agreeing = [
            n
            for n in agreeing
            if bonus[n]
            or key.soft
            or _noun_present(claim.reading.parsed, term, statement, pool[n][0], key.context)
        ]
        # A differing figure with the claim's very noun ("12MP ultrawide camera" for a
        # "50MP ultrawide camera" claim) holds the slot: an equal figure of another noun
        # ("50MP main camera") does not answer it, even beside the model's name.
        unequal = [n for n in range(len(pool)) if fits[n] is False]
        nouned = [n for n in unequal if _noun_match(claim, term, statement, pool[n][0])]
        if agreeing and nouned:
            nouned += [n for n in agreeing if _noun_match(claim, term, statement, pool[n][0])]
            # A figure without a noun of its own (one of a list) is not excluded.
            agreeing = [
                n
                for n in agreeing
                if n in nouned or not own_words(statement.parsed, pool[n][0].end)
            ]
    exact = (isinstance(term, Quantity) and term.low == term.high) or (
        isinstance(term, Period) and term.day
    )
    identical = [n for n in agreeing if (pool[n][0].low, pool[n][0].high) == (term.low, term.high)]
    if best < MIN_CONFLICT_CONTEXT and not exact and not identical:
        # No clear slot: a value inside a claimed range or bound counts only if no
        # value outside it is as well placed (an exact equal figure is evidence itself).
        # The only date on each side is the same slot even without shared words, unless
        # they date different kinds of event ("released" against "reservations open")
        # or the claim denies it.
        lone_period = (
            isinstance(term, Period)
            and len(pool) == 1
            and len(claim.periods) == 1
            and not claim.negative
            and not _other_events(key.context, pool[0][1])
            # An open period ("by 2022", "after 1985") holds any date on its side, of
            # any event ("the plan was announced on 29 November 2016"): the statement's
            # date must share the claim's words to count.
            and not math.isinf(term.high - term.low)
        )
        agreeing = [
            n
            for n in agreeing
            if (scores[n] > 0 or isinstance(term, Quantity) or lone_period)
            and not any(fits[m] is not True and scores[m] >= scores[n] for m in range(len(pool)))
        ]
    if isinstance(term, Period) and math.isinf(term.high - term.low):
        # An open period ("by 2030") holds any date on its side: not one dating an event
        # the claim does not name ("officials announced on 29 November 2016 ...").
        agreeing = [n for n in agreeing if not _unnamed_event(key.context, pool[n][1])]
    if isinstance(term, Quantity) and math.isinf(term.high - term.low) and not identical:
        # "less than $251 million" holds for any smaller figure: one counts only if no
        # figure outside the bound is as well placed ("a worldwide total of $251.2m").
        agreeing = [
            n
            for n in agreeing
            if not any(fits[m] is False and scores[m] >= scores[n] for m in range(len(pool)))
        ]
    if claim.family and isinstance(term, Quantity):
        # "All three phones get 25W": one member's figure that differs in the same
        # slot conflicts, whatever the others say.
        differing = [
            n
            for n in range(len(pool))
            if fits[n] is False
            and scores[n] >= MIN_CONFLICT_CONTEXT
            and _same_noun(claim.reading.parsed, term, statement.parsed, pool[n][0], key.context)
        ]
        if differing:
            agreeing = []
            best, bonus[differing[0]] = scores[differing[0]], True
            scores = [scores[n] if n in differing else -1.0 for n in range(len(pool))]
    if agreeing:
        other = pool[agreeing[0]][0]
        outcome.matched.append(
            f"{key.label}: {other.shown}" if key.label != term.text else other.shown
        )
        outcome.places.append(other.start)
        outcome.slot_matches += key.value and _slot_of(claim, statement, pool[agreeing[0]])
        return
    top = [n for n, score in enumerate(scores) if score == best]
    # A differing value only conflicts when it goes with the same noun.
    top = [
        n
        for n in top
        if bonus[n]
        or key.soft
        or _same_noun(claim.reading.parsed, term, statement.parsed, pool[n][0], key.context)
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
    placed = (
        best >= MIN_CONFLICT_CONTEXT or (len(pool) == 1 and best > 0) or lone_days or bonus[top[0]]
    )
    shared = _shared_share(key.context, pool[top[0]][1])
    if bonus[top[0]] or lone_days:
        shared = 1.0  # the same model's figure, "starting at" in both, or the only days
    candidate = pool[top[0]][0]
    configuration = isinstance(candidate, Quantity) and _other_configuration(
        claim, statement, candidate
    )
    if (
        placed
        and shared >= MIN_SHARED_CONTEXT
        and all(fits[n] is False for n in top)
        and not configuration
    ):
        other = pool[top[0]][0]
        outcome.conflicts.append(f"{key.label}: claim {term.shown}, statement {other.shown}")
        outcome.slot_conflict = outcome.slot_conflict or (
            key.value and _slot_of(claim, statement, pool[top[0]])
        )
        outcome.weak = outcome.weak or (lone_days and best < MIN_CONFLICT_CONTEXT)
        return
    outcome.missing.append(term.text)
