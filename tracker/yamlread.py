"""Read one YAML file safely, keeping the line and column of every value.

PyYAML's loaders lose positions, keep the last of two duplicate keys and expand
aliases without bound. This reader builds plain Python values from libyaml's event
stream itself (no recursion, no tag ever constructed), so it can:

* report every problem as a `Finding` with file, line and column;
* refuse duplicate keys, explicit tags, non-string keys and recursive aliases;
* stop alias bombs and deep nesting with structural caps (nodes, depth, bytes)
  rather than a timer.

Example: ``a: 1\\na: 2`` gives ``2:1 duplicate-key``; ``!!python/object:os.system``
gives a ``tag`` finding and nothing is constructed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tracker.finding import Finding, Level

try:  # libyaml is an order of magnitude faster; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONTAINER_TAGS = {_TAG + "map", _TAG + "seq"}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_RESOLVER = yaml.resolver.Resolver()


@dataclass(frozen=True)
class Limits:
    """Structural caps that keep hostile files cheap to reject."""

    max_bytes: int = 16 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 2_000_000


@dataclass
class Document:
    """A parsed file: plain data plus the position of each value and key."""

    data: Any
    value_marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)

    def mark(self, path: Path_, *, key: bool = False) -> Mark:
        """Position of the value (or its key) at `path`, else of its nearest ancestor."""
        if key and path in self.key_marks:
            return self.key_marks[path]
        while path not in self.value_marks and path:
            path = path[:-1]
        return self.value_marks.get(path, (1, 1))


class _Stop(Exception):
    """Raised inside the builder to abandon a file after its first fatal finding."""

    def __init__(self, mark: Mark, code: str, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.code = code
        self.message = message


def _pos(mark: Any) -> Mark:
    return (mark.line + 1, mark.column + 1)


def _line_col(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path_
    anchor: str | None
    size: int = 1
    key: str | None = None
    key_mark: Mark | None = None
    seen: dict[str, int] = field(default_factory=dict)


class _Builder:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.doc = Document(data=None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.nodes = 0
        self.documents = 0
        self.warnings: list[tuple[Mark, str, str]] = []

    # -- placing values --------------------------------------------------------------
    def _child_path(self) -> Path_:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        return (*top.path, top.key if top.key is not None else "")

    def _count(self, n: int, mark: Mark) -> None:
        self.nodes += n
        if self.nodes > self.limits.max_nodes:
            raise _Stop(
                mark,
                "too-many-nodes",
                f"more than {self.limits.max_nodes:,} nodes once aliases are expanded "
                "(an alias bomb?); the file was not read",
            )

    def _place(self, value: Any, size: int, mark: Mark, path: Path_) -> None:
        self.doc.value_marks[path] = mark
        if not self.stack:
            self.doc.data = value
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.container, list):
            top.container.append(value)
        else:
            assert top.key is not None
            top.container[top.key] = value
            top.key = None

    def _take_key(self, value: Any, mark: Mark) -> bool:
        """If the top frame is a mapping awaiting a key, consume `value` as that key."""
        if not self.stack:
            return False
        top = self.stack[-1]
        if not isinstance(top.container, dict) or top.key is not None:
            return False
        if not isinstance(value, str):
            raise _Stop(mark, "key-type", f"mapping keys must be plain strings, not {value!r}")
        if value in top.seen:
            raise _Stop(
                mark,
                "duplicate-key",
                f"duplicate key {value!r} (first given on line {top.seen[value]}); "
                "YAML would silently keep only the last value",
            )
        top.seen[value] = mark[0]
        top.key = value
        top.key_mark = mark
        key_path: Path_ = (*top.path, value)
        self.doc.key_marks[key_path] = mark
        return True

    def _awaiting_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].container, dict)
            and (self.stack[-1].key is None)
        )

    # -- events ----------------------------------------------------------------------
    def feed(self, event: Any) -> None:
        mark = _pos(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            self._count(1, mark)
            value = self._scalar(event, mark)
            if not self._take_key(value, mark):
                path = self._child_path()
                self._place(value, 1, mark, path)
                self._anchor(event.anchor, value, 1)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._count(1, mark)
            if self._awaiting_key():
                raise _Stop(mark, "key-type", "mapping keys must be plain strings, not collections")
            self._check_tag(event.tag, event.implicit, mark, _CONTAINER_TAGS)
            if len(self.stack) >= self.limits.max_depth:
                raise _Stop(mark, "too-deep", f"nesting deeper than {self.limits.max_depth} levels")
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            path = self._child_path()
            self.doc.value_marks[path] = mark
            self.stack.append(_Frame(container, path, event.anchor))
            if event.anchor:
                self.open_anchors.add(event.anchor)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            self._place(frame.container, frame.size, self.doc.value_marks[frame.path], frame.path)
            if frame.anchor:
                self.open_anchors.discard(frame.anchor)
                self._anchor(frame.anchor, frame.container, frame.size)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor in self.open_anchors:
                raise _Stop(mark, "alias", f"alias *{event.anchor} refers to its own parent")
            if event.anchor not in self.anchors:  # libyaml reports this itself; be safe
                raise _Stop(mark, "syntax", f"unknown alias *{event.anchor}")
            value, size = self.anchors[event.anchor]
            self._count(size, mark)
            if not self._take_key(value, mark):
                self._place(value, size, mark, self._child_path())
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _Stop(
                    mark, "multi-document", "a story file holds one YAML document, not several"
                )

    def _anchor(self, name: str | None, value: Any, size: int) -> None:
        if name:
            self.anchors[name] = (value, size)

    def _check_tag(self, tag: str | None, implicit: Any, mark: Mark, allowed: set[str]) -> None:
        if tag and tag != "!" and tag not in allowed:
            raise _Stop(
                mark,
                "tag",
                f"explicit tag {tag!r} is not allowed: tracker reads plain data only "
                "and never constructs tagged objects",
            )

    def _scalar(self, event: Any, mark: Mark) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = _RESOLVER.resolve(  # type: ignore[no-untyped-call]
                yaml.ScalarNode, event.value, event.implicit
            )
        self._check_tag(tag, event.implicit, mark, _PLAIN_TAGS)
        if tag in (_TAG + "str", _TAG + "timestamp"):
            # Dates stay text: the schema checks them as real calendar dates.
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return _CONSTRUCTOR.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError) as error:
            raise _Stop(mark, "syntax", f"cannot read {event.value!r}: {error}") from None


_NUL = re.compile("\x00")


def read_yaml(
    path: Path, display: str, limits: Limits | None = None
) -> tuple[Document | None, list[Finding]]:
    """Parse `path` into a `Document`; any problem becomes a finding instead."""
    limits = limits or Limits()

    def fail(line: int, column: int, code: str, message: str) -> tuple[None, list[Finding]]:
        return None, [Finding(display, line, column, Level.ERROR, code, message)]

    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return fail(
                1,
                1,
                "too-large",
                f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte cap; not read",
            )
        raw = path.read_bytes()
    except OSError as error:
        return fail(1, 1, "io", f"cannot read file: {error.strerror or error}")
    if len(raw) > limits.max_bytes:  # it grew after stat
        return fail(1, 1, "too-large", f"file is over the {limits.max_bytes:,}-byte cap; not read")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8")
        line, column = _line_col(good, len(good))
        return fail(
            line,
            column,
            "encoding",
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8",
        )
    nul = _NUL.search(text)
    if nul:
        line, column = _line_col(text, nul.start())
        return fail(line, column, "nul-byte", "NUL byte in file; is it binary?")

    builder = _Builder(limits)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Stop as stop:
        return fail(*stop.mark, stop.code, stop.message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _pos(mark) if mark is not None else (1, 1)
        problem = error.problem or "invalid YAML"
        if error.context:
            problem = f"{problem} ({error.context})"
        return fail(line, column, "syntax", problem)
    except yaml.reader.ReaderError as error:
        line, column = _line_col(text, min(error.position, len(text)))
        return fail(
            line, column, "syntax", f"character U+{error.character:04X} is not allowed in YAML"
        )
    except yaml.YAMLError as error:
        return fail(1, 1, "syntax", str(error).splitlines()[0] if str(error) else "invalid YAML")
    if builder.documents == 0:
        return fail(1, 1, "empty", "file holds no YAML document; expected a story mapping")
    return builder.doc, []
