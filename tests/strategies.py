"""Hypothesis strategies shared by the reader and schema tests."""

from __future__ import annotations

from hypothesis import strategies as st

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
)
JSONLIKE = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=25,
)


KEBAB = st.from_regex(r"\A[a-z0-9]+(-[a-z0-9]+)*\Z")
TEXT = st.text(min_size=1, max_size=20).filter(str.strip)
VALID_CLAIM = st.fixed_dictionaries(
    {"id": KEBAB, "text": TEXT},
    optional={
        "subject": TEXT,
        "attribute": TEXT,
        "value": TEXT | st.integers() | st.floats(),
        "source": TEXT,
        "url": st.sampled_from(["https://example.com/a?b=c", "http://x.org"]),
        "reported": st.dates().map(str),
    },
)
_FIELDS = ["id", "text", "subject", "value", "source", "url", "reported", "verdict", "reason"]
_ODD = (
    SCALARS
    | st.sampled_from(["", " ", "B", "a--b", "2022-02-30", "javascript:x", "confirmed", "maybe"])
    | st.lists(SCALARS, max_size=2)
)
MUTATED_CLAIM = st.builds(
    lambda claim, key, value: {**claim, key: value},
    VALID_CLAIM,
    st.sampled_from([*_FIELDS, "sorce"]),
    _ODD,
)
CLAIMLIKE = VALID_CLAIM | MUTATED_CLAIM
STORYLIKE = st.fixed_dictionaries(
    {},
    optional={
        "story": TEXT | SCALARS,
        "subject": TEXT | SCALARS,
        "claims": st.lists(CLAIMLIKE, max_size=4) | SCALARS,
        "statements": st.lists(
            CLAIMLIKE.map(lambda c: {k: v for k, v in c.items() if k != "reported"}), max_size=3
        ),
    },
)
