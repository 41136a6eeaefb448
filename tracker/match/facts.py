"""Structured facts: a claim's subject/attribute/value against a statement's own.

When a statement carries `subject`, `attribute` and `value` too, and they name the same
subject and attribute as the claim's, the two values are compared directly: differing
values contradict, equal ones confirm (unless the claim's text says more that the
statement leaves out; see `relation`). Values are compared by kind: figures with their
units (with the claim's precision and bounds) and the words beside them, dates and
periods, model names, yes/no, and short names ("USB-C", "Lightning connector"). Anything
else (two free-text values, values of different kinds, a denial) is left to the texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.match.idents import equivalent
from tracker.match.kinds import Parsed, Quantity
from tracker.match.normalize import Aliases, alias_rewriter
from tracker.match.terms import STOPWORDS, parse
from tracker.match.vocab import NEGATIONS, affirms
from tracker.result import Relation

# A value of at most this many words, with no figure or date, is a name ("USB-C",
# "Lightning", "Titanium Gray"): two sharing no word are rival values.
NAME_WORDS = 3


@dataclass(frozen=True)
class Fact:
    """One structured fact: its subject and attribute as word sets, its value read."""

    subject: frozenset[str]
    attribute: frozenset[str]
    value: str
    parsed: Parsed
    # As written, for explanations: "iPhone 14 Pro, port: Lightning", and "port".
    shown: str = ""
    attribute_text: str = ""


def fact_of(
    subject: str | None,
    attribute: str | None,
    value: str | None,
    year: int | None,
    aliases: Aliases = (),
) -> Fact | None:
    """The fact the three fields state, or None when one of them is missing."""
    if not subject or not attribute or value is None or not str(value).strip():
        return None
    rewrite = alias_rewriter(aliases)
    text = str(value).strip()
    return Fact(
        _words(rewrite(subject)),
        _words(rewrite(attribute)),
        text,
        parse(rewrite(text), year),
        f"{subject}, {attribute}: {text}",
        attribute,
    )


def slot_of(subject: str | None, attribute: str | None) -> tuple[frozenset[str], ...] | None:
    """The subject and attribute of a fact as word sets, the key two facts must share
    to be compared; None without both."""
    if not subject or not attribute:
        return None
    return _words(subject), _words(attribute)


def _words(text: str) -> frozenset[str]:
    """The stems of a subject's or attribute's words, without small words."""
    parsed = parse(text)
    return frozenset(
        t.stem
        for t in parsed.tokens
        if t.kind in ("word", "code", "number") and t.low not in STOPWORDS
    )


@dataclass(frozen=True)
class FactOutcome:
    """The relation two facts settle, and why."""

    relation: Relation
    detail: str
    # The matched or conflicting term, as evidence lists it: "port: Lightning".
    term: str = ""


def compare_facts(claim: Fact, statement: Fact) -> FactOutcome | None:
    """Supports or contradicts when both facts name the same subject and attribute and
    their values can be compared; None otherwise (the texts decide then)."""
    if not claim.subject or claim.subject != statement.subject:
        return None
    if not claim.attribute or claim.attribute != statement.attribute:
        return None
    agree = _values_agree(claim, statement)
    if agree is None:
        return None
    label = claim.attribute_text
    if agree:
        term = f"{label}: {statement.value}"
        return FactOutcome(Relation.SUPPORTS, f"structured fact matches, {term}", term)
    term = f"{label}: claim {claim.value}, statement {statement.value}"
    return FactOutcome(Relation.CONTRADICTS, f"structured fact differs, {term}", term)


def _values_agree(claim: Fact, statement: Fact) -> bool | None:
    """True if the values agree, False if they differ, None if they cannot be compared."""
    mine, theirs = claim.parsed, statement.parsed
    yes_no = affirms(claim.value), affirms(statement.value)
    if None not in yes_no:
        return yes_no[0] == yes_no[1]
    if _negated(mine) or _negated(theirs):
        return None  # "not in 2023": a denial, left to the texts
    if mine.quantities and theirs.quantities:
        figures = _quantities_agree(mine.quantities, theirs.quantities)
        # "7-inch OLED" against "7-inch LCD": the words beside the figures count too.
        return figures if figures is not True else _names_agree(_plain(mine), _plain(theirs))
    if mine.periods and theirs.periods and not (mine.quantities or theirs.quantities):
        if len(mine.periods) != 1 or len(theirs.periods) != 1:
            return None
        a, b = mine.periods[0], theirs.periods[0]
        if a.low <= b.low and b.high <= a.high:
            return True
        return False if b.high < a.low or b.low > a.high else None
    if mine.idents and theirs.idents and not (mine.quantities or mine.periods):
        return all(any(equivalent(m.words, t.words) for t in theirs.idents) for m in mine.idents)
    if _is_name(mine) and _is_name(theirs):
        return _names_agree(_plain(mine), _plain(theirs))
    return None


def _plain(parsed: Parsed) -> frozenset[str]:
    """A value's word stems outside its figures and dates."""
    return frozenset(
        t.stem
        for t in parsed.tokens
        if t.kind in ("word", "code") and t.index not in parsed.used and t.low not in STOPWORDS
    )


def _names_agree(mine: frozenset[str], theirs: frozenset[str]) -> bool | None:
    """Names agree when the statement's holds every word of the claim's ("Lightning"
    in "Lightning connector"), differ when they share none ("USB-C", "Lightning"), and
    are not compared otherwise ("Titanium Gray", "Titanium Grey")."""
    if mine <= theirs:
        return True
    return False if mine and theirs and not mine & theirs else None


def _quantities_agree(mine: list[Quantity], theirs: list[Quantity]) -> bool | None:
    """Every claimed figure against the statement's figure of its unit."""
    for q in mine:
        same_unit = [t for t in theirs if t.unit == q.unit]
        if len(same_unit) != 1:
            return None
        other = same_unit[0]
        if other.low != other.high:
            # The statement gives a range or a bound ("more than 64GB"): it confirms a
            # claim only if it lies inside the claim's, and contradicts it if outside.
            if q.low <= other.low and other.high <= q.high:
                continue
            if other.high < q.low or other.low > q.high:
                return False
            return None
        value = round(other.value, q.places)
        if not (q.low <= value <= q.high or q.low <= other.value <= q.high):
            return False
    return True


def _is_name(parsed: Parsed) -> bool:
    words = [t for t in parsed.tokens if t.kind in ("word", "code")]
    return 0 < len(words) <= NAME_WORDS and not (parsed.quantities or parsed.periods)


def _negated(parsed: Parsed) -> bool:
    return any(t.low in NEGATIONS for t in parsed.tokens)
