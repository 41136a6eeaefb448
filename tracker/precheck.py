"""A fast yes/no schema check compiled from the JSON Schema itself.

jsonschema is exact and gives good errors, but it costs about 0.1 ms per claim,
which dominates loading at 100,000 claims. Almost every file is valid, so the
loader first asks this compiled check "is the document valid?" and only runs
jsonschema (for its exact messages) when the answer is no.

The check is built by walking the schema, so ``schemas/claims.schema.json`` stays
the single source of truth. It understands a small set of keywords (type,
properties, required, additionalProperties, items, $ref, minLength, maxLength,
pattern, enum, format "date", dependentRequired) and treats annotations (title,
description, ...) as no-ops. It must never say "valid" when jsonschema would
report an error; where it is unsure it says "not valid" and jsonschema decides.
A schema with any other keyword compiles to ``None``: always use jsonschema.

Example: ``{"type": "string", "minLength": 1}`` compiles to a function that
returns True for ``"x"`` and False for ``""`` or ``3``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$defs",
        "$comment",
        "title",
        "description",
        "examples",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
    }
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(value: str) -> bool:
    # The same test as jsonschema's "date" format checker (RFC 3339 full-date).
    try:
        return bool(_DATE.fullmatch(value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False


_FORMATS: dict[str, Callable[[str], bool]] = {"date": _is_date}


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)


# JSON type name -> exact Python types that jsonschema also accepts. Being exact on
# the type (bool is not an int here) keeps the check conservative.
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: type(v) is str,
    "object": lambda v: type(v) is dict,
    "array": lambda v: type(v) is list,
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
    "number": _is_number,
    "integer": lambda v: type(v) is int,
}


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not understand."""


def compile_schema(schema: Mapping[str, Any]) -> Check | None:
    """A function telling whether a document is valid, or None if it cannot tell."""
    try:
        return _Compiler(schema).compile(schema)
    except Unsupported:
        return None


class _Compiler:
    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def compile(self, node: Any) -> Check:
        if node is True:
            return lambda _v: True
        if node is False or not isinstance(node, Mapping):
            raise Unsupported(repr(node))
        checks: list[Check] = []
        for keyword, argument in node.items():
            if keyword in _ANNOTATIONS:
                continue
            build = getattr(self, "_kw_" + keyword.lstrip("$"), None)
            if build is None:
                raise Unsupported(keyword)
            check = build(argument, node)
            if check is not None:
                checks.append(check)
        return _all(checks)

    # -- keywords ------------------------------------------------------------------
    def _kw_ref(self, ref: str, node: Mapping[str, Any]) -> Check:
        if ref in self.refs:
            return self.refs[ref]
        if not ref.startswith("#/"):
            raise Unsupported(ref)
        target: Any = self.root
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or part not in target:
                raise Unsupported(ref)
            target = target[part]
        # A placeholder first, so a recursive schema refers to itself lazily.
        compiled: list[Check] = []
        self.refs[ref] = lambda v: compiled[0](v)
        compiled.append(self.compile(target))
        self.refs[ref] = compiled[0]
        return compiled[0]

    def _kw_type(self, names: Any, node: Mapping[str, Any]) -> Check:
        tests = [_TYPES[n] for n in (names if isinstance(names, list) else [names]) if n in _TYPES]
        if len(tests) != (len(names) if isinstance(names, list) else 1):
            raise Unsupported(f"type {names!r}")
        if len(tests) == 1:
            return tests[0]
        return lambda v: any(test(v) for test in tests)

    def _kw_properties(self, properties: Mapping[str, Any], node: Mapping[str, Any]) -> Check:
        compiled = {name: self.compile(sub) for name, sub in properties.items()}
        closed = node.get("additionalProperties", True) is False

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return not isinstance(value, Mapping)  # other mappings: let jsonschema decide
            for key, item in value.items():
                sub = compiled.get(key)
                if sub is None:
                    if closed:
                        return False
                elif not sub(item):
                    return False
            return True

        return check

    def _kw_additionalProperties(self, argument: Any, node: Mapping[str, Any]) -> Check | None:
        if argument is True:
            return None
        if argument is not False:
            raise Unsupported("additionalProperties with a schema")
        if "properties" in node:
            return None  # enforced by _kw_properties
        return lambda v: not isinstance(v, Mapping) or not v

    def _kw_required(self, names: list[str], node: Mapping[str, Any]) -> Check:
        wanted = tuple(names)
        return lambda v: not isinstance(v, Mapping) or all(n in v for n in wanted)

    def _kw_dependentRequired(
        self, argument: Mapping[str, list[str]], node: Mapping[str, Any]
    ) -> Check:
        pairs = tuple((key, tuple(needs)) for key, needs in argument.items())
        return lambda v: (
            not isinstance(v, Mapping)
            or all(key not in v or all(n in v for n in needs) for key, needs in pairs)
        )

    def _kw_items(self, argument: Any, node: Mapping[str, Any]) -> Check:
        if "prefixItems" in node:
            raise Unsupported("prefixItems")
        sub = self.compile(argument)

        def check(value: Any) -> bool:
            if type(value) is not list:
                return type(value) is not tuple
            return all(sub(item) for item in value)

        return check

    def _kw_minLength(self, limit: int, node: Mapping[str, Any]) -> Check:
        return lambda v: type(v) is not str or len(v) >= limit

    def _kw_maxLength(self, limit: int, node: Mapping[str, Any]) -> Check:
        return lambda v: type(v) is not str or len(v) <= limit

    def _kw_pattern(self, pattern: str, node: Mapping[str, Any]) -> Check:
        search = re.compile(pattern).search
        return lambda v: type(v) is not str or search(v) is not None

    def _kw_enum(self, choices: list[Any], node: Mapping[str, Any]) -> Check:
        # Same type and equal: never confuses true with 1, as jsonschema does not either.
        allowed = [(type(c), c) for c in choices]
        return lambda v: any(type(v) is kind and v == choice for kind, choice in allowed)

    def _kw_format(self, name: str, node: Mapping[str, Any]) -> Check:
        test = _FORMATS.get(name)
        if test is None:
            raise Unsupported(f"format {name!r}")
        return lambda v: type(v) is not str or test(v)


def _all(checks: list[Check]) -> Check:
    # Unrolled for the common small cases: this runs once per value of every file.
    if not checks:
        return lambda _v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    if len(checks) == 3:
        first, second, third = checks
        return lambda v: first(v) and second(v) and third(v)
    if len(checks) == 4:
        first, second, third, fourth = checks
        return lambda v: first(v) and second(v) and third(v) and fourth(v)
    return lambda v: all(one(v) for one in checks)
