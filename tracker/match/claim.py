"""A claim read for matching: key terms, subject, words to cover, structured fields.

A claim reading (`read_claim`) knows which identifiers name its subject and which are
the claimed value, and which words a statement must cover to confirm it. The structured
fields (`subject`, `attribute`, `value`) add to the claim's key terms: the attribute is
the slot to look for and the value the term to compare.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from tracker.match.context import Context, classes
from tracker.match.facts import Fact, fact_of
from tracker.match.idents import equivalent
from tracker.match.normalize import Aliases, Token, alias_rewriter
from tracker.match.pairing import respective
from tracker.match.reading import (
    SHORT_CACHE,
    Reading,
    date_of,
    in_terms,
    read,
    size_mark,
    year_of,
)
from tracker.match.terms import (
    NUMBER_WORDS,
    QUANTIFIERS,
    STOPWORDS,
    VARIANTS,
    Ident,
    Parsed,
    Period,
    Quantity,
    in_subject,
    is_local_negation,
    parse,
    word_list,
)
from tracker.match.vocab import COLOUR_SLOTS, COLOURS, TECH_FAMILIES, affirms
from tracker.model import Claim

# Words of an `attribute` that name no slot by themselves ("launch timing" -> "launch").
VAGUE_ATTRIBUTE = frozenset(
    word_list(
        """name model timing date capacity resolution size version type number amount level
        year month day quarter window time"""
    )
)


# Attribute words that ask for a name.
NAMING_WORDS = frozenset(word_list("name names naming called branding moniker"))


SUBJECT_WEIGHT = 0.5


@dataclass
class Key:
    """One key term of a claim, with the context words that say which slot it fills."""

    term: Quantity | Period | Ident
    context: Context
    label: str
    owner: Ident | None = None
    # How many words the term counts for in coverage (half in the subject part).
    weight: float = 1.0
    # A structured value's term the text does not state: compared if found, else ignored.
    soft: bool = False
    # Whether the term stands in the claim's subject part (before the verb).
    subject: bool = False
    # Whether the term is (part of) the structured `value`: the term to compare in the
    # attribute's slot.
    value: bool = False


# A bare count this large ("4.2 million sold") is the figure the claim is about, not a
# passing count of things ("four models").
SOFT_COUNT_BELOW = 1000


def is_soft(key: Key) -> bool:
    """Bare counts ("four models") and clock times are key terms only where the statement
    has one of their kind. A bound ("less than 67 aircraft") or a large count is what
    the claim asserts, so it is always a key term."""
    term = key.term
    if not isinstance(term, Quantity):
        return False
    if term.unit in ("am", "pm"):
        return True
    if not term.unit.startswith("n:") or term.bound:
        return False
    return term.value < SOFT_COUNT_BELOW


@dataclass
class ClaimReading:
    """What a claim needs a statement to match: key terms, subject, words to cover."""

    reading: Reading
    subjects: list[Ident]
    values: list[Key]
    quantities: list[Key]
    periods: list[Key]
    words: list[tuple[str, float]]
    variants: frozenset[str]
    negative: bool
    # Capitalised words of the subject part ("Huawei", "Leica"): what the claim is about.
    subject_names: tuple[str, ...] = ()
    # Capitalised words after the verb, outside the key terms ("made by Samsung
    # Display"): names the claim asserts, which a confirming statement must say too.
    predicate_names: tuple[str, ...] = ()
    # How many of `subjects` the text names (the rest come from the `subject` field and
    # align the subject without counting as words to cover).
    text_subjects: int = 0
    # The claim's first word when it is a name ("Huawei's partnership ..."), else "".
    lead_name: str = ""
    attribute: Context = field(default_factory=dict)
    # A structured value without figures, codes or dates ("USB-C", "Lightning"): its
    # words, compared in the attribute's slot; and how it was written.
    plain_value: tuple[str, ...] = ()
    value_text: str = ""
    # The structured value's words outside its terms ("OLED" of "7-inch OLED").
    value_words: tuple[str, ...] = ()
    # Whether the `attribute` asks for a name ("model name"): the named value, wherever
    # the statement names it, is in its slot.
    naming: bool = False
    # For an attribute naming a colour slot: its other word stems ("keyboard"), plus "*".
    colour_slot: tuple[str, ...] = ()
    # The claim's structured fact, compared directly with a statement's own.
    fact: Fact | None = None
    # The code name the claim knows its product by ("codenamed Orchid"), as stems: a
    # statement that never says it may be about another product.
    codename: tuple[str, ...] = ()
    codename_text: str = ""
    # The colour words claimed for that slot ("black" of "matte black").
    colours: tuple[str, ...] = ()
    # A yes/no value ("supported", "not supported"): True, False, or None.
    affirms: bool | None = None
    # Technologies claimed for a slot, by family, one spelling -> as written:
    # (("display", {"microoled": "micro-OLED"}),).
    techs: tuple[tuple[str, dict[str, str]], ...] = ()
    attribute_text: str = ""
    # Words of the claim's negated clauses when another clause affirms ("X will power
    # every model; there will be no Y"), and the claim without them: a statement saying
    # nothing of those words is compared with the affirmative part alone.
    denied: tuple[str, ...] = ()
    # Subjects a quantifier spans ("all three Galaxy S23 phones"): each model of the
    # family is claimed, so a member's differing figure conflicts.
    family: tuple[Ident, ...] = ()
    # The structured `subject`'s words with digits ("2" of "Steam Deck 2"): the
    # generation a statement must name for a slot's value to be that model's.
    # And its sizes ("15-inch MacBook Air"), beside its family's names ("macbook").
    subject_numbers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    affirmative: ClaimReading | None = None
    # Every key term (values, quantities, periods), and the texts of those that must be
    # found (not soft): set once the reading is complete, read for every statement.
    keys: tuple[Key, ...] = ()
    hard: tuple[str, ...] = ()


# How many tokens before a subject its quantifier may stand ("all three Galaxy S23").
QUANTIFIER_REACH = 3


def read_claim(claim: Claim, aliases: Aliases = ()) -> ClaimReading:
    """A claim's reading, with its structured fields folded in when present."""
    year = year_of(claim.reported)
    reading = read(claim.text, year, merge_ranges=True, aliases=aliases, claim=True)
    parsed = reading.parsed
    verb = parsed.verb
    subjects = [i for i in parsed.idents if in_subject(parsed, i.end)]
    values_ids = [i for i in parsed.idents if not in_subject(parsed, i.end)]
    rewrite = alias_rewriter(aliases)
    attribute = dict(_attribute_words(rewrite(claim.attribute) if claim.attribute else None))
    values = [
        Key(
            i,
            merge(ctx, attribute),
            i.text,
            weight=_weight(parsed, i),
            subject=in_subject(parsed, i.start),
        )
        for i, ctx in zip(parsed.idents, reading.ident_context, strict=False)
        if i in values_ids and not i.negated and not i.comparison
    ]

    def slot_key(term: Quantity | Period, ctx: Context) -> Key:
        """A figure or date of the claim text, in the attribute's slot when it has one."""
        return Key(
            term,
            merge(ctx, attribute),
            claim.attribute or term.text,
            owner_of(parsed, term.start),
            _weight(parsed, term),
            subject=in_subject(parsed, term.start),
        )

    quantities = [
        slot_key(q, ctx)
        for q, ctx in zip(parsed.quantities, reading.quantity_context, strict=False)
        if not q.comparison and not q.negated
    ]
    ahead = _looks_ahead(parsed)
    periods = [
        slot_key(_next_occurrence(d, claim.reported) if ahead else d, ctx)
        for d, ctx in zip(parsed.periods, reading.period_context, strict=False)
        if not d.comparison
    ]
    extra_words: list[tuple[str, float]] = []
    value_words: tuple[str, ...] = ()
    text_subjects = len(subjects)
    if claim.subject:
        subjects.extend(_subject_idents(claim.subject))
    # A yes/no value ("yes", "supported") is settled by the feature being named or
    # denied (compare_feature), not by the word "yes" appearing in a statement.
    if claim.value and affirms(claim.value) is None:
        value = _value_reading(_counted(claim.value, claim.attribute), year, aliases)
        _fold_value(value, attribute, claim.attribute, quantities, periods, values)
        value_terms = value.inside
        value_words = tuple(
            t.stem for t in value.content if t.index not in value_terms and t.stem not in STOPWORDS
        )
        # Words of the value the text does not already say must be found too.
        extra_words = [
            (t.stem, 1.0)
            for t in value.content
            if t.index not in value_terms and t.stem not in reading.stems
        ]
    words = _words(reading) + extra_words
    plain_value: tuple[str, ...] = ()
    if claim.value and attribute and affirms(claim.value) is None:
        plain_value = _plain_value(str(claim.value), year, aliases)
    naming = _naming(claim.attribute)
    value_text = str(claim.value or "")
    if not claim.value:
        # "will be called the SteamPal": the text itself names a name slot.
        written = _written_name(parsed)
        if written is not None:
            naming, value_text = True, " ".join(t.text for t in written)
            ident = next((i for i in parsed.idents if i.start == written[0].index), None)
            for k in values:
                k.value = k.value or k.term is ident
            if ident is None:
                plain_value = tuple(t.stem for t in written)
    colour_slot = _colour_slot(claim.attribute)
    colour_source = value_text
    if not claim.value and not colour_slot and any(t.low in COLOUR_SLOTS for t in parsed.tokens):
        # "will come in a new matte black colour": the text names a colour slot.
        colour_slot, colour_source = ("*",), claim.text
    colours = (
        tuple(w for w in colour_source.lower().replace("-", " ").split() if w in COLOURS)
        if colour_slot
        else ()
    )
    variants = frozenset(
        t.low
        for t in parsed.tokens
        if t.low in VARIANTS and t.capital and (verb < 0 or in_subject(parsed, t.index))
    ) | frozenset(w for s in subjects for w in s.words if w in VARIANTS)
    inside = reading.inside
    codename = _codename(parsed)
    out = ClaimReading(
        reading=reading,
        subjects=subjects,
        values=values,
        quantities=quantities,
        periods=periods,
        words=_dedupe(words),
        text_subjects=text_subjects,
        lead_name=_lead_name(reading),
        subject_names=tuple(
            sorted(
                {
                    t.stem
                    for t in reading.content
                    if t.capital
                    and t.index > 0
                    and in_subject(parsed, t.index)
                    and t.index not in inside
                }
            )
        ),
        predicate_names=_predicate_names(reading),
        fact=fact_of(claim.subject, claim.attribute, claim.value, year, aliases),
        codename=tuple(t.stem for t in codename),
        codename_text=" ".join(t.text for t in codename),
        variants=variants,
        negative=reading.negative,
        attribute=attribute,
        plain_value=plain_value,
        value_text=value_text,
        value_words=value_words,
        colour_slot=colour_slot,
        colours=colours,
        techs=_techs(claim),
        affirms=affirms(claim.value),
        subject_numbers=(
            _subject_numbers(claim.subject)
            if claim.subject
            else _text_model(parsed, subjects[:text_subjects])
        ),
        attribute_text=str(claim.attribute or ""),
        naming=naming,
    )
    out.family = tuple(
        i
        for i in subjects[:text_subjects]
        if any(
            t.low in QUANTIFIERS and parsed.clause[t.index] == parsed.clause[i.start]
            for t in parsed.tokens[max(0, i.start - QUANTIFIER_REACH) : i.start]
        )
    )
    value_quantified = bool(claim.value) and any(
        w in QUANTIFIERS for w in str(claim.value).lower().split()
    )
    if out.family or value_quantified:
        # The structured subject is then the family too ("Galaxy S23 series").
        out.family += tuple(subjects[text_subjects:])
    out.keys = (*out.values, *out.quantities, *out.periods)
    out.hard = tuple(k.term.text for k in out.keys if not k.soft and not is_soft(k))
    denied = _denied_words(reading)
    if denied and out.negative:
        kept = [(w, weight) for w, weight in out.words if w not in denied]
        out.denied = tuple(sorted(denied))
        out.affirmative = replace(out, words=kept, negative=False, denied=(), affirmative=None)
    return out


# Words by which a claim speaks of what is to come ("will unveil on January 17").
FUTURE_WORDS = frozenset(
    word_list("will set expected plans planned slated scheduled upcoming going due")
)


def _looks_ahead(parsed: Parsed) -> bool:
    return any(t.low in FUTURE_WORDS for t in parsed.tokens)


def _next_occurrence(period: Period, reported: str | None) -> Period:
    """A yearless date of a claim about what is to come ("on January 17", reported in
    December 2023) is its next occurrence after the report: January 17, 2024."""
    when = date_of(reported)
    if when is None or re.search(r"\b\d{4}\b", period.text):
        return period  # the claim gives the year
    if math.isinf(period.high - period.low) or period.high >= when.toordinal():
        return period
    try:
        low = date.fromordinal(int(period.low))
        high = date.fromordinal(int(period.high))
        low, high = low.replace(year=low.year + 1), high.replace(year=high.year + 1)
    except ValueError:  # 29 February, or the end of the calendar
        return period
    return replace(period, low=float(low.toordinal()), high=float(high.toordinal()))


def _denied_words(reading: Reading) -> frozenset[str]:
    """Content words of the clauses a negation governs, when the claim has another,
    affirmative clause holding its key terms, and the negated clauses hold none; else
    nothing (the negation is then the claim's whole polarity)."""
    parsed = reading.parsed
    negated = {parsed.clause[n] for n in parsed.negation if not is_local_negation(parsed, n)}
    if not negated:
        return frozenset()
    inside = reading.inside
    if any(parsed.clause[n] in negated for n in inside):
        return frozenset()
    if not any(parsed.clause[n] not in negated for n in inside):
        return frozenset()
    return frozenset(
        t.stem
        for t in reading.content
        if parsed.clause[t.index] in negated and t.stem not in STOPWORDS
    )


# Words that introduce a product's name in a claim ("will be called", "sold as").
NAMING_VERBS = frozenset(word_list("called named dubbed branded"))


def _written_name(parsed: Parsed) -> list[Token] | None:
    """The capitalised name after "called", "named", "branded" or "sold as" [the]."""
    tokens = parsed.tokens
    for n, token in enumerate(tokens):
        sold_as = token.low == "as" and n > 0 and tokens[n - 1].low in ("sold", "known")
        if token.low not in NAMING_VERBS and not sold_as:
            continue
        if any(t.low == "code" for t in tokens[max(0, n - 2) : n]):
            return None  # "code-named": a code name, which statements rarely settle
        start = n + 1
        if start < len(tokens) and tokens[start].low == "the":
            start += 1
        return _name_run(tokens, start, numbers=True) or None
    return None


def _name_run(
    tokens: list[Token], start: int, skip: frozenset[str] = frozenset(), numbers: bool = False
) -> list[Token]:
    """The capitalised words and codes from `start` on ("Orchid", "Pixel 9 Pro Fold"),
    after any leading words of `skip`; with `numbers`, numbers after its first word."""
    name: list[Token] = []
    for t in tokens[start:]:
        if not name and t.low in skip:
            continue
        if not (t.capital or t.kind == "code" or (numbers and name and t.kind == "number")):
            break
        name.append(t)
    return name


def _codename(parsed: Parsed) -> list[Token]:
    """The name after "codenamed", "code-named" or "code name [is]"."""
    tokens = parsed.tokens
    for n, token in enumerate(tokens):
        marked = token.low in ("codenamed", "codename") or (
            token.low in ("named", "name") and n > 0 and tokens[n - 1].low == "code"
        )
        if not marked:
            continue
        return _name_run(tokens, n + 1, CODENAME_LEAD)
    return []


# Words that may stand between "code name" and the name: "code name is "Orchid"".
CODENAME_LEAD = frozenset(["is", "was", "the", '"', "'", "\u201c", "\u2018"])


def _naming(attribute: str | None) -> bool:
    """Whether the attribute asks for the product's name ("model name"), not a code
    name, which statements rarely confirm or deny."""
    words = {t.low for t in parse(attribute).tokens} if attribute else set()
    return bool(words & NAMING_WORDS) and not words & {"code", "codename", "internal"}


def tech_values(text: str, family: str) -> dict[str, str]:
    """The technologies of `family` a text names (one spelling -> as written), those it
    only compares with left out ("from Lightning to USB-C" names USB-C)."""
    pattern = TECH_FAMILIES[family][0]
    out: dict[str, str] = {}
    for found in re.finditer(pattern, text, flags=re.IGNORECASE):
        before = text.lower()[: found.start()].split()[-2:]
        if any(w in ("from", "replacing", "replaces", "than") for w in before):
            continue
        key = re.sub(r"[- ]", "", found.group(0).lower()).replace("typec", "c")
        out.setdefault(key, found.group(0))
    return out


def _techs(claim: Claim) -> tuple[tuple[str, dict[str, str]], ...]:
    """The technologies a claim names for a slot it names (in its attribute or text)."""
    out = []
    if claim.value and claim.attribute:
        words, source = set(str(claim.attribute).lower().split()), str(claim.value)
    else:
        words, source = set(re.findall(r"[a-z]+", claim.text.lower())), claim.text
    for family, (_, slot) in TECH_FAMILIES.items():
        values = tech_values(source, family) if words & slot else {}
        if values:
            out.append((family, values))
    return tuple(out)


def _colour_slot(attribute: str | None) -> tuple[str, ...]:
    """ "bezel and keyboard colour" -> ("*", "bezel", "keyboard"); () if no colour slot."""
    if not attribute:
        return ()
    content = parse(attribute).content()
    if not any(t.low in COLOUR_SLOTS for t in content):
        return ()
    return ("*", *(t.stem for t in content if t.low not in COLOUR_SLOTS))


def _counted(value: str, attribute: str | None) -> str:
    """A bare number for a value ("five") counts what the attribute names: "number of
    rear cameras" makes it "five cameras", compared with "four rear cameras"."""
    words = value.split()
    bare = len(words) == 1 and (words[0].isdigit() or words[0].lower() in NUMBER_WORDS)
    nouns = [t.text for t in parse(attribute).content()] if attribute else []
    return f"{value} {nouns[-1]}" if bare and nouns else value


def _weight(parsed: Parsed, term: Quantity | Period | Ident) -> float:
    """Coverage weight of a term: its word-like tokens, halved in the subject part."""
    count = sum(
        1 for t in parsed.tokens[term.start : term.end + 1] if t.kind in ("word", "code", "number")
    )
    return max(1, count) * (SUBJECT_WEIGHT if in_subject(parsed, term.start) else 1.0)


def _lead_name(reading: Reading) -> str:
    """The first token's stem when it is a capitalised content word outside any term."""
    content = reading.content
    lead = content[0] if content else None
    if lead is None or lead.index != 0 or not lead.capital or in_terms(reading, 0):
        return ""
    return lead.stem if in_subject(reading.parsed, 0) else ""


# Words before a name that make it a point of comparison, not something the claim
# asserts: "faster than Exynos", "replacing Intel" (and "from" when "to" follows).
COMPARED_AFTER = frozenset(word_list("than versus vs replacing replaces instead compared"))


def _predicate_names(reading: Reading) -> tuple[str, ...]:
    """Stems of the capitalised words the claim asserts after its verb, outside its key
    terms: not a sentence's first word, not after a negation, not a point of comparison
    ("from micro-USB to Lightning", "faster than Exynos"), not an owner ("Samsung's S
    Pen": the thing owned is what is claimed), not a figure's own noun ("16GB of RAM",
    "a 7-inch OLED screen"). Without a verb, every such word after the first name."""
    parsed = reading.parsed
    tokens = parsed.tokens
    inside = reading.inside
    # Without a verb ("Nintendo Switch OLED Screen Made By Sharp"), the leading name is
    # the subject and the rest is asserted.
    start = parsed.verb if parsed.verb >= 0 else _after_first_name(tokens)
    out = set()
    for token in reading.content:
        n = token.index
        if not token.capital or n == 0 or n in inside or n < start:
            continue
        if parsed.verb >= 0 and in_subject(parsed, n):
            continue
        if tokens[n - 1].low in (".", ";", ":", "!", "?"):
            continue
        if _compared(tokens, n) or any(0 <= n - k <= 3 for k in parsed.negation):
            continue
        if n + 1 < len(tokens) and tokens[n + 1].low == "'s":
            continue
        if token.text.isupper() and _names_a_figure(parsed, n):
            continue
        out.add(token.stem)
    return tuple(sorted(out))


def _compared(tokens: list[Token], n: int) -> bool:
    """Whether the name at `n` is a point of comparison: after "than", "versus",
    "replacing"..., or after "from" when "to" follows ("from micro-USB to Lightning")."""
    before = [t.low for t in tokens[max(0, n - 3) : n]]
    if set(before) & COMPARED_AFTER:
        return True
    if "from" in before:
        return any(t.low == "to" for t in tokens[n + 1 : n + 6])
    return False


def _names_a_figure(parsed: Parsed, n: int) -> bool:
    """Whether the acronym at `n` is a figure's own noun: "16GB of RAM", "a 120Hz OLED
    panel", "7-inch OLED screen"."""
    k = n - 1
    if k >= 1 and parsed.tokens[k].low == "of":
        k -= 1
    return k >= 0 and k in parsed.used


def _after_first_name(tokens: list[Token]) -> int:
    """The index after the text's first run of capitalised words or codes."""
    n = 0
    while n < len(tokens) and (not tokens[n].capital or tokens[n].low in STOPWORDS):
        n += 1  # "The series Queer Eye ...": the name is "Queer Eye"
    while n < len(tokens) and (tokens[n].capital or tokens[n].kind in ("code", "number")):
        n += 1
    return n


def merge(first: Context, second: Context) -> Context:
    """Two contexts as one, each word at its higher weight."""
    out = dict(first)
    for word, weight in second.items():
        out[word] = max(weight, out.get(word, 0.0))
    return out


def owner_of(parsed: Parsed, start: int) -> Ident | None:
    """The identifier a claim term belongs to: the nearest one before it.

    Names without digits ("Xiaomi-Leica") describe rather than identify a claim's
    subject, so only identifiers count here.
    """
    paired = respective(parsed, start)
    if paired is not None:
        return paired  # "the Pro and Pro Max will measure 6.3 and 6.9 inches"
    before = [i for i in parsed.idents if i.end < start and not i.negated and not i.comparison]
    before.sort(key=lambda i: i.end)
    return before[-1] if before else None


@lru_cache(maxsize=SHORT_CACHE)
def _subject_idents(subject: str) -> tuple[Ident, ...]:
    return tuple(parse(subject).idents)


@lru_cache(maxsize=SHORT_CACHE)
def _subject_numbers(subject: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The subject's numbers (its sizes as `size_mark`s) and its family's names."""
    parsed = read(subject, None).parsed
    sized = {n for q in parsed.quantities for n in range(q.start, q.end + 1)}
    numbers = [size_mark(q) for q in parsed.quantities]
    numbers += [
        t.low for t in parsed.tokens if t.index not in sized and any(c.isdigit() for c in t.low)
    ]
    family = [t.low for t in parsed.tokens if t.capital and not any(c.isdigit() for c in t.low)]
    return tuple(numbers), tuple(family)


# Units of a size that names a model ("16-inch Acme Book", "44mm Acme Watch").
MODEL_SIZE_UNITS = frozenset(["inch", "mm"])


def _text_model(parsed: Parsed, subjects: list[Ident]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The model a claim without a structured subject names, as `_subject_numbers`
    gives it (its numbers and its family's names): one named by its size ("add a
    16-inch Acme Book in 2027"), else the first model of its subject part ("A true
    Acme Deck 3"). The sized name must end its phrase: in "a 6.1-inch ProMotion
    display" the size is the display's."""
    tokens = parsed.tokens
    for q in parsed.quantities:
        if q.unit not in MODEL_SIZE_UNITS:
            continue
        name = next((n for n in parsed.names if n.start == q.end + 1), None)
        if name is None:
            continue
        after = tokens[name.end + 1] if name.end + 1 < len(tokens) else None
        if after is not None and after.kind == "word" and after.low not in STOPWORDS:
            continue
        return (size_mark(q),), name.words
    if not subjects:
        return (), ()
    model = subjects[0]
    # "Phone (2)" is said as the tokens "(", "2", ")".
    numbers = tuple(code.strip("()") for code in model.codes)
    return numbers, tuple(w for w in model.words if w not in model.codes)


@lru_cache(maxsize=SHORT_CACHE)
def _plain_value(value: str, year: int | None, aliases: Aliases) -> tuple[str, ...]:
    """The words of a structured value without figures, codes or dates, else ()."""
    terms = read(value, year, aliases=aliases).parsed
    if terms.quantities or terms.periods or terms.idents:
        return ()
    return tuple(t.stem for t in terms.content())


@lru_cache(maxsize=SHORT_CACHE)
def _value_reading(value: str, year: int | None, aliases: Aliases) -> Reading:
    return read(value, year, merge_ranges=True, aliases=aliases)


@lru_cache(maxsize=SHORT_CACHE)
def _attribute_words(attribute: str | None) -> Context:
    if not attribute:
        return {}
    parsed = parse(attribute)
    out: Context = {}
    content = parsed.content()
    # "resolution" alone still names the slot; "main camera resolution" names "camera".
    vague_only = all(t.low in VAGUE_ATTRIBUTE for t in content)
    for token in content:
        if vague_only or token.low not in VAGUE_ATTRIBUTE:
            for word in (token.stem, *classes(token.stem)):
                out[word] = 1.0
    return out


def _fold_value(
    value: Reading,
    attribute: Context,
    attribute_text: str | None,
    quantities: list[Key],
    periods: list[Key],
    values: list[Key],
) -> None:
    """The value's terms join the key terms; the same term in the text gains the slot."""
    label = attribute_text or ""
    for q, ctx in zip(value.parsed.quantities, value.quantity_context, strict=False):
        same = [k for k in quantities if _same_quantity(k.term, q)]
        if same:
            for k in same:
                k.context = merge(k.context, attribute)
                k.label = label or k.label
                k.value = True
        else:
            quantities.append(Key(q, merge(ctx, attribute), label or q.text, soft=True, value=True))
    for d, ctx in zip(value.parsed.periods, value.period_context, strict=False):
        known_periods = [
            k
            for k in periods
            if isinstance(k.term, Period) and (k.term.low, k.term.high) == (d.low, d.high)
        ]
        for k in known_periods:
            k.value = True
        if not known_periods:
            periods.append(Key(d, merge(ctx, attribute), label or d.text, soft=True, value=True))
    for i, ctx in zip(value.parsed.idents, value.ident_context, strict=False):
        if not any(c.isalpha() for w in i.words for c in w):
            continue  # a bare number ("36", "6.3") is the text's figure, not an identifier
        known = [
            k for k in values if isinstance(k.term, Ident) and equivalent(k.term.words, i.words)
        ]
        for k in known:
            k.context = merge(k.context, attribute)
            k.value = True
        if not known and not i.negated:
            values.append(Key(i, merge(ctx, attribute), label or i.text, soft=True, value=True))


def _same_quantity(a: Quantity | Period | Ident, b: Quantity) -> bool:
    return isinstance(a, Quantity) and a.unit == b.unit and (a.low, a.high) == (b.low, b.high)


def _words(reading: Reading) -> list[tuple[str, float]]:
    """Words a statement should cover, with weight 1, or 0.5 in the subject part.

    The subject part (before the verb) describes what the claim is about ("the first
    Xiaomi-Leica phone"), which statements name differently; the rest is the claim.
    """
    out = []
    inside = reading.inside
    tokens = reading.parsed.tokens
    # "in the $300 to $500 range": the noun only restates the range before it.
    ranged = {q.end + 1 for q in reading.parsed.quantities if q.low < q.high < math.inf}
    for token in reading.content:
        if token.index in inside or token.stem in STOPWORDS:
            continue
        if token.low in RANGE_NOUNS and token.index in ranged:
            continue
        previous = tokens[token.index - 1].low if token.index > 0 else ""
        if token.low in GENERIC_REFERENCES and previous in ("the", "this", "that"):
            continue  # "the device": the story's product, which statements name
        weight = SUBJECT_WEIGHT if in_subject(reading.parsed, token.index) else 1.0
        out.append((token.stem, weight))
    return out


# Nouns that name a range the figures before them already give.
RANGE_NOUNS = frozenset(["range", "bracket"])
# Nouns that, after "the", only refer to the story's product ("on the device").
GENERIC_REFERENCES = frozenset(["device", "handset", "gadget", "unit"])


def _dedupe(words: list[tuple[str, float]]) -> list[tuple[str, float]]:
    best: dict[str, float] = {}
    for word, weight in words:
        best[word] = max(weight, best.get(word, 0.0))
    return sorted(best.items())
