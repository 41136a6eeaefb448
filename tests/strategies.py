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
DATA = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=25,
)


CLAIMLIKE = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b-2", "B", ""]) | SCALARS, "text": SCALARS},
    optional={
        "source": SCALARS,
        "reported": st.sampled_from(["2022-07-04", "2022-02-30", "July"]) | SCALARS,
        "url": st.sampled_from(["https://x.org", "javascript:x"]) | SCALARS,
        "verdict": st.sampled_from(["confirmed", "maybe"]),
        "reason": SCALARS,
        "sorce": SCALARS,
    },
)
STORYLIKE = st.fixed_dictionaries(
    {},
    optional={
        "story": SCALARS,
        "subject": SCALARS,
        "claims": st.lists(CLAIMLIKE, max_size=4) | SCALARS,
        "statements": st.lists(CLAIMLIKE, max_size=3),
    },
)
