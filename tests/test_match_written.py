"""Terms quoted as written: the plain scan agrees with the regex it replaces."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.match.normalize import normalise, tokenize
from tracker.match.terms import _first_joined, parse

_GAP = r"[\s\-\u2010-\u2015]*"


def _by_regex(texts: list[str], clean: str) -> str | None:
    found = re.search(_GAP.join(re.escape(t) for t in texts), clean)
    return found.group(0) if found else None


_PIECES = st.sampled_from(["ab", "a", "b", "1", "12", " ", "-", "\u2013", "\u2015", "\t", "$"])


@settings(deadline=None, max_examples=300)
@given(st.lists(_PIECES, max_size=12), st.integers(0, 11), st.integers(1, 4))
def test_scan_matches_regex(pieces: list[str], start: int, length: int) -> None:
    clean = normalise("".join(pieces))
    texts = [t.text for t in tokenize(clean)][start : start + length]
    if texts:
        assert _first_joined(texts, clean) == _by_regex(texts, clean)


def test_terms_quote_the_text() -> None:
    parsed = parse("The Xiaomi 12S Ultra costs $1,099 with a 6.1-inch screen")
    assert [q.text for q in parsed.quantities] == ["$1,099", "6.1-inch"]
    assert [i.text for i in parsed.idents] == ["Xiaomi 12S Ultra"]


def test_gap_may_be_any_space_or_dash() -> None:
    assert _first_joined(["50", "MP"], "a 50 - MP b 50MP") == "50 - MP"
    assert _first_joined(["A", "B"], "A x B") is None
