"""Key terms of a text: quantities with units, identifiers, dates and periods, polarity.

`parse(text, year)` reads a text once and returns a `Parsed` with every term and the
token positions they came from, so a rule can ask which words sit next to a term.

Examples of what is read:
  quantities   "50.3MP", "4,860mAh", "6.1-inch", "$1,099", "CNY 5,999", "16,384 CUDA cores",
               with bounds ("under 30 reviews" -> (-inf, 30)), ranges ("$300 to $500"),
               comparison-only values ("up from 60 Hz") and starting prices ("from $599")
  identifiers  "Xiaomi 12S Ultra", "Snapdragon 8+ Gen 1", "A16 Bionic", "RTX 4090", "Phone (1)"
  dates        "4 July 2022", "July 2022", "Q3 2022", "mid-July", "late 2008", "before 1985"
  polarity     "will not", "no longer", "cancelled", "denied", local "not the A16"
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TypeVar

from tracker.match.dates import find_dates
from tracker.match.kinds import Ident, Parsed, Period, Quantity
from tracker.match.normalize import Token, normalise, tokenize
from tracker.match.quantities import find_quantities
from tracker.match.vocab import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    COMPARISON,
    MONTH_NAMES,
    NEGATIONS,
    NOT_VERBS,
    NUMBER_WORDS,
    OBJECT_ENDS,
    PRIVATIVES,
    QUANTIFIERS,
    STARTING,
    STOPWORDS,
    VARIANTS,
    VERBS,
    WEEKDAYS,
    before_phrase,
    near_before,
    word_list,
)

__all__ = [
    "NUMBER_WORDS",
    "QUANTIFIERS",
    "STARTING",
    "STOPWORDS",
    "VARIANTS",
    "WEEKDAYS",
    "Ident",
    "Parsed",
    "Period",
    "Quantity",
    "ends_object",
    "in_subject",
    "is_local_negation",
    "own_words",
    "parse",
    "replaced",
    "word_list",
]


def parse(text: str, year: int | None = None, merge_ranges: bool = False) -> Parsed:
    """Read `text`; `year` completes dates written without one ("on 4 July").

    The same text is read once: attributes ("price") and stock phrases recur across
    claims. The `Parsed` returned is shared between callers, so it is read-only.
    """
    return _parse(text, year, merge_ranges)


# How many recent texts keep their reading (a few MiB).
PARSE_CACHE = 4096


@lru_cache(maxsize=PARSE_CACHE)
def _parse(text: str, year: int | None, merge_ranges: bool) -> Parsed:
    clean = normalise(text)
    tokens = tokenize(clean)
    parsed = Parsed(text=text, tokens=tokens)
    parsed.clause = _clauses(tokens)
    find_dates(parsed, year)
    find_quantities(parsed, merge_ranges)
    _find_idents(parsed)
    _find_polarity(parsed)
    _as_written(parsed, clean)
    return parsed


# What may stand between two tokens of one term in the text: spaces and hyphens.
_JOINT = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015")
_T = TypeVar("_T", Quantity, Period, Ident)


def _as_written(parsed: Parsed, clean: str) -> None:
    """Each term's text as the source writes it ("$1,099", "50.3MP", "Phone (1)"), not
    its tokens joined by spaces: evidence quotes the text."""
    tokens = parsed.tokens

    def written(start: int, end: int, fallback: str) -> str:
        if start > end:
            return fallback
        found = _first_joined([t.text for t in tokens[start : end + 1]], clean)
        return fallback if found is None else found

    def rewritten(terms: list[_T]) -> list[_T]:
        # A term already written as in the text is kept as it is, not copied.
        return [
            t if (w := written(t.start, t.end, t.text)) == t.text else _with_text(t, w)
            for t in terms
        ]

    parsed.quantities = rewritten(parsed.quantities)
    parsed.periods = rewritten(parsed.periods)
    parsed.idents = rewritten(parsed.idents)
    parsed.names = rewritten(parsed.names)


def _with_text(term: _T, text: str) -> _T:
    """`dataclasses.replace(term, text=text)` at a sixth of its cost: a term has no
    `__post_init__` to run, so its fields are copied as they are. A compiled build
    (mypyc) keeps no `__dict__` on its classes: there, `replace` it is."""
    if not hasattr(term, "__dict__"):
        return replace(term, text=text)
    copy: _T = object.__new__(type(term))
    fields = copy.__dict__
    fields.update(term.__dict__)
    fields["text"] = text  # the dataclass is frozen: set as `replace` would build it
    return copy


def _first_joined(texts: list[str], clean: str) -> str | None:
    """The first place in `clean` holding `texts` in order with only spaces or hyphens
    between them, as written there; None if there is none.

    A token never starts with a space or hyphen, so at each place the gap before the
    next token is simply every such character that follows: no backtracking needed.
    """
    first, size = texts[0], len(clean)
    at = clean.find(first)
    while at >= 0:
        pos = at + len(first)
        for text in texts[1:]:
            while pos < size and (clean[pos] in _JOINT or clean[pos].isspace()):
                pos += 1
            if not clean.startswith(text, pos):
                break
            pos += len(text)
        else:
            return clean[at:pos]
        at = clean.find(first, at + 1)
    return None


def _clauses(tokens: list[Token]) -> list[int]:
    """Clause number of each token: breaks at ; . ( ) and at ", and"/", while" or "and is"."""
    number, out = 0, []
    # Each token's next word ("" after the last one).
    following = [t.low for t in tokens[1:]] + [""] if tokens else []
    for token, nxt in zip(tokens, following, strict=True):
        if (
            (token.kind == "punct" and token.low in CLAUSE_BREAKS)
            or (token.low == "," and nxt in ("and", "but", "while", "whereas", "although"))
            or (token.low in ("and", "but", "while", "whereas") and nxt in VERBS)
        ):
            number += 1
        out.append(number)
    return out


# ---------------------------------------------------------------- identifiers


def _ident_part(token: Token) -> bool:
    if token.kind == "code":
        return True
    if token.kind == "number":
        return "," not in token.text
    if token.kind != "word":
        return False
    return (token.capital and token.low not in STOPWORDS and token.low not in MONTH_NAMES) or (
        token.low in VARIANTS or token.low == "gen" or token.low == "series"
    )


def _find_idents(parsed: Parsed) -> None:
    tokens = parsed.tokens
    n = len(tokens)
    i = 0
    while i < n:
        if i in parsed.used or not _ident_part(tokens[i]):
            i += 1
            continue
        j = i
        words: list[str] = []
        while j < n and j not in parsed.used:
            token = tokens[j]
            if _ident_part(token):
                words.append(token.low)
                j += 1
            elif (
                token.low == "("
                and j + 2 < n
                and tokens[j + 1].kind == "number"
                and tokens[j + 2].low == ")"
            ):
                words.append(f"({tokens[j + 1].low})")
                j += 3
            else:
                break
        end = j - 1
        has_digit = any(map(str.isdigit, "".join(words)))
        if words and not has_digit:
            named = [w for w in words if w not in STOPWORDS and w not in _LEADING]
            if named:
                parsed.names.append(
                    Ident(tuple(words), i, end, " ".join(t.text for t in tokens[i : end + 1]))
                )
        if has_digit:
            # Leading common words that only start a sentence are not part of a name.
            start = i
            while words and tokens[start].low in _LEADING and len(words) > 1:
                words.pop(0)
                start += 1
            negated = near_before(tokens, start, NEGATIONS, 3)
            comparison = before_phrase(tokens, start, COMPARISON) is not None or near_before(
                tokens, start, REPLACED_AFTER, 3
            )
            parsed.idents.append(
                Ident(
                    tuple(words),
                    start,
                    end,
                    " ".join(t.text for t in tokens[start : end + 1]),
                    negated=negated,
                    comparison=comparison,
                )
            )
        i = max(j, i + 1)


# Words after which a model is the one replaced or compared with, not the claimed one:
# "ships with iOS 17, replacing iOS 16", "succeeding the A16", "faster than the M2".
REPLACED_AFTER = frozenset(["than", "replacing", "replaces", "replaced", "succeeding", "succeeds"])


def replaced(parsed: Parsed, ident: Ident) -> bool:
    """Whether a statement names `ident` as the model replaced or compared with."""
    return near_before(parsed.tokens, ident.start, REPLACED_AFTER, 3)


_LEADING = frozenset(["expect", "apple's", "its", "new", "standard", "regular", "larger"])


# ---------------------------------------------------------------- polarity


def _find_polarity(parsed: Parsed) -> None:
    tokens = parsed.tokens
    for token in tokens:
        if token.capital and token.index > 0 and tokens[token.index - 1].low not in ".;:":
            continue  # "No Way Out", "Never Say Never": part of a title, not a negation
        if token.low in ("no", "not") and _bound_phrase(tokens, token.index):
            continue  # "no later than November", "no more than $999": a bound
        if token.low in PRIVATIVES and parsed.negation and token.index - parsed.negation[-1] <= 2:
            # "will not remove the jack": the negation cancels the removal.
            parsed.negation.pop()
            continue
        if token.low in NEGATIONS or (
            token.low == "longer" and token.index > 0 and tokens[token.index - 1].low == "no"
        ):
            parsed.negation.append(token.index)
    # In a title ("Switch OLED Screen Made By Sharp") every word is capitalised, so a
    # capital does not mark a name there.
    words = [t for t in tokens if t.kind == "word"]
    title = len(words) >= 3 and sum(t.capital for t in words) >= 0.8 * len(words)
    for token in tokens:
        if token.kind == "word" and _is_verb(token, title):
            if parsed.verb < 0:
                parsed.verb = token.index
            parsed.verbs.setdefault(parsed.clause[token.index], token.index)


def _bound_phrase(tokens: list[Token], n: int) -> bool:
    """Whether "no"/"not" at `n` opens a bound: "no later than", "not more than"."""
    return (
        n + 2 < len(tokens)
        and tokens[n + 1].low in ("later", "earlier", "sooner", "more", "less", "fewer")
        and tokens[n + 2].low == "than"
    )


def _is_verb(token: Token, title: bool = False) -> bool:
    """A verb from the list, or a lower-case past tense ("ended", "launched")."""
    if token.kind != "word":
        return False
    if token.capital and token.index > 0 and not title:
        return False  # part of a title or name: "The Man Who Sold Maps"
    if token.low in VERBS:
        return True
    return (
        not token.capital
        and len(token.low) >= 5
        and token.low.endswith("ed")
        and token.low not in NOT_VERBS
    )


def own_words(parsed: Parsed, end: int) -> list[str]:
    """The first content words right after a term: its own noun ("50MP main camera")."""
    out: list[str] = []
    tokens = parsed.tokens
    for token in tokens[end + 1 : end + 5]:
        if token.kind == "punct" or token.kind == "number" or token.index in parsed.used:
            break
        if token.kind == "money" or len(out) == 2:
            break
        if token.low in ("of", "a", "an", "the"):
            if out:
                break
            continue
        if token.low in STOPWORDS:
            break
        if token.capital or token.kind == "code":
            continue  # a name or model code between a figure and its noun
        out.append(token.stem)
    return out


def in_subject(parsed: Parsed, index: int) -> bool:
    """Whether token `index` stands before the verb of its clause (the subject part)."""
    verb = parsed.verbs.get(parsed.clause[index]) if parsed.clause else None
    return verb is not None and index < verb


def is_local_negation(parsed: Parsed, index: int) -> bool:
    """A negation that governs one term ("not the A16"), not the whole clause; or a
    privative verb whose object ends before the sentence goes on ("ditch the notch for
    a Dynamic Island", "removed Lightning and uses USB-C")."""
    tokens = parsed.tokens
    if tokens[index].low in PRIVATIVES and _object_ends_early(parsed, index):
        return True
    if index > 0 and tokens[index - 1].low in AUXILIARIES:
        return False  # "do not expect X", "will not have X": the whole clause
    for k in range(index + 1, min(len(tokens), index + 4)):
        if any(q.start == k for q in parsed.quantities) or any(d.start == k for d in parsed.idents):
            return tokens[index].low in ("not", "no", "without")
    return False


def _object_ends_early(parsed: Parsed, index: int) -> bool:
    """Whether the sentence goes on after a privative verb's object: past "for"
    or "instead", or past "and", "but" or a comma that starts a clause of its
    own (a verb follows soon: "removed Lightning and the iPhone 15 uses USB-C"), not a
    list of more objects ("removes the charger and earphones")."""
    tokens = parsed.tokens
    for k in range(index + 2, len(tokens)):
        low = tokens[k].low
        if low in (".", ";", ":", "!", "?"):
            return False
        if ends_object(parsed, k):
            return any(
                t.kind in ("word", "code") and t.low not in STOPWORDS for t in tokens[k + 1 :]
            )
    return False


# Words that may join more objects of one verb rather than start a clause.
LIST_JOINS = frozenset(["and", "but", "while", ",", "or"])


def ends_object(parsed: Parsed, k: int) -> bool:
    """Whether token `k` ends a privative verb's object: "for" or "instead", or a
    joining word that starts a clause of its own (a verb follows soon)."""
    tokens = parsed.tokens
    low = tokens[k].low
    if low not in OBJECT_ENDS:
        return False
    return low not in LIST_JOINS or any(_is_verb(t) for t in tokens[k + 1 : k + 5])


# For a quantity, "by $100" is a change, not the value.
