"""The safe YAML reader: round trips, structural caps, and fuzzing that never raises."""

from __future__ import annotations

import os
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from tests.strategies import JSONLIKE, STORYLIKE
from tracker import yamlread
from tracker.finding import CODES, Finding
from tracker.load import build_story
from tracker.yamlread import Document, Limits, parse_bytes

FUZZ = settings(
    deadline=None,
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")),
    suppress_health_check=[HealthCheck.too_slow],
)


def _check_outcome(document: Document | None, findings: list[Finding]) -> None:
    """Either a document and no finding, or no document and one well-formed finding."""
    if document is None:
        assert len(findings) == 1
        finding = findings[0]
        assert finding.code in CODES
        assert finding.line >= 1
        assert finding.column >= 1
        assert "\n" not in finding.message
    else:
        assert findings == []
        story, problems = build_story(document, "fuzz", "fuzz.yaml")
        assert story is not None or problems
        for problem in problems:
            assert problem.code in CODES
            assert problem.line >= 1
            assert problem.column >= 1


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    _check_outcome(*parse_bytes(raw, "fuzz.yaml"))


# Fragments that exercise YAML's structure: indicators, anchors, tags, quotes, flow
# collections, document markers, indentation and odd characters.
_TOKENS = st.sampled_from(
    [
        "story", "claims", "statements", "id", "text", "date", "subject", "value", "a", "b",
        ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "? ", "&x ", "*x", "&y ", "*y", "<<",
        "!!python/object:os.system ", "!!str ", "!!int ", "!!binary ", "!custom ", "!", "'", '"',
        "\n", "\n  ", "\n    ", "\n- ", "---\n", "...\n", "#", "|\n  ", ">\n  ", "\t", " ",
        "2022-02-30", "2022-07-04", "12", "1e9", "0x1F", ".nan", "null", "~", "yes", "é",
        "\ufeff", "\x07", "\x85", "\u2028", "\\", "%YAML 1.1\n", "=",
    ]
)  # fmt: skip


@FUZZ
@given(st.lists(_TOKENS, max_size=60).map("".join))
def test_yaml_like_text_never_raises(text: str) -> None:
    _check_outcome(*parse_bytes(text.encode("utf-8"), "fuzz.yaml"))


@FUZZ
@given(JSONLIKE)
def test_safe_dump_round_trips(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    document, findings = parse_bytes(text.encode("utf-8"), "dump.yaml")
    assert findings == []
    assert document is not None
    # The reference is PyYAML's own reading of its output (it turns some characters,
    # such as U+0085, into line breaks on the way out).
    assert document.data == yaml.safe_load(text)
    _check_outcome(document, findings)


@FUZZ
@given(STORYLIKE)
def test_story_shaped_documents_never_raise(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    _check_outcome(*parse_bytes(text.encode("utf-8"), "story.yaml"))


def _nested(depth: int) -> bytes:
    return ("story: x\nclaims: " + "[" * depth + "]" * depth + "\n").encode()


@pytest.mark.parametrize("cap", [3, 10, 64])
def test_depth_cap_is_exact(cap: int) -> None:
    # The root mapping is one level, so `cap - 1` brackets fit and one more does not.
    fits, findings = parse_bytes(_nested(cap - 1), "d.yaml", Limits(max_depth=cap))
    assert fits is not None, findings
    document, findings = parse_bytes(_nested(cap), "d.yaml", Limits(max_depth=cap))
    assert document is None
    assert [(f.line, f.column, f.code) for f in findings] == [(2, 9 + cap - 1, "too-deep")]


def test_node_cap_counts_expanded_aliases() -> None:
    # root + key a + a list of 3 nodes + key b + the list again through the alias = 9.
    text = b"a: &l [1, 2]\nb: *l\n"
    assert parse_bytes(text, "n.yaml", Limits(max_nodes=9))[0] is not None
    document, findings = parse_bytes(text, "n.yaml", Limits(max_nodes=8))
    assert document is None
    assert [(f.line, f.column, f.code) for f in findings] == [(2, 4, "too-many-nodes")]


def test_alias_bomb_stops_at_the_node_cap_not_a_timer() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    text = ("story: bomb\n" + "\n".join(levels) + "\n").encode()
    document, findings = parse_bytes(text, "bomb.yaml", Limits(max_nodes=5_000))
    assert document is None
    assert findings[0].code == "too-many-nodes"
    assert findings[0].line == 5  # a3 is the first level past 5,000 nodes


def test_byte_cap_applies_to_bytes_too() -> None:
    document, findings = parse_bytes(b"story: " + b"x" * 100, "b.yaml", Limits(max_bytes=50))
    assert document is None
    assert findings[0].code == "too-large"


def test_marks_point_at_keys_and_values() -> None:
    text = b"story: T\nclaims:\n  - id: a\n    text: 'quoted: yes'\n"
    document, _ = parse_bytes(text, "m.yaml")
    assert document is not None
    assert document.mark(("claims", 0, "text")) == (4, 11)
    assert document.mark(("claims", 0, "text"), key=True) == (4, 5)
    assert document.mark(("claims", 0)) == (3, 5)
    assert document.mark(("claims", 0, "missing")) == (3, 5)  # nearest ancestor
    assert document.data["claims"][0]["text"] == "quoted: yes"


def test_dates_stay_text_and_scalars_keep_their_types() -> None:
    text = b"d: 2022-07-04\ni: 12\nf: 1.5\nb: true\nn: ~\ns: '12'\nx: 0x1F\n"
    document, _ = parse_bytes(text, "t.yaml")
    assert document is not None
    assert document.data == {
        "d": "2022-07-04",
        "i": 12,
        "f": 1.5,
        "b": True,
        "n": None,
        "s": "12",
        "x": 31,
    }


def test_explicit_plain_tags_are_read_but_never_constructed_otherwise() -> None:
    document, findings = parse_bytes(b"a: !!str 12\nb: !!int '7'\n", "t.yaml")
    assert document is not None and document.data == {"a": "12", "b": 7}
    for tag in ("!!python/name:os.system", "!!binary aGk=", "!!set {a}", "!!omap [a: 1]"):
        document, findings = parse_bytes(f"a: {tag}\n".encode(), "t.yaml")
        assert document is None
        assert findings[0].code == "tag"


def test_node_cap_without_aliases_suggests_splitting_the_file() -> None:
    text = "".join(f"k{i}: v\n" for i in range(10)).encode()
    document, findings = parse_bytes(text, "big.yaml", Limits(max_nodes=12))
    assert document is None
    assert (findings[0].line, findings[0].column, findings[0].code) == (6, 5, "too-many-nodes")
    assert "split the story into smaller files" in findings[0].message
    assert "alias" not in findings[0].message


@pytest.mark.parametrize("case", ["control-character", "tab-indent", "deep-nesting", "alias-bomb"])
def test_pure_python_parser_gives_the_same_positions(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without libyaml PyYAML falls back to its own parser: findings keep their place
    # and code (libyaml's wording of a syntax error may differ).
    raw = (DATA / "invalid" / case / "story.yaml").read_bytes()
    expected = [(f.line, f.column, f.code) for f in parse_bytes(raw, "story.yaml")[1]]
    monkeypatch.setattr(yamlread, "_Loader", yaml.SafeLoader)
    assert [(f.line, f.column, f.code) for f in parse_bytes(raw, "story.yaml")[1]] == expected


def test_quoting_hint_shows_the_value_without_its_comment() -> None:
    _, findings = parse_bytes(b"story: S\nsource: @leaker  # from a forum\n", "s.yaml")
    assert findings[0].message.endswith('must be quoted, e.g. "@leaker"')
