"""Identifiers compared: the same model, a sibling of it, or unrelated.

"A16" and "Apple A16 Bionic" are the same chip; "iPhone 14" and "iPhone 14 Pro" are
siblings (related, not equivalent); "12 Ultra" and "12S Ultra" are related codes
that differ, which makes one a rival value of the other.
"""

from __future__ import annotations

from functools import lru_cache

from tracker.match.terms import VARIANTS


def _has_digit(word: str) -> bool:
    return any(map(str.isdigit, word))


def equivalent(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same identifier: the same codes and variant words, in the same order.

    Other words are descriptors that may be left out ("A16" = "Apple A16" = "A16
    Bionic"), except a leading brand that both sides name differently ("Pixel 14" is
    not "iPhone 14").
    """
    if a == b:
        return True
    key_a = [w for w in a if _has_digit(w) or w in VARIANTS]
    key_b = [w for w in b if _has_digit(w) or w in VARIANTS]
    if key_a != key_b or not key_a:
        return False
    lead_a, lead_b = a[0], b[0]
    if lead_a in key_a or lead_b in key_b or lead_a == lead_b:
        return True
    return lead_a in b or lead_b in a


def _core(word: str) -> str:
    """The letters-and-number stem of a code: "12s" -> "12", "s23+" -> "s23"."""
    out = []
    seen_digit = False
    for c in word:
        if c.isdigit():
            seen_digit = True
        elif seen_digit:
            break
        out.append(c)
    return "".join(out)


def _generation(words: tuple[str, ...]) -> set[str]:
    """Numbers of codes like "fold4"/"flip4": letters (3+) then digits, same generation."""
    out = set()
    for word in words:
        letters = word.rstrip("0123456789+")
        digits = word[len(letters) :].rstrip("+")
        if len(letters) >= 3 and letters.isalpha() and digits.isdigit():
            out.add(digits)
    return out


def related(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same family: a shared word, or codes with the same stem ("12" and "12s")."""
    mine, theirs = _family(a), _family(b)
    return any(not m.isdisjoint(t) for m, t in zip(mine, theirs, strict=True))


Family = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


@lru_cache(maxsize=16384)
def _family(words: tuple[str, ...]) -> Family:
    """What `related` compares, per side: words, code stems, generations, code prefixes.

    Two identifiers are related when any of these overlaps; an identifier meets many
    others, so its sets are built once.
    """
    return (
        frozenset(words),
        frozenset(_core(w) for w in words if _has_digit(w)),
        frozenset(_generation(words)),
        frozenset(w.rstrip("0123456789+") for w in words if w[:1].isalpha() and w[-1:].isdigit()),
    )


def family_covers(subject: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """A series names its members: "RTX 30" (or "RTX 30 series") covers "RTX 3080"."""
    short = [w for w in subject if w.isdigit()]
    long = [w for w in other if w.isdigit()]
    if len(short) != 1 or len(long) != 1 or len(short[0]) > 2 or len(long[0]) < 4:
        return False
    words = {w for w in subject if not _has_digit(w)} - {"series"}
    return long[0].startswith(short[0]) and words <= set(other)


def member_of(family: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether `other` is a model of the quantified family ("all Galaxy S23 phones"):
    it carries each of the family's codes, whole or with a suffix ("S23+", "S23 Ultra")."""
    codes = {w for w in family if _has_digit(w)}
    cores = {_core(w) for w in other if _has_digit(w)} | set(other)
    return bool(codes) and codes <= cores
