"""Quantities: a number with its unit, bound or hedge ("under 30 reviews", "$300 to $500").

Units follow the number ("50MP", "6.1-inch", "4,860mAh") or precede it ("$", "CNY");
a bare count takes its own noun as unit ("16,384 CUDA cores"). Comparison-only values
("up from 60 Hz") and starting prices ("from $599") are marked.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from tracker.match.kinds import Parsed, Quantity
from tracker.match.normalize import UNIT_WORDS, Token, decimals, number_value
from tracker.match.vocab import (
    BOUND_HIGH,
    BOUND_LOW,
    COMPARISON_BY,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    HEDGES_APPROX,
    HEDGES_BELOW,
    INF,
    MONTH_NAMES,
    MULTIPLIERS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SCALED_UNITS,
    STARTING,
    STOPWORDS,
    STRICT,
    VARIANTS,
    before_phrase,
    near_before,
    word_list,
)

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _number_at(tokens: list[Token], i: int) -> tuple[float, int] | None:
    token = tokens[i]
    if token.kind == "number":
        value = number_value(token.text)
        return (value, decimals(token.text)) if value is not None else None
    if token.kind == "word" and token.low in NUMBER_WORDS:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.kind in ("word", "number") and nxt.low not in STOPWORDS:
            return float(NUMBER_WORDS[token.low]), 0
    return None


# Words that may start a quantity (a currency, "f/", a rank or a number word); any
# other word starts one only if it begins with a digit ("17th").
_STARTS = frozenset([*CURRENCY_WORDS, *ORDINAL_WORDS, *NUMBER_WORDS, "f/"])
_NUMERIC_KINDS = frozenset(["number", "money"])


def find_quantities(parsed: Parsed, merge_ranges: bool) -> None:
    tokens = parsed.tokens
    n = len(tokens)
    found: list[Quantity] = []
    i = 0
    while i < n:
        token = tokens[i]
        if i in parsed.used or (
            token.kind not in _NUMERIC_KINDS
            and token.low not in _STARTS
            and not token.low[:1].isdigit()
        ):
            # Most tokens are words that can start no quantity: skip them at once.
            i += 1
            continue
        start = i
        unit = None
        if token.kind == "money" and i + 1 < n and tokens[i + 1].kind == "number":
            unit = CURRENCY_SYMBOLS[token.low]
            dollars = DOLLAR_PREFIXES.get(tokens[i - 1].text) if i > 0 else None
            if token.low == "$" and dollars and (i - 1) not in parsed.used:
                unit, start = dollars, i - 1  # "C$999" is Canadian, "HK$999" Hong Kong
            i += 1
        elif token.low in CURRENCY_WORDS and i + 1 < n and tokens[i + 1].kind == "number":
            unit = CURRENCY_WORDS[token.low]
            i += 1
        if token.low == "f/" and i + 1 < n and tokens[i + 1].kind == "number":
            unit = "f/"
            i += 1
        rank = _ordinal_at(tokens, i) if unit is None else None
        if rank is not None:
            found.append(Quantity(rank, "n:ord", rank, rank, 0, i, i, token.text))
            parsed.used.add(i)
            i += 1
            continue
        number = _number_at(tokens, i)
        if number is None or i in parsed.used:
            i = start + 1
            continue
        if unit is None and _is_ident_number(tokens, i):
            i += 1
            continue
        value, places = number
        end = i
        j = i + 1
        resolution = _resolution(tokens, i)
        if unit is None and resolution is not None:
            low_side, high_side, end = resolution
            size = high_side * 100000 + low_side
            text = " ".join(t.text for t in tokens[start : end + 1])
            found.append(Quantity(size, "px", size, size, 0, start, end, text))
            parsed.used.update(range(start, end + 1))
            i = end + 1
            continue
        scaled = j < n and tokens[j].low in MULTIPLIERS
        if scaled:
            value = round(value * MULTIPLIERS[tokens[j].low], 6)
            end = j
            j += 1
        if unit is None and j < n:
            # "5,000 or more people": the bound stands between the figure and its noun.
            skip = 2 if _or_more(tokens, j) else 0
            if skip and j + skip < n:
                # The bound is part of the term, so its noun is the next word.
                unit, end = _unit_after(tokens, j + skip, j + 1)
            else:
                unit, end = _unit_after(tokens, j, end)
        if unit is None and token.kind == "word":
            unit = _count_over_figure(tokens, j, end)
        if unit is None:
            unit = _noun_before(tokens, start)
        if unit is None and scaled:
            # "earned 31.5 crore worldwide": a large figure, its noun unsaid; its scope
            # word ("worldwide", "domestically") tells it from other such figures.
            unit = "n:" + (tokens[j].stem if j < n and _adverb(tokens, j) else "")
        if unit is None or unit.startswith("n:"):
            shared = _shared_unit(tokens, i)
            unit = shared or unit
        elif j < n and tokens[j].low in CURRENCY_WORDS:
            end = j
        if unit is None:
            i = end + 1
            continue
        if unit in SCALED_UNITS:
            unit, power = SCALED_UNITS[unit]
            value, places = round(value * 10**power, 9), places - power
        found.append(_bounded(tokens, start, end, value, unit, places))
        parsed.used.update(range(start, end + 1))
        i = end + 1
    parsed.quantities = _parallel_starting(
        tokens, _merge_ranges(tokens, found) if merge_ranges else found
    )


# Words after an ordinal that make it a generation or a part of a period, not a rank.
_NOT_RANKS = frozenset(["generation", "gen", "half", "quarter", "edition"])


def _ordinal_at(tokens: list[Token], i: int) -> int | None:
    """A rank: "17th largest", "the fourth most attended" (from 2nd: "first" is too
    common to rank anything); not "per second" nor "second-generation"."""
    token = tokens[i]
    if token.kind != "word":
        return None
    rank = ORDINAL_WORDS.get(token.low)
    if rank is None and _ORDINAL.match(token.low):
        rank = int(token.low[:-2])
    if rank is None or rank < 2:
        return None
    prev = tokens[i - 1].low if i > 0 else ""
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if prev in ("per", "a") or nxt in _NOT_RANKS:
        return None
    return rank


# Words that may stand between a noun and its figure: "sales of 2.1 million", "sales of
# less than 3 million".
_OF_BOUND = frozenset(word_list("of less more than under over about around nearly almost"))


def _or_more(tokens: list[Token], j: int) -> bool:
    """Whether "or more", "or less" or "or fewer" starts at token `j`."""
    return (
        j + 1 < len(tokens)
        and tokens[j].low == "or"
        and tokens[j + 1].low in ("more", "less", "fewer")
    )


def _noun_before(tokens: list[Token], start: int) -> str | None:
    """The noun a figure with nothing after it counts, written before it with "of":
    "with sales of 2.1 million." counts sales. "The treaty of 1848" names a year."""
    text = tokens[start].text
    if text.isdigit() and len(text) == 4 and 1000 <= int(text) <= 2100:
        return None
    k = start - 1
    while k >= 0 and tokens[k].low in _OF_BOUND and tokens[k].low != "of":
        k -= 1
    if k < 1 or tokens[k].low != "of":
        return None
    noun = tokens[k - 1]
    if noun.kind != "word" or noun.capital or noun.low in STOPWORDS or noun.low in UNIT_WORDS:
        return None
    return "n:" + noun.stem


def _count_over_figure(tokens: list[Token], j: int, end: int) -> str | None:
    """The noun a number word counts across a figure: "dual 50MP rear cameras" is two
    cameras (the figure itself stays a quantity of its own)."""
    n = len(tokens)
    if j + 2 < n and tokens[j].kind == "number" and tokens[j + 1].low in UNIT_WORDS:
        unit, _ = _unit_after(tokens, j + 2, end)
        if unit is not None and unit.startswith("n:"):
            return unit
    return None


def _shared_unit(tokens: list[Token], i: int) -> str | None:
    """The unit of a list's last number: "6.3 and 6.9 inches", "5.4 / 6.1 / 6.7 inches"."""
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].low in ("and", "or", "to", ",", "/"):
        if tokens[j + 1].kind != "number":
            return None
        j += 2
        if j < len(tokens) and tokens[j].low in UNIT_WORDS and tokens[j].low != "in":
            return UNIT_WORDS[tokens[j].low]
    return None


PREPOSITIONS = frozenset(word_list("during through throughout until since against despite via"))
_ADVERBS = frozenset(word_list("worldwide globally overall domestically abroad total"))


def _adverb(tokens: list[Token], j: int) -> bool:
    """An adverb after a figure ("worldwide", "annually"), which counts nothing; an
    "-ly" word before a noun is an adjective ("daily active users", "family units")."""
    token = tokens[j]
    if token.low in _ADVERBS:
        return True
    if not token.low.endswith("ly") or len(token.low) <= 4:
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is None or nxt.kind != "word" or nxt.low in STOPWORDS


def _resolution(tokens: list[Token], i: int) -> tuple[int, int, int] | None:
    """ "2560 x 1600" (or "1080 x 2412"): the two sides, smaller first, and the end index."""
    if i + 2 >= len(tokens) or tokens[i + 1].low != "x" or tokens[i + 2].kind != "number":
        return None
    first, second = number_value(tokens[i].text), number_value(tokens[i + 2].text)
    if first is None or second is None or min(first, second) < 100:
        return None
    end = i + 2
    if end + 1 < len(tokens) and tokens[end + 1].low in ("pixels", "px"):
        end += 1
    return int(min(first, second)), int(max(first, second)), end


def _is_ident_number(tokens: list[Token], i: int) -> bool:
    """A bare number right after a capitalised name is part of it ("Pixel 7", "Gen 1")."""
    if tokens[i].kind != "number" or "." in tokens[i].text or "," in tokens[i].text:
        return False
    prev = tokens[i - 1] if i > 0 else None
    if prev is None:
        return False
    closed = i + 1 < len(tokens) and tokens[i + 1].low == ")"
    if prev.low == "(" and i > 1 and tokens[i - 2].capital and closed:
        return True  # "Phone (1)"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and (nxt.low in UNIT_WORDS and not nxt.capital):
        return False
    if nxt is not None and nxt.low in VARIANTS and nxt.capital:
        return True  # "the 13 Ultra"
    return (prev.capital and prev.low not in STOPWORDS and prev.low not in MONTH_NAMES) or (
        prev.kind == "code"
    )


def _unit_after(tokens: list[Token], j: int, end: int) -> tuple[str | None, int]:
    n = len(tokens)
    token = tokens[j]
    if token.low == "%":
        return "%", j
    if token.low in CURRENCY_WORDS:
        return CURRENCY_WORDS[token.low], j
    if token.text in BITS:
        return BITS[token.text], j  # "16Gb" is gigabits, not gigabytes
    if token.low in UNIT_WORDS and not (token.low == "in" and not token.hyphen_before):
        unit = UNIT_WORDS[token.low]
        if unit == "GB" and j + 2 < n and tokens[j + 1].low == "/" and tokens[j + 2].low == "s":
            return "GB/s", j + 2
        if unit == "x" and (token.capital or (j + 1 < n and tokens[j + 1].kind == "number")):
            return None, end  # "2x 10MP": two of them, not a 2x zoom
        return unit, j
    if token.low in ("per", "percent") and j + 1 < n and tokens[j + 1].low == "cent":
        return "%", j + 1
    if _adverb(tokens, j):
        return None, end  # "3 million worldwide": no noun after the figure
    # A bare count takes its own noun as the unit: "36 compute units", "8-core CPU";
    # a preposition is no noun ("the rebellion of 1848 during ...").
    if (
        token.kind == "word"
        and token.low not in STOPWORDS
        and token.low not in MONTH_NAMES
        and token.low not in PREPOSITIONS
    ):
        if token.hyphen_before:
            return "n:" + token.stem, end
        head = j
        while (
            head + 1 < n
            and head - j < 2
            and tokens[head + 1].kind == "word"
            and tokens[head + 1].low not in STOPWORDS
            and not tokens[head + 1].capital
        ):
            head += 1
        return "n:" + tokens[head].stem, end
    return None, end


# Words (and the sign) that make a figure approximate when right before it.
_APPROX = HEDGES_APPROX | {"~"}


def _bounded(
    tokens: list[Token], start: int, end: int, value: float, unit: str, places: int
) -> Quantity:
    low = high = value
    # "less than the Z Fold3's $1,799" bounds the claim's own figure as "less than
    # $1,799" does: the owner between the bound and the figure is skipped.
    at = _before_owner(tokens, start)
    bound_low = before_phrase(tokens, start, BOUND_LOW) or before_phrase(tokens, at, BOUND_LOW)
    bound_high = before_phrase(tokens, start, BOUND_HIGH) or before_phrase(tokens, at, BOUND_HIGH)
    if bound_low and bound_high:
        # "no more than" (high) also ends with "more than" (low): the longer one wins.
        if len(bound_high) > len(bound_low):
            bound_low = None
        else:
            bound_high = None
    after = [t.low for t in tokens[end + 1 : end + 3]]
    if end >= 1 and _or_more(tokens, end - 1):
        after = [tokens[end - 1].low, tokens[end].low]  # the term ends with "or more"
    bound = bound_low or bound_high or ""
    if not bound and after[:1] == ["+"]:
        bound = "+"
    elif not bound and after[:1] == ["or"] and after[1:2] in (["more"], ["less"], ["fewer"]):
        bound = " ".join(after)
    if bound_low or after[:2] == ["or", "more"] or after[:1] == ["+"]:
        strict = bound_low is not None and bound_low.split()[0] in STRICT
        low, high = (math.nextafter(value, INF) if strict else value), INF
    elif bound_high or after[:2] == ["or", "less"] or after[:2] == ["or", "fewer"]:
        strict = bound_high is not None and bound_high.split()[0] in STRICT
        # The next float, not value - 1e-9: that is lost on "$323 million".
        low, high = -INF, (math.nextafter(value, -INF) if strict else value)
    elif start > 0 and tokens[start - 1].low in _APPROX:
        # Only right before the figure: "around $500", not "built around a 2.4GHz chip".
        bound = tokens[start - 1].low
        if bound in HEDGES_BELOW:
            low, high = value * 0.9, math.nextafter(value, -INF)
        else:
            low, high = value * 0.9, value * 1.1
    comparison = False
    if not (bound_low or bound_high):
        # "as low as 1Hz" states the value; only "as fast as the RTX 3090" compares.
        comparison = before_phrase(tokens, start, COMPARISON_BY) not in (None, "as")
        comparison = comparison or near_before(tokens, _before_owner(tokens, start), THAN, 3)
        comparison = comparison or _changed_from(tokens, start, end)
    starting = not comparison and near_before(tokens, start, STARTING, 4)
    text = " ".join(t.text for t in tokens[start : end + 1])
    return Quantity(
        value, unit, low, high, places, start, end, text, comparison, starting, bound=bound
    )


THAN = frozenset({"than"})
# Units of bits, written with a lower-case "b" ("16Gb" of a memory chip, "10Mb/s").
BITS = {"Kb": "Kbit", "Mb": "Mbit", "Gb": "Gbit", "Tb": "Tbit"}
# Letters written before "$" that name another dollar ("A$" is left out: "A $999
# phone" is an article).
DOLLAR_PREFIXES = {
    "US": "USD",
    "C": "CAD",
    "CA": "CAD",
    "AU": "AUD",
    "NZ": "NZD",
    "HK": "HKD",
    "S": "SGD",
    "NT": "TWD",
}
# Verbs of change: "the price rises from $799 to $899" gives the old price first.
CHANGE_VERBS = frozenset(
    word_list(
        """rise rises rose risen increase increases increased grow grows grew jump jumps
        jumped climb climbs climbed fall falls fell drop drops dropped decrease decreases
        decreased cut cuts go goes went move moves moved upgrade upgrades upgraded bump
        bumps bumped change changes changed"""
    )
)


def _changed_from(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the figure is the old side of a change: "rises from $799 to $899"."""
    k = start - 1
    while k >= 0 and tokens[k].low in ("a", "an", "the", "$", "€", "£", "¥", "₹"):
        k -= 1
    if k < 0 or tokens[k].low != "from":
        return False
    if not any(t.low == "to" for t in tokens[end + 1 : end + 3]):
        return False
    return near_before(tokens, k, CHANGE_VERBS, 4)


def _before_owner(tokens: list[Token], start: int) -> int:
    """Where the words before a figure start once the model owning it ("the Z Fold3's
    $1,799") is skipped; `start` when no owner stands before it."""
    if start == 0 or tokens[start - 1].low not in ("'s", "'"):
        return start  # no owner: "less than $1,799"
    i = start - 1
    while i > 0 and (tokens[i - 1].capital or tokens[i - 1].kind in ("code", "number")):
        i -= 1  # the owner's name: "Z Fold3", "RTX 3090"
    return i


# Words between two figures of one list: "starts at $1,399 and pre-built models at ...".
PARALLEL_REACH = 8


def _parallel_starting(tokens: list[Token], found: list[Quantity]) -> list[Quantity]:
    """ "The DIY Edition starts at $1,399 and pre-built models at $1,699": the second
    figure, whose verb is left out, is a starting price too."""
    if not any(q.starting for q in found):
        return found
    out = list(found)
    for n in range(1, len(out)):
        last, q = out[n - 1], out[n]
        between = [t.low for t in tokens[last.end + 1 : q.start]]
        if (
            last.starting
            and not q.starting
            and not q.comparison
            and q.unit == last.unit
            and len(between) <= PARALLEL_REACH
            and between[:1] in (["and"], [","])
            and between[-1:] in (["at"], ["from"])
            and not any(w in (".", ";", "than") for w in between)
        ):
            out[n] = replace(q, starting=True)
    return out


def _merge_ranges(tokens: list[Token], found: list[Quantity]) -> list[Quantity]:
    """ "$300 to $500", "200,000-300,000 units", "between 10 and 20": one interval."""
    out: list[Quantity] = []
    for q in found:
        if out:
            last = out[-1]
            between = [t.low for t in tokens[last.end + 1 : q.start]]
            if between in (["to"], ["-"], ["and"], []) and q.start - last.end <= 2:
                ok = (
                    between != ["and"]
                    or before_phrase(tokens, last.start, (("between",),)) is not None
                )
                same = last.unit == q.unit or last.unit.startswith("n:")
                plain = last.low == last.high and q.low == q.high
                if ok and same and plain and last.comparison == q.comparison:
                    out[-1] = Quantity(
                        q.value,
                        q.unit,
                        min(last.value, q.value),
                        max(last.value, q.value),
                        q.places,
                        last.start,
                        q.end,
                        f"{last.text} to {q.text}",
                        last.comparison,
                        last.starting,
                    )
                    continue
        out.append(q)
    return out
