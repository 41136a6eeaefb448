"""A text read once for matching: its terms, their contexts and the words it covers.

Statements are read once and cached (`read_statement`); claims are read on top of this
(`tracker.match.claim`), with their structured fields folded in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from tracker.match.context import PRICE_CLASS, Context, classes, words_near
from tracker.match.facts import Fact, fact_of
from tracker.match.normalize import Aliases, Token, alias_rewriter, stem
from tracker.match.terms import (
    QUANTIFIERS,
    VARIANTS,
    Ident,
    Parsed,
    Quantity,
    is_local_negation,
    parse,
)
from tracker.match.vocab import MONEY
from tracker.model import Statement

# Subjects, attributes and values repeat across a story's claims (and across stories):
# each distinct one is read once. The cached results are shared, so never mutated.
SHORT_CACHE = 4096


@dataclass
class Reading:
    """Terms of one text with their contexts; `stems` is every word a claim may need."""

    parsed: Parsed
    stems: frozenset[str]
    quantifier_clauses: frozenset[int]
    negative: bool
    segments: list[frozenset[str]] = field(default_factory=list)
    segment_of: list[int] = field(default_factory=list)
    units: frozenset[str] = frozenset()
    # The statement's own structured fact (subject, attribute, value), if it gives one.
    fact: Fact | None = None
    # Whether contexts weigh names as a claim's do (`words_near`).
    claim: bool = False
    # The owner of each term asked about (`subjects.statement_owner`), remembered: a
    # statement is compared with every claim of its story.
    owners: dict[tuple[int, int, bool], Ident | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    # The terms' contexts by kind, made when first asked for: most of a statement's
    # terms are never compared with a claim's term of their kind.
    contexts: dict[str, list[Context]] = field(default_factory=dict, compare=False, repr=False)
    # `term_indices` and the parsed content words, made when first asked for.
    _inside: frozenset[int] | None = field(default=None, compare=False, repr=False)
    _content: list[Token] | None = field(default=None, compare=False, repr=False)

    @property
    def inside(self) -> frozenset[int]:
        """Indices of the tokens inside a quantity, a period or an identifier."""
        if self._inside is None:
            self._inside = term_indices(self)
        return self._inside

    @property
    def content(self) -> list[Token]:
        """The content words and codes (`Parsed.content`); read-only."""
        if self._content is None:
            self._content = self.parsed.content()
        return self._content

    @property
    def quantity_context(self) -> list[Context]:
        """The words beside each quantity, up to the next quantity of its unit."""
        return self._contexts("quantity")

    @property
    def period_context(self) -> list[Context]:
        """The words beside each period, up to the next period."""
        return self._contexts("period")

    @property
    def ident_context(self) -> list[Context]:
        """The words of each identifier's clause."""
        return self._contexts("ident")

    def _contexts(self, kind: str) -> list[Context]:
        found = self.contexts.get(kind)
        if found is None:
            found = self.contexts[kind] = term_contexts(self.parsed, kind, self.claim)
        return found


def term_contexts(parsed: Parsed, kind: str, claim: bool) -> list[Context]:
    """The context (`words_near`) of each term of `kind` ("quantity", "period" or
    "ident"); identifiers' tokens are left out of every context."""
    skip = frozenset(n for i in parsed.idents for n in range(i.start, i.end + 1))
    if kind == "ident":
        return [
            words_near(parsed, i.start, i.end, (), skip, claim, wide=True) for i in parsed.idents
        ]
    if kind == "period":
        spans = [(d.start, d.end) for d in parsed.periods]
        return [words_near(parsed, d.start, d.end, spans, skip, claim) for d in parsed.periods]
    return [
        words_near(
            parsed,
            q.start,
            q.end,
            [(o.start, o.end) for o in parsed.quantities if o.unit == q.unit],
            skip,
            claim,
        )
        for q in parsed.quantities
    ]


def date_of(text: str | None) -> date | None:
    """The date an ISO date string ("2022-07-04") gives, if it is one."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def year_of(text: str | None) -> int | None:
    """The year of an ISO date string, for dates written without one."""
    found = date_of(text)
    return found.year if found else None


def read(
    text: str,
    year: int | None,
    merge_ranges: bool = False,
    aliases: Aliases = (),
    claim: bool = False,
) -> Reading:
    """Parse `text` (aliases written in their canonical form) and collect term contexts."""
    parsed = parse(alias_rewriter(aliases)(text), year, merge_ranges)
    siblings = elliptic_siblings(parsed)
    if siblings is not parsed.idents:
        # parse() results are cached and shared: change a copy, never the original.
        parsed = replace(parsed, idents=siblings)
    segments: list[frozenset[str]] = []
    segment: list[str] = []
    segment_of: list[int] = []
    previous = ""  # the word just before, if the token before was one
    # A sum of money is a price: "from $499.99" states what "priced at" states.
    priced = {q.start for q in parsed.quantities if q.unit in MONEY}
    for token in parsed.tokens:
        segment_of.append(len(segments))
        if priced and token.index in priced:
            segment.append(PRICE_CLASS)
        if token.kind == "word" or token.kind == "code":
            segment.extend(_with_classes(token.stem))
            if previous:
                # "ultra-wide" and "ultrawide" are the same word.
                segment.append(stem(previous + token.low))
            previous = token.low
        else:
            previous = ""
            if (token.low == "." or token.low == ";") and segment:
                segments.append(frozenset(segment))
                segment = []
    if segment:
        segments.append(frozenset(segment))
    stems = frozenset().union(*segments)
    quantifier = frozenset(parsed.clause[t.index] for t in parsed.tokens if t.low in QUANTIFIERS)
    negative = any(not is_local_negation(parsed, n) for n in parsed.negation)
    return Reading(
        parsed=parsed,
        stems=stems,
        quantifier_clauses=quantifier,
        negative=negative,
        segments=segments or [frozenset()],
        segment_of=segment_of,
        units=frozenset(q.unit for q in parsed.quantities),
        claim=claim,
    )


@lru_cache(maxsize=SHORT_CACHE)
def _with_classes(word_stem: str) -> tuple[str, ...]:
    """A stem and the event classes it belongs to."""
    return (word_stem, *classes(word_stem))


def read_statement(statement: Statement, aliases: Aliases = ()) -> Reading:
    """A statement's reading; dates without a year take the statement's own year, or,
    for an undated statement, the year of the last full date its text writes ("opened in Oslo on
    3 March 2019; as of 9 May, ..." reads 9 May as 2019)."""
    year = year_of(statement.date)
    if year is None:
        year = written_year(statement.text)
    reading = read(statement.text, year, aliases=aliases)
    reading.fact = fact_of(statement.subject, statement.attribute, statement.value, year, aliases)
    return reading


def written_year(text: str) -> int | None:
    """The year of the last full date a text writes, if any."""
    years = [
        date.fromordinal(int(p.low)).year
        for p in parse(text).periods
        # Only a full date ("February 26, 2020"): a bare year may be another event's
        # ("four years after the original of 2017").
        if p.day and 1 <= p.low <= date.max.toordinal()
    ]
    return years[-1] if years else None


def elliptic_siblings(parsed: Parsed) -> list[Ident]:
    """The identifiers, with the siblings a list names by their variant words only:
    in "iPhone 16 Pro and Pro Max", "Pro Max" is the "iPhone 16 Pro Max"."""
    idents = parsed.idents
    tokens = parsed.tokens
    taken = {n for i in idents for n in range(i.start, i.end + 1)}
    extra: list[Ident] = []
    for ident in idents:
        if not ident.words or ident.words[-1] not in VARIANTS:
            continue  # the quicker test first: most identifiers end in no variant word
        codes = [n for n, w in enumerate(ident.words) if any(map(str.isdigit, w))]
        if not codes:
            continue
        base = ident.words[: codes[-1] + 1]
        at = ident.end + 1
        while at < len(tokens) and tokens[at].low in ("and", "or", ","):
            at += 1
            end = at
            while end < len(tokens) and tokens[end].capital and tokens[end].low in VARIANTS:
                end += 1
            if end == at or at in taken or at == ident.end + 1:
                break
            words = (*base, *(t.low for t in tokens[at:end]))
            text = " ".join(t.text for t in tokens[at:end])
            extra.append(Ident(words, at, end - 1, text))
            at = end
    if not extra:
        return idents
    return sorted([*idents, *extra], key=lambda i: i.start)


def size_mark(quantity: Quantity) -> str:
    """A quantity as one word ("15-inch" -> "15.0 inch"), to find it among tokens."""
    return f"{quantity.value} {quantity.unit}"


def in_terms(reading: Reading, index: int) -> bool:
    return index in reading.inside


def term_indices(reading: Reading) -> frozenset[int]:
    """Indices of the tokens inside a quantity, a period or an identifier."""
    parsed = reading.parsed
    spans = [(t.start, t.end) for t in parsed.quantities]
    spans += [(t.start, t.end) for t in parsed.periods]
    spans += [(t.start, t.end) for t in parsed.idents]
    return frozenset(n for start, end in spans for n in range(start, end + 1))
