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
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
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


_SCALAR_KEYWORDS = frozenset({"type", "minLength", "maxLength", "pattern", "format", "enum"})
_SCALAR_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "null": (type(None),),
}


@dataclass(frozen=True)
class _ScalarRule:
    """Everything a scalar schema asks, checked in one call."""

    types: frozenset[type]
    min_length: int
    max_length: int
    search: Callable[[str], object] | None
    fmt: Callable[[str], bool] | None
    choices: frozenset[tuple[type, Any]] | None

    def check(self, value: Any) -> bool:
        kind = type(value)
        if kind not in self.types:
            return False
        if kind is str:
            if not self.min_length <= len(value) <= self.max_length:
                return False
            if self.search is not None and self.search(value) is None:
                return False
            if self.fmt is not None and not self.fmt(value):
                return False
        return self.choices is None or (kind, value) in self.choices


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
        rule = self._scalar_rule(node)
        if rule is not None:
            return rule.check
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

    def _scalar_rule(self, node: Mapping[str, Any]) -> _ScalarRule | None:
        """One flat rule for a scalar schema (following $ref), or None.

        Most values in a story file are strings checked by type, length and pattern;
        one rule checks them in a single call instead of a chain of closures.
        """
        keywords: dict[str, Any] = {}
        pending, seen = [node], 0
        while pending:
            current = pending.pop()
            seen += 1
            if seen > 20:
                return None
            for keyword, argument in current.items():
                if keyword in _ANNOTATIONS:
                    continue
                if keyword == "$ref":
                    target = self._resolve(argument)
                    if not isinstance(target, Mapping):
                        return None
                    pending.append(target)
                elif keyword not in _SCALAR_KEYWORDS or keywords.get(keyword, argument) != argument:
                    return None
                else:
                    keywords[keyword] = argument
        names = keywords.get("type")
        names = names if isinstance(names, list) else [names]
        if not names or not all(n in _SCALAR_TYPES for n in names):
            return None
        fmt = keywords.get("format")
        if fmt is not None and fmt not in _FORMATS:
            return None
        enum = keywords.get("enum")
        try:
            choices = None if enum is None else frozenset((type(c), c) for c in enum)
        except TypeError:  # an unhashable choice
            return None
        return _ScalarRule(
            types=frozenset(t for n in names for t in _SCALAR_TYPES[n]),
            min_length=keywords.get("minLength", 0),
            max_length=keywords.get("maxLength", sys.maxsize),
            search=re.compile(keywords["pattern"]).search if "pattern" in keywords else None,
            fmt=_FORMATS[fmt] if fmt is not None else None,
            choices=choices,
        )

    def _resolve(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise Unsupported(ref)
        target: Any = self.root
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or part not in target:
                raise Unsupported(ref)
            target = target[part]
        return target

    # -- keywords ------------------------------------------------------------------
    def _kw_ref(self, ref: str, node: Mapping[str, Any]) -> Check:
        if ref in self.refs:
            return self.refs[ref]
        target = self._resolve(ref)
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
        wanted = frozenset(names)
        return lambda v: type(v) is not dict or v.keys() >= wanted

    def _kw_dependentRequired(
        self, argument: Mapping[str, list[str]], node: Mapping[str, Any]
    ) -> Check:
        pairs = tuple((key, frozenset(needs)) for key, needs in argument.items())

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return True
            return all(key not in value or value.keys() >= needs for key, needs in pairs)

        return check

    def _kw_items(self, argument: Any, node: Mapping[str, Any]) -> Check:
        if "prefixItems" in node:
            raise Unsupported("prefixItems")
        sub = self.compile(argument)

        def check(value: Any) -> bool:
            if type(value) is not list:
                return type(value) is not tuple
            return all(map(sub, value))

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
