"""Dates and periods: "4 July 2022", "July 2022", "Q3 2022", "mid-July", "before 1985".

Each becomes an inclusive range of ordinal days; a date written without a year takes
the year given (the statement's own date) or the last year the text named.
"""

from __future__ import annotations

import math
from datetime import date

from tracker.match.kinds import Parsed, Period
from tracker.match.normalize import UNIT_WORDS, Token
from tracker.match.vocab import INF, MONTH_NAMES, MULTIPLIERS, QUARTER_WORDS, before_phrase


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
        if token.low == "may" and not token.capital:
            return None  # "The iPhone 15 may launch": the verb, whatever number is near
        if token.low == "may" and not beside:
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


def year_value(token: Token, wide: bool = False) -> int | None:
    """A four-digit year: 1900-2100, or back to 1000 where the context says it is a
    year (`wide`: after a month, or "in 1542" closing a phrase)."""
    if token.kind == "number" and token.text.isdigit() and len(token.text) == 4:
        value = int(token.text)
        if (1000 if wide else 1900) <= value <= 2100:
            return value
    return None


# Words before a lone number that make an older four-digit number a year ("in 1542").
_YEAR_PREPOSITIONS = frozenset(["in", "since", "before", "after", "until", "from", "circa"])


def _old_year(tokens: list[Token], i: int) -> int | None:
    """ "in 1542." or "before 1985,": a year outside 1900-2100 only when a preposition
    precedes it and no noun follows ("in 1500 units" is a count)."""
    if i == 0 or tokens[i - 1].low not in _YEAR_PREPOSITIONS:
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.kind != "punct" and nxt.low not in ("and", "or", "to"):
        return None
    return year_value(tokens[i], wide=True)


def _month_range(year: int, month: int) -> tuple[int, int]:
    first = date(year, month, 1).toordinal()
    if year == date.max.year and month == 12:
        return first, date.max.toordinal()  # December 9999 has no following month
    following = date(year + (month == 12), month % 12 + 1, 1).toordinal()
    return first, following - 1


_DATE_STARTS = frozenset(MONTH_NAMES) | frozenset(QUARTER_WORDS)


def find_dates(parsed: Parsed, year: int | None) -> None:
    tokens = parsed.tokens
    # Without a year of its own, a text's "on March 20" takes the year it last named.
    seen = year
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not (token.kind == "number" or token.low in _DATE_STARTS or token.kind == "code"):
            i += 1  # most tokens cannot start a date: skip the full test
            continue
        if year is None and year_value(token) is not None:
            seen = year_value(token)
        found = _date_at(tokens, i, year if year is not None else seen)
        if found is None:
            i += 1
            continue
        low, high, start, end, is_day = found
        low, high, start = _date_modifiers(tokens, start, low, high)
        comparison = before_phrase(tokens, start, (("than",), ("up", "from"), ("instead", "of")))
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
        if j < n and year_value(tokens[j], wide=True) is not None:
            found_year, end = year_value(tokens[j], wide=True), j
        joined = found_year is None and j + 2 < n and tokens[j].low in ("or", "to", "and")
        if joined and _month_at(tokens, j + 1) is not None:
            found_year = year_value(tokens[j + 2])
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
    found_year = year_value(token) or _old_year(tokens, i)
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
    if j >= n or year_value(tokens[j]) is None:
        return None
    year = year_value(tokens[j])
    assert year is not None
    first_month = (part - 1) * size + 1
    low = _month_range(year, first_month)[0]
    last_month = min(12, (last_part - 1) * size + size)
    high = _month_range(year, max(first_month + size - 1, last_month))[1]
    return low, high, i, j, False


SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}


def _date_modifiers(
    tokens: list[Token], start: int, low: float, high: float
) -> tuple[float, float, int]:
    """early/mid/late, "the end of", and bounds: before, by, until, after, since."""
    span = high - low
    prev = tokens[start - 1].low if start > 0 else ""
    if prev in SEASONS and span > 300 and not math.isinf(span):
        # "spring 2023": the season's months of that year (northern seasons; winter
        # straddles two years and is left to the year).
        year = date.fromordinal(int(low)).year
        first, last = SEASONS[prev]
        low, high = float(_month_range(year, first)[0]), float(_month_range(year, last)[1])
        return low, high, start - 1
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
    before_prev = tokens[start - 2].low if start > 1 else ""
    if prev == "by":
        low = -INF  # a deadline: "by November 2023", "by the end of 2023"
    elif (
        prev == "than"
        and before_prev == "later"
        and start > 2
        and tokens[start - 3].low in ("no", "not")
    ):
        low, start = -INF, start - 3  # "no later than 2024": the phrase is the term's
    elif prev == "as" and before_prev == "early" and start > 2 and tokens[start - 3].low == "as":
        high, start = INF, start - 3  # "as early as September 2023": then or later
    elif prev == "before" and ended:
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
