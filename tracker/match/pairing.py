"""Figures paired with the models they follow, one by one: "X and Y start at $999 and
$1,099" gives $999 to X and $1,099 to Y."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.match.terms import Ident, Parsed, Quantity

__all__ = ["listed_run", "respective"]


def listed_run(parsed: Parsed, items: Sequence[Quantity | Ident], last: int) -> list[int]:
    """Indices of the list `items[..last]` joined by "and", "or" or commas."""
    run = [last]
    while run[0] > 0:
        before, after = items[run[0] - 1], items[run[0]]
        between = parsed.tokens[before.end + 1 : after.start]
        if not between or not all(t.low in ("and", "or", ",", "the") for t in between):
            break
        run.insert(0, run[0] - 1)
    return run


def respective(parsed: Parsed, start: int) -> Ident | None:
    """ "X and Y start at $999 and $1,099": each figure belongs to its model, in order."""
    quantities = parsed.quantities
    if len(quantities) < 2:
        return None  # the quick answer for most texts: a pairing needs two figures
    here = next((n for n, q in enumerate(quantities) if q.start == start), None)
    if here is None:
        return None
    unit = quantities[here].unit
    last = here
    while last + 1 < len(quantities) and quantities[last + 1].unit == unit:
        nxt = listed_run(parsed, quantities, last + 1)
        if nxt[0] > here:
            break
        last += 1
    figures = listed_run(parsed, quantities, last)
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
    models = listed_run(parsed, parsed.idents, idents[-1])
    if len(models) != len(figures):
        return None
    return parsed.idents[models[figures.index(here)]]
