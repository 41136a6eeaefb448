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

import math
from dataclasses import dataclass, field
from datetime import date

from tracker.match.normalize import (
    MONTHS,
    UNIT_WORDS,
    Token,
    decimals,
    normalise,
    number_value,
    tokenize,
)

INF = math.inf


def word_list(text: str) -> list[str]:
    """The words of a literal list written as one string."""
    return text.split()


STOPWORDS = frozenset(
    word_list(
        """a an the and or of to in on at by for with from as is are was were be been being
        will would could can may might shall should must do does did has have had having it
        its this that these those their his her they them he she we you i our your than then
        so such into onto over about via per also again still just only even very more most
        much new set said says say reportedly reported report expected expect expects likely
        tipped rumoured rumored tip plan plans planning going get gets getting got come
        comes coming feature features featuring offer offers offering include includes
        including pack packs carry carries sport sports boast boasts use uses using used run
        runs running power powered support supports supported bring brings make makes made
        there here which who whose what when where while both all every each any some other
        another one's up out now later soon already reportedly according apparently claim
        claims add adds added gain gains able fewer less under below above least than
        around roughly approximately nearly almost exceeding before after since until till
        early mid late"""
    )
)
# Words that only say which variant of a product is meant: "14" and "14 Pro" differ.
VARIANTS = frozenset(
    word_list("""pro max plus ultra mini lite se fold flip xl ti edge air note neo fe prime""")
)
QUANTIFIERS = frozenset(["all", "every", "both", "each", "entire", "whole"])
NEGATIONS = frozenset(
    word_list(
        """not no never without neither nor cancelled canceled cancel denied deny denies false
        untrue scrapped dropped drop drops axed lacks lack"""
    )
)
HEDGES_APPROX = frozenset(
    ["about", "around", "roughly", "approximately", "nearly", "almost", "circa", "some"]
)
Phrases = tuple[tuple[str, ...], ...]


def _phrases(text: str) -> Phrases:
    """ "at least|more than" -> (("at", "least"), ("more", "than"))."""
    return tuple(tuple(p.split()) for p in text.split("|"))


BOUND_LOW = _phrases(
    "at least|more than|over|above|greater than|upwards of|exceeding|beyond|higher than"
)
BOUND_HIGH = _phrases(
    "under|less than|fewer than|below|at most|no more than|lower than|limited to"
    "|top out at|tops out at|max|maximum"
)
STRICT = frozenset(
    word_list("""more over above greater under less fewer below exceeding beyond higher lower""")
)
COMPARISON = _phrases(
    "up from|down from|than|compared|versus|vs|replacing|replaces|replace|instead of|as"
    "|same as|predecessor|previous"
)
STARTING = frozenset(
    ["start", "starts", "starting", "started", "from", "begin", "begins", "beginning", "cheapest"]
)
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR"}
CURRENCY_WORDS = {"cny": "CNY", "rs": "INR", "inr": "INR", "usd": "USD", "eur": "EUR"}
CURRENCY_WORDS |= {"rmb": "CNY", "yuan": "CNY", "gbp": "GBP"}
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
MULTIPLIERS |= {"lakh": 1e5, "crore": 1e7, "crores": 1e7}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dual": 2,
    "single": 1,
    "twin": 2,
    "quad": 4,
}
MONTH_ABBREV = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
MONTH_NAMES = {m: i + 1 for i, m in enumerate(MONTHS)} | MONTH_ABBREV
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
STOPWORDS = STOPWORDS | WEEKDAYS
CLAUSE_BREAKS = frozenset({";", ".", ":", "!", "?"})
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
AUXILIARIES = frozenset(
    word_list("do does did will would is are was were can could has have had should may might")
)
# Words ending in "ed" that are rarely the verb of a claim.
NOT_VERBS = frozenset(word_list("based need speed embedded advanced red shared dedicated"))
VERBS = frozenset(
    word_list(
        """will would could can may might is are was were has have had gets get uses use runs
        run ships ship comes come packs pack carries carry launches launch costs cost starts
        start features offers includes sports boasts arrives arrive debuts debut goes go
        supports support keeps keep moves move gains gain adds add needs need lets let
        becomes become remains remain stays stay hits hit tops top"""
    )
)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit; `low`/`high` hold the interval a bound or hedge makes."""

    value: float
    unit: str
    low: float
    high: float
    places: int
    start: int
    end: int
    text: str
    comparison: bool = False
    starting: bool = False
    negated: bool = False


@dataclass(frozen=True)
class Ident:
    """An identifier or model name: tokens in lower case, e.g. ("xiaomi", "12s", "ultra")."""

    words: tuple[str, ...]
    start: int
    end: int
    text: str
    negated: bool = False
    comparison: bool = False

    @property
    def key(self) -> str:
        return " ".join(self.words)

    @property
    def codes(self) -> tuple[str, ...]:
        """The parts that carry digits: what tells one model from its neighbour."""
        return tuple(w for w in self.words if any(c.isdigit() for c in w))


@dataclass(frozen=True)
class Period:
    """A date or period as an inclusive range of ordinal days."""

    low: float
    high: float
    start: int
    end: int
    text: str
    day: bool = False
    comparison: bool = False
    negated: bool = False
    # "from 1972 to 1977": both ends are claimed, not any time in between.
    span: bool = False


@dataclass
class Parsed:
    """A text read once: tokens, terms and polarity. Cached per statement."""

    text: str
    tokens: list[Token]
    quantities: list[Quantity] = field(default_factory=list)
    idents: list[Ident] = field(default_factory=list)
    names: list[Ident] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    clause: list[int] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    negation: list[int] = field(default_factory=list)
    verb: int = -1
    verbs: dict[int, int] = field(default_factory=dict)

    def content(self) -> list[Token]:
        """Content words and codes, not inside quantities or dates."""
        return [
            t
            for t in self.tokens
            if t.kind in ("word", "code")
            and t.low not in STOPWORDS
            and t.index not in self.used
            and t.low not in UNIT_WORDS
            and t.low not in NEGATIONS
        ]

    def clause_negated(self, index: int) -> bool:
        """Whether the clause holding token `index` carries a negation."""
        return any(self.clause[n] == self.clause[index] for n in self.negation)


def parse(text: str, year: int | None = None, merge_ranges: bool = False) -> Parsed:
    """Read `text`; `year` completes dates written without one ("on 4 July")."""
    tokens = tokenize(normalise(text))
    parsed = Parsed(text=text, tokens=tokens)
    parsed.clause = _clauses(tokens)
    _find_dates(parsed, year)
    _find_quantities(parsed, merge_ranges)
    _find_idents(parsed)
    _find_polarity(parsed)
    return parsed


def _clauses(tokens: list[Token]) -> list[int]:
    """Clause number of each token: breaks at ; . ( ) and at ", and"/", while" or "and is"."""
    number, out = 0, []
    for n, token in enumerate(tokens):
        nxt = tokens[n + 1].low if n + 1 < len(tokens) else ""
        if (
            (token.kind == "punct" and token.low in CLAUSE_BREAKS)
            or (token.low == "," and nxt in ("and", "but", "while", "whereas", "although"))
            or (token.low in ("and", "but", "while", "whereas") and nxt in VERBS)
        ):
            number += 1
        out.append(number)
    return out


def _before(tokens: list[Token], index: int, phrases: Phrases) -> str | None:
    """The phrase that ends right before `index` (skipping articles), if any."""
    end = index
    while end > 0 and tokens[end - 1].low in ("a", "an", "the", "$", "€", "£", "¥", "₹"):
        end -= 1
    last = _LAST_WORDS.get(id(phrases))
    if last is not None and (end == 0 or tokens[end - 1].low not in last):
        return None  # a quick test on the last word saves building tuples
    for phrase in phrases:
        size = len(phrase)
        if end - size >= 0 and tuple(t.low for t in tokens[end - size : end]) == phrase:
            return " ".join(phrase)
    return None


_LAST_WORDS: dict[int, frozenset[str]] = {}


def _remember(*groups: Phrases) -> None:
    """Index the last word of each phrase group, for `_before`'s quick test."""
    for group in groups:
        _LAST_WORDS[id(group)] = frozenset(phrase[-1] for phrase in group)


def _near_before(tokens: list[Token], index: int, words: frozenset[str], span: int) -> bool:
    return any(token.low in words for token in tokens[max(0, index - span) : index])


# ---------------------------------------------------------------- dates and periods


def _month_at(tokens: list[Token], i: int) -> int | None:
    token = tokens[i]
    if token.kind != "word":
        return None
    month = MONTH_NAMES.get(token.low)
    if month is None:
        return None
    if token.low in ("may", "mar", "jun", "oct", "dec", "jan", "feb", "apr", "aug", "sep", "nov"):
        # "may" is usually the verb; abbreviations need a number beside them.
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1] if i > 0 else None
        beside = (nxt is not None and nxt.kind == "number") or (
            prev is not None and prev.kind == "number"
        )
        if token.low == "may" and token.capital and not beside:
            beside = nxt is not None and nxt.low in ("or", "and", "to")
            beside = beside or (prev is not None and prev.low in ("in", "of", "early", "late"))
        if not beside:
            return None
    return month


def _day_number(text: str) -> int | None:
    """A day of the month written "19" or "19th"."""
    digits = text[:-2] if text[-2:] in ("st", "nd", "rd", "th") else text
    if digits.isdigit() and len(digits) <= 2 and 1 <= int(digits) <= 31:
        return int(digits)
    return None


def _year(token: Token) -> int | None:
    if token.kind == "number" and token.text.isdigit() and len(token.text) == 4:
        value = int(token.text)
        if 1900 <= value <= 2100:
            return value
    return None


def _month_range(year: int, month: int) -> tuple[int, int]:
    first = date(year, month, 1).toordinal()
    following = date(year + (month == 12), month % 12 + 1, 1).toordinal()
    return first, following - 1


_DATE_STARTS = frozenset(MONTH_NAMES) | frozenset(QUARTER_WORDS)


def _find_dates(parsed: Parsed, year: int | None) -> None:
    tokens = parsed.tokens
    # Without a year of its own, a text's "on March 20" takes the year it last named.
    seen = year
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not (token.kind == "number" or token.low in _DATE_STARTS or token.kind == "code"):
            i += 1  # most tokens cannot start a date: skip the full test
            continue
        if year is None and _year(token) is not None:
            seen = _year(token)
        found = _date_at(tokens, i, year if year is not None else seen)
        if found is None:
            i += 1
            continue
        low, high, start, end, is_day = found
        low, high, start = _date_modifiers(tokens, start, low, high)
        comparison = _before(tokens, start, (("than",), ("up", "from"), ("instead", "of")))
        parsed.periods.append(
            Period(
                low,
                high,
                start,
                end,
                " ".join(t.text for t in tokens[start : end + 1]),
                day=is_day,
                comparison=comparison is not None,
            )
        )
        parsed.used.update(range(start, end + 1))
        i = end + 1
    _merge_period_ranges(parsed)


def _date_at(
    tokens: list[Token], i: int, year: int | None
) -> tuple[float, float, int, int, bool] | None:
    token = tokens[i]
    n = len(tokens)
    month = _month_at(tokens, i)
    if month is not None:
        start, end, day = i, i, None
        prev = tokens[i - 1] if i > 0 else None
        numeric = prev is not None and prev.kind == "number" and prev.text.isdigit()
        if prev is not None and numeric and 1 <= int(prev.text) <= 31:
            day, start = int(prev.text), i - 1
        if day is None and i + 1 < n and tokens[i + 1].kind in ("number", "word"):
            value = _day_number(tokens[i + 1].low)
            if value is not None:
                day, end = value, i + 1
        if day is None and prev is not None and prev.low == "of" and i > 1:
            value = _day_number(tokens[i - 2].low)
            if value is not None and tokens[i - 2].kind == "word":
                day, start = value, i - 2
        found_year = None
        j = end + 1
        if j < n and tokens[j].low == ",":
            j += 1
        if j < n and _year(tokens[j]) is not None:
            found_year, end = _year(tokens[j]), j
        joined = found_year is None and j + 2 < n and tokens[j].low in ("or", "to", "and")
        if joined and _month_at(tokens, j + 1) is not None:
            found_year = _year(tokens[j + 2])
        found_year = found_year or year
        if found_year is None:
            return None
        if day is not None:
            try:
                ordinal = date(found_year, month, day).toordinal()
            except ValueError:
                return None
            return ordinal, ordinal, start, end, True
        low, high = _month_range(found_year, month)
        return low, high, start, end, False
    quarter = _quarter_at(tokens, i)
    if quarter is not None:
        return quarter
    found_year = _year(token)
    if found_year is not None:
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and (nxt.low in UNIT_WORDS or nxt.low in MULTIPLIERS):
            return None
        return (
            date(found_year, 1, 1).toordinal(),
            date(found_year, 12, 31).toordinal(),
            i,
            i,
            False,
        )
    return None


def _quarter_at(tokens: list[Token], i: int) -> tuple[float, float, int, int, bool] | None:
    """Q3 2022, H2 2023, "the fourth quarter of 2020", "second half of 2023"."""
    token = tokens[i]
    n = len(tokens)
    part, size, end = None, 0, i
    if token.kind == "code" and len(token.low) == 2 and token.low[0] in "qh":
        digit = token.low[1]
        if token.low[0] == "q" and digit in "1234":
            part, size = int(digit), 3
        elif token.low[0] == "h" and digit in "12":
            part, size = int(digit), 6
    elif token.low in QUARTER_WORDS and i + 1 < n and tokens[i + 1].low in ("quarter", "half"):
        part = QUARTER_WORDS[token.low]
        size = 3 if tokens[i + 1].low == "quarter" else 6
        end = i + 1
        if size == 6 and part > 2:
            return None
    if part is None:
        return None
    j = end + 1
    if j < n and tokens[j].low == "of":
        j += 1
    last_part = part
    same_kind = j + 1 < n and tokens[j].kind == "code" and tokens[j].low[:1] == token.low[:1]
    if same_kind and tokens[j].low[1:].isdigit():
        # "Q3-Q4 2026": a span of quarters sharing one year.
        last_part = int(tokens[j].low[1:])
        j += 1
    if j >= n or _year(tokens[j]) is None:
        return None
    year = _year(tokens[j])
    assert year is not None
    first_month = (part - 1) * size + 1
    low = _month_range(year, first_month)[0]
    last_month = min(12, (last_part - 1) * size + size)
    high = _month_range(year, max(first_month + size - 1, last_month))[1]
    return low, high, i, j, False


def _date_modifiers(
    tokens: list[Token], start: int, low: float, high: float
) -> tuple[float, float, int]:
    """early/mid/late, "the end of", and bounds: before, by, until, after, since."""
    span = high - low
    prev = tokens[start - 1].low if start > 0 else ""
    if prev == "the" and start > 1:
        prev = tokens[start - 2].low
        if prev in ("early", "mid", "late", "end"):
            start -= 1
    if prev in ("early", "mid", "late") and span > 0:
        third = (span + 1) / 3
        if prev == "early":
            low, high = low, low + third - 1
        elif prev == "mid":
            low, high = low + third, low + 2 * third - 1
        else:
            low, high = low + 2 * third, high
        start -= 1
    ended = False
    if prev == "of" and start > 1 and tokens[start - 2].low == "end":
        low = high - span / 6 if span > 31 else low
        start -= 2
        ended = True
    prev = tokens[start - 1].low if start > 0 else ""
    if prev == "the" and start > 1:
        prev = tokens[start - 2].low
    if prev == "before" and ended:
        low = -INF
    elif prev == "before":
        low, high = -INF, low - 1
    elif prev == "after":
        low, high = high + 1, INF
    elif prev == "since":
        high = INF
    return low, high, start


def _merge_period_ranges(parsed: Parsed) -> None:
    """ "May or June 2023", "Q3-Q4 2026", "2024 or 2025": one period for both ends."""
    periods = parsed.periods
    tokens = parsed.tokens
    merged: list[Period] = []
    for period in periods:
        if merged:
            last = merged[-1]
            between = tokens[last.end + 1 : period.start]
            joins = len(between) <= 1 and all(t.low in ("or", "to", "and", "-") for t in between)
            if joins and (not between or between[0].low != "and" or not last.day):
                joiner = between[0].low if between else "-"
                opened = last.start > 0 and tokens[last.start - 1].low in ("from", "between")
                merged[-1] = Period(
                    min(last.low, period.low),
                    max(last.high, period.high),
                    last.start,
                    period.end,
                    f"{last.text} {' '.join(t.text for t in between)} {period.text}",
                    day=False,
                    comparison=last.comparison,
                    span=opened and joiner in ("to", "-", "and"),
                )
                continue
        merged.append(period)
    parsed.periods = merged


# ---------------------------------------------------------------- quantities


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


def _find_quantities(parsed: Parsed, merge_ranges: bool) -> None:
    tokens = parsed.tokens
    n = len(tokens)
    found: list[Quantity] = []
    i = 0
    while i < n:
        if i in parsed.used:
            i += 1
            continue
        start = i
        unit = None
        token = tokens[i]
        if token.kind == "money" and i + 1 < n and tokens[i + 1].kind == "number":
            unit = CURRENCY_SYMBOLS[token.low]
            i += 1
        elif token.low in CURRENCY_WORDS and i + 1 < n and tokens[i + 1].kind == "number":
            unit = CURRENCY_WORDS[token.low]
            i += 1
        if token.low == "f/" and i + 1 < n and tokens[i + 1].kind == "number":
            unit = "f/"
            i += 1
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
        if j < n and tokens[j].low in MULTIPLIERS:
            value = round(value * MULTIPLIERS[tokens[j].low], 6)
            end = j
            j += 1
        if unit is None and j < n:
            unit, end = _unit_after(tokens, j, end)
        if unit is None or unit.startswith("n:"):
            shared = _shared_unit(tokens, i)
            unit = shared or unit
        elif j < n and tokens[j].low in CURRENCY_WORDS:
            end = j
        if unit is None:
            i = end + 1
            continue
        found.append(_bounded(tokens, start, end, value, unit, places))
        parsed.used.update(range(start, end + 1))
        i = end + 1
    parsed.quantities = _merge_ranges(tokens, found) if merge_ranges else found


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
    if token.low in UNIT_WORDS and not (token.low == "in" and not token.hyphen_before):
        unit = UNIT_WORDS[token.low]
        if unit == "GB" and j + 2 < n and tokens[j + 1].low == "/" and tokens[j + 2].low == "s":
            return "GB/s", j + 2
        if unit == "x" and token.capital:
            return None, end
        return unit, j
    if token.low in ("per", "percent") and j + 1 < n and tokens[j + 1].low == "cent":
        return "%", j + 1
    # A bare count takes its own noun as the unit: "36 compute units", "8-core CPU".
    if token.kind == "word" and token.low not in STOPWORDS and token.low not in MONTH_NAMES:
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


def _bounded(
    tokens: list[Token], start: int, end: int, value: float, unit: str, places: int
) -> Quantity:
    low = high = value
    bound_low = _before(tokens, start, BOUND_LOW)
    bound_high = _before(tokens, start, BOUND_HIGH)
    after = [t.low for t in tokens[end + 1 : end + 3]]
    if bound_low or after[:2] == ["or", "more"] or after[:1] == ["+"]:
        strict = bound_low is not None and bound_low.split()[0] in STRICT
        low, high = value + (1e-9 if strict else 0), INF
    elif bound_high or after[:2] == ["or", "less"] or after[:2] == ["or", "fewer"]:
        strict = bound_high is not None and bound_high.split()[0] in STRICT
        low, high = -INF, value - (1e-9 if strict else 0)
    elif start > 0 and tokens[start - 1].low in (*HEDGES_APPROX, "~"):
        # Only right before the figure: "around $500", not "built around a 2.4GHz chip".
        low, high = value * 0.9, value * 1.1
    comparison = False
    if not (bound_low or bound_high):
        # "as low as 1Hz" states the value; only "as fast as the RTX 3090" compares.
        comparison = _before(tokens, start, COMPARISON_BY) not in (None, "as")
        comparison = comparison or _near_before(tokens, start, frozenset({"than"}), 3)
    starting = not comparison and _near_before(tokens, start, STARTING, 4)
    text = " ".join(t.text for t in tokens[start : end + 1])
    return Quantity(value, unit, low, high, places, start, end, text, comparison, starting)


def _merge_ranges(tokens: list[Token], found: list[Quantity]) -> list[Quantity]:
    """ "$300 to $500", "200,000-300,000 units", "between 10 and 20": one interval."""
    out: list[Quantity] = []
    for q in found:
        if out:
            last = out[-1]
            between = [t.low for t in tokens[last.end + 1 : q.start]]
            if between in (["to"], ["-"], ["and"], []) and q.start - last.end <= 2:
                ok = between != ["and"] or _before(tokens, last.start, (("between",),)) is not None
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
        if words and not any(any(c.isdigit() for c in w) for w in words):
            named = [w for w in words if w not in STOPWORDS and w not in _LEADING]
            if named:
                parsed.names.append(
                    Ident(tuple(words), i, end, " ".join(t.text for t in tokens[i : end + 1]))
                )
        if any(any(c.isdigit() for c in w) for w in words):
            # Leading common words that only start a sentence are not part of a name.
            start = i
            while words and tokens[start].low in _LEADING and len(words) > 1:
                words.pop(0)
                start += 1
            negated = _near_before(tokens, start, NEGATIONS, 3)
            comparison = _before(tokens, start, COMPARISON) is not None or _near_before(
                tokens, start, frozenset({"than", "replacing", "replaces"}), 3
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


_LEADING = frozenset(["expect", "apple's", "its", "new", "standard", "regular", "larger"])


# ---------------------------------------------------------------- polarity


def _find_polarity(parsed: Parsed) -> None:
    tokens = parsed.tokens
    for token in tokens:
        if token.capital and token.index > 0 and tokens[token.index - 1].low not in ".;:":
            continue  # "No Way Out", "Never Say Never": part of a title, not a negation
        if token.low in NEGATIONS or (
            token.low == "longer" and token.index > 0 and tokens[token.index - 1].low == "no"
        ):
            parsed.negation.append(token.index)
    for token in tokens:
        if _is_verb(token):
            if parsed.verb < 0:
                parsed.verb = token.index
            parsed.verbs.setdefault(parsed.clause[token.index], token.index)


def _is_verb(token: Token) -> bool:
    """A verb from the list, or a lower-case past tense ("ended", "launched")."""
    if token.kind != "word":
        return False
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
    """A negation that governs one term ("not the A16"), not the whole clause."""
    tokens = parsed.tokens
    if index > 0 and tokens[index - 1].low in AUXILIARIES:
        return False  # "do not expect X", "will not have X": the whole clause
    for k in range(index + 1, min(len(tokens), index + 4)):
        if any(q.start == k for q in parsed.quantities) or any(d.start == k for d in parsed.idents):
            return tokens[index].low in ("not", "no", "without")
    return False


# For a quantity, "by $100" is a change, not the value.
COMPARISON_BY = (*COMPARISON, ("by",))
_remember(BOUND_LOW, BOUND_HIGH, COMPARISON, COMPARISON_BY)
