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
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from functools import partial
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
    """Raised while building to abandon a file after its first fatal finding."""

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


def _shown_tag(tag: str) -> str:
    """A tag as it is written in YAML: ``!!python/object``, not the expanded URI."""
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


class _Frame:
    """An open mapping or sequence: its container, where it sits, and its size."""

    __slots__ = ("anchor", "container", "flow", "is_map", "key", "path", "size")

    def __init__(
        self, container: dict[str, Any] | list[Any], path: Path_, anchor: str | None, flow: bool
    ) -> None:
        self.container: Any = container
        self.is_map = isinstance(container, dict)
        self.path = path
        self.anchor = anchor
        self.flow = flow  # written with [ ] or { }
        self.size = 1  # nodes inside, aliases expanded: what an alias to it costs
        self.key: str | None = None  # a mapping's key awaiting its value


# Plain scalars repeat a lot (keys, small values): remember how they resolved.
_PLAIN_CACHE: dict[str, Any] = {}
_PLAIN_CACHE_SIZE = 4096
_PLAIN_CACHE_LENGTH = 40
_MISS = object()


def _scalar(event: Any, mark: Mark) -> Any:
    """The Python value of a scalar event: str, int, float, bool or None.

    Dates stay text (the schema checks them as real calendar dates); any other
    tag is refused, so nothing is ever constructed from a tag.
    """
    tag = event.tag
    value: str = event.value
    if tag is None or tag == "!":
        if not event.implicit[0] or tag == "!":
            return value  # quoted or block scalars are always strings
        cached = _PLAIN_CACHE.get(value, _MISS)
        if cached is not _MISS:
            return cached
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        if tag == _TAG + "merge":
            raise _Stop(
                mark,
                "merge-key",
                "merge keys ('<<') are not supported: write the fields out in full",
            )
        result = _construct(tag, event, mark) if tag in _PLAIN_TAGS else value
        if len(value) <= _PLAIN_CACHE_LENGTH:
            if len(_PLAIN_CACHE) >= _PLAIN_CACHE_SIZE:
                _PLAIN_CACHE.clear()
            _PLAIN_CACHE[value] = result
        return result
    if tag not in _PLAIN_TAGS:
        raise _Stop(
            mark,
            "tag",
            f"tag {_shown_tag(tag)} is not allowed: tracker reads plain data only "
            "and never constructs tagged objects",
        )
    return _construct(tag, event, mark)


def _construct(tag: str, event: Any, mark: Mark) -> Any:
    if tag in (_TAG + "str", _TAG + "timestamp"):
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        # Call the one scalar constructor directly: construct_object would also
        # remember every node it ever built.
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, IndexError, OverflowError, yaml.YAMLError):
        # PyYAML's scalar constructors raise several kinds on bad input ("!!int ''").
        raise _Stop(
            mark, "syntax", f"cannot read {_short(event.value)} as {_shown_tag(tag)}"
        ) from None


def _short(value: Any, limit: int = 60) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def _build(get_event: Any, limits: Limits, content_end: int) -> tuple[Document, int]:
    """Build the document from the event stream; return it and the document count.

    One flat loop over events with an explicit stack: no recursion, so depth is
    bounded by the cap rather than by Python's stack, and the per-event cost stays
    close to libyaml's own (this loop is the loader's hot path). `content_end` is
    the index after the file's last non-blank character: a syntax error past it
    inside an open ``[`` or ``{`` means that bracket is never closed.
    """
    stack: list[_Frame] = []
    doc = Document(data=None)
    try:
        return _events(get_event, limits, doc, stack)
    except yaml.MarkedYAMLError as error:
        where = error.problem_mark
        if stack and stack[-1].flow and where is not None and where.index >= content_end:
            opener = "{" if stack[-1].is_map else "["
            raise _Stop(
                doc.value_marks[stack[-1].path],
                "syntax",
                f"this '{opener}' is never closed: the file ends first",
            ) from None
        raise


def _events(
    get_event: Any, limits: Limits, doc: Document, stack: list[_Frame]
) -> tuple[Document, int]:
    value_marks = doc.value_marks
    key_marks = doc.key_marks
    top: _Frame | None = None
    anchors: dict[str, tuple[Any, int]] = {}
    open_anchors: set[str] = set()
    nodes = 0
    aliased = False  # whether any alias was expanded: it changes what a big count means
    documents = 0
    max_nodes = limits.max_nodes
    max_depth = limits.max_depth
    scalar_event = yaml.ScalarEvent
    alias_event = yaml.AliasEvent
    mapping_start = yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event or kind is alias_event:
            start = event.start_mark
            mark = (start.line + 1, start.column + 1)
            if kind is scalar_event:
                value = _scalar(event, mark)
                size = 1
            else:
                name = event.anchor
                if name in open_anchors:
                    raise _Stop(mark, "alias", f"alias *{name} refers to its own parent (a cycle)")
                if name not in anchors:  # libyaml reports this itself; be safe
                    raise _Stop(mark, "syntax", f"unknown alias *{name}")
                value, size = anchors[name]
                aliased = True
            nodes += size
            if nodes > max_nodes:
                raise _too_many(mark, max_nodes, aliased)
            if top is None:
                doc.data = value
                value_marks[()] = mark
            elif not top.is_map:
                container = top.container
                path: Path_ = (*top.path, len(container))
                value_marks[path] = mark
                container.append(value)
                top.size += size
            elif top.key is not None:
                path = (*top.path, top.key)
                value_marks[path] = mark
                top.container[top.key] = value
                top.key = None
                top.size += size
            else:
                _take_key(top, value, mark, key_marks)
            if kind is scalar_event and event.anchor:
                anchors[event.anchor] = (value, 1)
        elif kind is mapping_start or kind is sequence_start:
            start = event.start_mark
            mark = (start.line + 1, start.column + 1)
            nodes += 1
            if nodes > max_nodes:
                raise _too_many(mark, max_nodes, aliased)
            tag = event.tag
            if tag and tag != "!" and tag not in _CONTAINER_TAGS:
                raise _Stop(
                    mark,
                    "tag",
                    f"tag {_shown_tag(tag)} is not allowed: tracker reads plain data only "
                    "and never constructs tagged objects",
                )
            if top is None:
                path = ()
            elif not top.is_map:
                path = (*top.path, len(top.container))
            elif top.key is not None:
                path = (*top.path, top.key)
            else:
                raise _Stop(mark, "key-type", "mapping keys must be plain strings, not collections")
            if len(stack) >= max_depth:
                raise _Stop(mark, "too-deep", f"nesting deeper than {max_depth} levels")
            top = _Frame(
                {} if kind is mapping_start else [], path, event.anchor, bool(event.flow_style)
            )
            value_marks[path] = mark
            stack.append(top)
            if top.anchor:
                open_anchors.add(top.anchor)
        elif kind in collection_end:
            frame = stack.pop()
            top = stack[-1] if stack else None
            value = frame.container
            if top is None:
                doc.data = value
            elif not top.is_map:
                top.container.append(value)
                top.size += frame.size
            else:
                top.container[top.key] = value
                top.key = None
                top.size += frame.size
            if frame.anchor:
                open_anchors.discard(frame.anchor)
                anchors[frame.anchor] = (value, frame.size)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                start = event.start_mark
                raise _Stop(
                    (start.line + 1, start.column + 1),
                    "multi-document",
                    "a story file holds one YAML document, not several ('---' starts another)",
                )
        elif kind is yaml.StreamEndEvent or event is None:
            return doc, documents


def _take_key(top: _Frame, key: Any, mark: Mark, key_marks: dict[Path_, Mark]) -> None:
    """Make `key` the pending key of mapping `top`, refusing duplicates and non-strings."""
    if type(key) is not str:
        raise _Stop(
            mark,
            "key-type",
            f"mapping keys must be plain strings, not {_short(key)}; "
            "put the key in quotes if it is text",
        )
    path = (*top.path, key)
    if key in top.container:
        raise _Stop(
            mark,
            "duplicate-key",
            f"duplicate key {key!r} (first given on line {key_marks[path][0]}); "
            "YAML would silently keep only the last value",
        )
    top.key = key
    key_marks[path] = mark


def _too_many(mark: Mark, cap: int, aliased: bool) -> _Stop:
    if aliased:
        why = f"more than {cap:,} nodes once aliases are expanded (an alias bomb?)"
    else:
        why = f"more than {cap:,} keys and values; split the story into smaller files"
    return _Stop(mark, "too-many-nodes", f"{why}; the file was not read")


_NUL = re.compile("\x00")


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Position and message of a YAML syntax error.

    libyaml's problem, plus where the construct it was reading began, plus a hint
    for the usual slips (tabs, an unquoted ': ', bad indentation). When the file
    ends inside a construct (an unclosed quote), that construct's start is the
    place to look, so the finding points there rather than at the last line.
    """
    problem = error.problem or "invalid YAML"
    start, end = error.context_mark, error.problem_mark
    hint = _syntax_hint(problem, error.context or "", end, text)
    if not error.context or start is None:
        line, column = _pos(end) if end is not None else (1, 1)
        context = f" ({error.context})" if error.context else ""
        return line, column, f"{problem}{context}{hint}"
    if "end of stream" in problem:
        return *_pos(start), f"{problem} ({error.context} that starts here and is never closed)"
    line, column = _pos(end) if end is not None else _pos(start)
    if end is not None and start.line != end.line:
        context_line, context_column = _pos(start)
        where = f" that starts on line {context_line}, column {context_column}"
    else:
        where = ""
    return line, column, f"{problem} ({error.context}{where}){hint}"


def _syntax_hint(problem: str, context: str, mark: Any, text: str) -> str:
    found = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    if found == "\t":
        return "; YAML does not allow tabs here: indent with spaces"
    if found in ("@", "`"):  # reserved indicators in YAML: "source: @leaker"
        end = text.find("\n", mark.index)
        value = text[mark.index : end if end >= 0 else len(text)].split(" #", 1)[0].rstrip()
        if len(value) > 40 or '"' in value or "\\" in value:
            value = found + "..."
        return f'; values starting with @ or ` must be quoted, e.g. "{value}"'
    if problem.startswith("mapping values are not allowed"):
        return "; if the value contains ': ', put it in quotes"
    if "block" in context:
        return "; is this line indented like the ones above it?"
    return ""


def _character_message(character: int | str) -> str:
    code = character if isinstance(character, int) else ord(character)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return (
            f"control character U+{code:04X} is not allowed in YAML; remove it, "
            f'or write it as "\\x{code:02x}" inside a double-quoted string'
        )
    return f"character U+{code:04X} is not allowed in YAML"


def _failed(
    display: str, line: int, column: int, code: str, message: str
) -> tuple[None, list[Finding]]:
    return None, [Finding(display, line, column, Level.ERROR, code, message)]


def read_yaml(
    path: Path, display: str, limits: Limits | None = None
) -> tuple[Document | None, list[Finding]]:
    """Parse `path` into a `Document`; any problem becomes a finding instead."""
    limits = limits or Limits()
    raw = read_bounded(path, limits.max_bytes)
    if isinstance(raw, tuple):
        return _failed(display, 1, 1, *raw)
    return parse_bytes(raw, display, limits)


# Never block on a FIFO swapped in after the check, never make a terminal ours.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> tuple[str, str] | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "an unknown kind")
    return "io", f"not a regular file: it is {kind}; not read"


def read_bounded(path: Path, max_bytes: int) -> bytes | tuple[str, str]:
    """The bytes of regular file `path`, or why they were not read: (code, message).

    Devices, FIFOs and sockets are never opened: their size says nothing
    (``/dev/zero`` reports 0 and never ends; a FIFO blocks until a writer comes).
    The file is checked again once open, in case it was swapped meanwhile, and at
    most ``max_bytes + 1`` bytes are read, so a file that grows or misreports its
    size cannot exhaust memory.
    """
    try:
        why = _not_regular(os.stat(path).st_mode)
        if why is not None:
            return why
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return _os_problem(path, error)
    with os.fdopen(descriptor, "rb") as handle:
        try:
            status = os.fstat(descriptor)
            why = _not_regular(status.st_mode)
            if why is not None:
                return why
            if status.st_size > max_bytes:
                return _too_large(max_bytes, status.st_size)
            raw = handle.read(max_bytes + 1)
        except OSError as error:
            return _os_problem(path, error)
    if len(raw) > max_bytes:  # it grew while being read
        return _too_large(max_bytes)
    return raw


def _too_large(max_bytes: int, size: int | None = None) -> tuple[str, str]:
    over = f"{size:,} bytes, over" if size is not None else "over"
    return "too-large", f"file is {over} the {max_bytes:,}-byte cap; not read"


def _os_problem(path: Path, error: OSError) -> tuple[str, str]:
    if error.errno == errno.ELOOP:
        return "io", "symbolic link loop (the link leads back to itself); not read"
    if error.errno == errno.ENOENT and path.is_symlink():
        return "io", "broken symbolic link (its target does not exist); not read"
    return "io", f"cannot read file: {error.strerror or error}"


def parse_bytes(
    raw: bytes, display: str, limits: Limits | None = None
) -> tuple[Document | None, list[Finding]]:
    """Parse the bytes of a story file; any problem becomes a finding instead."""
    limits = limits or Limits()
    fail = partial(_failed, display)

    if len(raw) > limits.max_bytes:  # bytes from elsewhere than read_bounded
        return fail(1, 1, *_too_large(limits.max_bytes))
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

    loader = None
    try:
        # Inside the try: the pure-Python reader checks characters on creation.
        loader = _Loader(text)
        document, documents = _build(loader.get_event, limits, len(text.rstrip()))
    except _Stop as stop:
        return fail(*stop.mark, stop.code, stop.message)
    except yaml.MarkedYAMLError as error:
        line, column, message = _syntax_error(error, text)
        return fail(line, column, "syntax", message)
    except yaml.reader.ReaderError as error:
        line, column = _line_col(text, min(error.position, len(text)))
        return fail(line, column, "syntax", _character_message(error.character))
    except yaml.YAMLError as error:
        return fail(1, 1, "syntax", str(error).splitlines()[0] if str(error) else "invalid YAML")
    finally:
        if loader is not None:
            loader.dispose()
    if documents == 0:
        return fail(1, 1, "empty", "file holds no YAML document; expected a story mapping")
    return document, []
