"""The claims JSON Schema (``schemas/claims.schema.json``) and its error mapping."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.precheck import Check, compile_schema

if TYPE_CHECKING:  # jsonschema is imported only when a document needs its messages
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

Problem = tuple[tuple[str | int, ...], bool, str, str]

SCHEMA_NAME = "claims.schema.json"


def schema_text() -> str:
    """The schema as shipped: package data in a wheel, ``schemas/`` in a checkout."""
    packaged = resources.files("tracker") / "schemas" / SCHEMA_NAME
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_NAME).read_text(
        encoding="utf-8"
    )


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text())
    return loaded


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(schema(), format_checker=FormatChecker(formats=["date"]))


@cache
def _precheck() -> Check | None:
    return compile_schema(schema())


@cache
def _blank() -> str:
    """The pattern that says a text holds more than blanks."""
    pattern: str = schema()["$defs"]["text"]["pattern"]
    return pattern


KEBAB_RULE = (
    "must be kebab-case (lower-case letters and digits joined by hyphens, "
    "at most 100 characters), e.g. 'model-name'"
)


@cache
def _id_rule() -> tuple[re.Pattern[str], int]:
    rule = schema()["$defs"]["id"]
    return re.compile(rule["pattern"]), int(rule["maxLength"])


def is_id(text: str) -> bool:
    """Whether `text` is a valid id by the schema's own rule (``$defs/id``).

    Story ids (file stems) are checked with it too, so they follow the same rule
    as claim and statement ids without a second copy of the pattern.
    """
    pattern, max_length = _id_rule()
    # re.search, as jsonschema applies "pattern".
    return len(text) <= max_length and pattern.search(text) is not None


def short(value: Any, limit: int = 60) -> str:
    """`value` as a Python literal cut to `limit` characters: safe to quote in a message."""
    return _short(value, limit)


def iter_problems(data: Any) -> Iterator[Problem]:
    """Yield (path, at_key, code, message) for each schema violation in `data`.

    `at_key` says the position to report is the key at `path` (an unknown field),
    not its value. Valid documents are recognised by the compiled precheck, so only
    invalid ones pay for jsonschema. Two keywords failing on one value for the same
    reason (a date's pattern and its format) give one problem, not two.
    """
    check = _precheck()
    if check is not None and check(data):
        return
    seen: set[Problem] = set()
    for error in _validator().iter_errors(data):
        for problem in _explain(error):
            if problem not in seen:
                seen.add(problem)
                yield problem


def _properties(error: ValidationError) -> list[str]:
    props = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    return sorted(props)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


_TYPE_NAMES = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "empty",
    list: "a list",
    dict: "a mapping",
}


_SCHEMA_TYPES = {"string": "text", "object": "a mapping", "array": "a list"}


def _kind(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    """What a wrong value is, for a message: ``a number 12``, ``empty``."""
    if value is None:
        return "empty"
    return f"{_kind(value)} {_short(value)}"


def _quote_hint(wanted: list[Any], value: Any) -> str:
    # YAML reads 12, 1.0, yes, no, on, off and null as numbers, booleans or nothing.
    if "string" in wanted and isinstance(value, (bool, int, float)):
        return "; put it in quotes to make it text"
    if value is None:
        empty = " (write [] for an empty list)" if "array" in wanted else ""
        return f"; give it a value{empty} or remove the field"
    return ""


def _explain(error: ValidationError) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    field = path[-1] if path and isinstance(path[-1], str) else None
    what = f"'{field}'" if field else "value"
    keyword = error.validator
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        known = _properties(error)
        for key in sorted(k for k in error.instance if k not in known):
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
            allowed = ", ".join(known)
            yield (
                (*path, key),
                True,
                "unknown-field",
                f"unknown field {_short(key)}{suggestion}; allowed: {allowed}",
            )
    elif keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        where = "story file" if not path else ("claim" if "claims" in path else "statement")
        yield path, False, "required", f"{where} is missing the required field '{missing}'"
    elif keyword == "dependentRequired":
        yield path, False, "required", "a manual 'verdict' needs a 'reason' beside it"
    elif keyword == "type":
        expected: Any = error.validator_value
        names = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_SCHEMA_TYPES.get(str(n), str(n)) for n in names)
        if not path:
            yield (
                path,
                False,
                "type",
                f"a story file must be a mapping with 'story:', not {_kind(error.instance)}",
            )
        elif len(path) == 2 and isinstance(path[1], int):
            kind = "claim" if path[0] == "claims" else "statement"
            yield (
                path,
                False,
                "type",
                f"each {kind} must be a mapping with 'id:' and 'text:', not {_shown(error.instance)}",
            )
        else:
            yield (
                path,
                False,
                "type",
                f"{what} must be {wanted}, not {_shown(error.instance)}{_quote_hint(names, error.instance)}",
            )
    elif field == "id" and keyword in ("pattern", "maxLength"):
        yield path, False, "bad-id", f"id {_short(error.instance)} {KEBAB_RULE}"
    elif field in ("reported", "date") and keyword in ("format", "pattern"):
        yield (
            path,
            False,
            "bad-date",
            (f"{what} {_short(error.instance)} is not a real calendar date in the form YYYY-MM-DD"),
        )
    elif field == "url" and keyword in ("pattern", "maxLength"):
        yield (
            path,
            False,
            "bad-url",
            f"'url' {_short(error.instance)} must be an http:// or https:// link",
        )
    elif (keyword, error.validator_value) in (("minLength", 1), ("pattern", _blank())):
        yield path, False, "schema", f"{what} must not be empty"
    elif keyword == "enum":
        choices: Any = error.validator_value
        options = ", ".join(str(v) for v in choices)
        yield (
            path,
            False,
            "schema",
            f"{what} must be one of {options}, not {_short(error.instance)}",
        )
    else:
        yield path, False, "schema", f"{what}: {error.message[:200]}"
