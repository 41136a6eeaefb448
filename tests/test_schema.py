"""The claims schema and the fast precheck compiled from it.

The precheck lets valid files skip jsonschema; it must never call a document valid
that jsonschema rejects, and for the shipped schema it should agree exactly (or
valid files would pay for jsonschema after all).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from tests.conftest import CLAIMS, ROOT
from tests.strategies import CLAIMLIKE, JSONLIKE, STORYLIKE
from tracker import schema as schema_module
from tracker.precheck import compile_schema
from tracker.yamlread import parse_bytes

SCHEMA: dict[str, Any] = json.loads((ROOT / "schemas" / "claims.schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker(formats=["date"]))
CHECK = compile_schema(SCHEMA)


def _jsonschema_valid(data: Any) -> bool:
    return not any(True for _ in VALIDATOR.iter_errors(data))


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_packaged_loader_reads_the_same_schema() -> None:
    assert schema_module.schema() == SCHEMA


def _described(node: dict[str, Any]) -> bool:
    if "description" in node:
        return True
    ref = node.get("$ref", "")
    return ref.startswith("#/$defs/") and "description" in SCHEMA["$defs"][ref.split("/")[-1]]


def test_every_property_has_a_description() -> None:
    # Editors show these while contributors type.
    objects = [SCHEMA, SCHEMA["$defs"]["claim"], SCHEMA["$defs"]["statement"]]
    for node in objects:
        for name, sub in node["properties"].items():
            assert _described(sub), name


def test_the_shipped_schema_compiles() -> None:
    # If this fails, every file goes through jsonschema: correct but slow.
    assert CHECK is not None


@pytest.mark.parametrize("path", sorted(CLAIMS.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_claims_pass_the_precheck(path: Any) -> None:
    document, _ = parse_bytes(path.read_bytes(), path.name)
    assert CHECK is not None and document is not None
    assert CHECK(document.data)


@settings(deadline=None, max_examples=500)
@given(STORYLIKE)
def test_precheck_agrees_with_jsonschema_on_story_shaped_data(data: dict[str, Any]) -> None:
    assert CHECK is not None
    assert CHECK(data) == _jsonschema_valid(data)


@settings(deadline=None, max_examples=300)
@given(st.lists(CLAIMLIKE, max_size=3))
def test_precheck_agrees_on_valid_stories_with_random_claims(claims: list[dict[str, Any]]) -> None:
    assert CHECK is not None
    data = {"story": "A title", "claims": claims}
    assert CHECK(data) == _jsonschema_valid(data)


@settings(deadline=None, max_examples=300)
@given(JSONLIKE)
def test_precheck_never_accepts_what_jsonschema_rejects(data: Any) -> None:
    assert CHECK is not None
    if CHECK(data):
        assert _jsonschema_valid(data)


@pytest.mark.parametrize(
    ("schema", "good", "bad"),
    [
        ({"type": "string", "minLength": 2}, "ab", "a"),
        ({"type": ["string", "number"]}, 1.5, True),
        ({"enum": [1, "x"]}, 1, True),
        ({"type": "string", "format": "date"}, "2024-02-29", "2023-02-29"),
        ({"type": "array", "items": {"type": "integer"}}, [1, 2], [1, "2"]),
        ({"required": ["a"], "dependentRequired": {"b": ["c"]}}, {"a": 1}, {"a": 1, "b": 2}),
        ({"properties": {"a": {"const": 1}}}, None, None),
    ],
)
def test_keywords(schema: dict[str, Any], good: Any, bad: Any) -> None:
    check = compile_schema(schema)
    if "const" in json.dumps(schema):
        assert check is None  # not understood: jsonschema decides every time
        return
    assert check is not None
    assert check(good) and _valid(schema, good)
    assert not check(bad) and not _valid(schema, bad)


def _valid(schema: dict[str, Any], data: Any) -> bool:
    validator = Draft202012Validator(schema, format_checker=FormatChecker(formats=["date"]))
    return not any(True for _ in validator.iter_errors(data))


@pytest.mark.parametrize(
    "schema",
    [{"oneOf": [{"type": "string"}]}, {"format": "email"}, {"additionalProperties": {}}],
)
def test_unsupported_keywords_fall_back_to_jsonschema(schema: dict[str, Any]) -> None:
    assert compile_schema(schema) is None


def test_invalid_documents_still_get_jsonschema_messages() -> None:
    problems = list(schema_module.iter_problems({"story": "T", "claims": [{"id": "a"}]}))
    assert problems == [
        (("claims", 0), False, "required", "claim is missing the required field 'text'")
    ]


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)


PATTERNS = sorted(set(_patterns(SCHEMA)))


@pytest.mark.parametrize(
    ("field", "good"),
    [("id", "model-name"), ("date", "2022-07-04"), ("url", "https://example.com/a?b=c")],
)
def test_anchored_patterns_reject_a_final_newline(field: str, good: str) -> None:
    # Python's "$" (used by jsonschema and the precheck) also matches before a
    # final newline; the schema's patterns must not let "model-name\n" through.
    pattern = re.compile(SCHEMA["$defs"][field]["pattern"])
    assert pattern.search(good)
    for bad in (good + "\n", good + "\n\n", good + "\r\n", "\n" + good, good + " "):
        assert pattern.search(bad) is None, repr(bad)
    claim = {"id": "a", "text": "One.", "url": "https://example.com/", "reported": "2022-07-04"}
    claim["reported" if field == "date" else field] = good + "\n"
    story = {"story": "S", "claims": [claim]}
    assert CHECK is not None and not CHECK(story)
    assert not _jsonschema_valid(story)


_ODD = st.sampled_from(["\n", "\r", "\t", " ", "\x1c", "\x85", "\xa0", "\ufeff", "\u2028", "-"])


@settings(deadline=None, max_examples=300)
@given(st.lists(st.one_of(_ODD, st.sampled_from(["a", "7", "https://", "2022-07-04"])), max_size=8))
def test_patterns_mean_the_same_in_python_and_ecma_262(parts: list[str]) -> None:
    # Editors validate with ECMA-262 regular expressions, tracker with Python's re:
    # a value must be valid in both or in neither.
    regress = pytest.importorskip("regress")
    text = "".join(parts)
    for pattern in PATTERNS:
        ecma = regress.Regex(pattern).find(text) is not None
        assert (re.search(pattern, text) is not None) == ecma, (pattern, text)


def test_story_ids_follow_the_claim_id_rule() -> None:
    assert schema_module.is_id("xiaomi-leica-2022")
    for bad in ("Bad_Name", "v1.2", "two\nlines", "a\n", "<img src=x>", "", "a" * 101):
        assert not schema_module.is_id(bad), bad


@settings(deadline=None, max_examples=300)
@given(st.text(max_size=12) | st.from_regex(r"[a-z0-9-]{1,12}\n?", fullmatch=True))
def test_story_ids_are_checked_exactly_as_jsonschema_checks_claim_ids(text: str) -> None:
    claim = {"story": "S", "claims": [{"id": text, "text": "One."}]}
    assert schema_module.is_id(text) == _jsonschema_valid(claim)
