"""Find story files, read them, validate them and build the domain objects.

Nothing raises past this module on bad input: every problem is a `Finding`. A file
with errors still contributes the claims and statements that are themselves valid,
so one broken entry never hides the rest of a story.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.finding import Finding, Level
from tracker.model import Claim, Location, Statement, Status, Story
from tracker.progress import Progress
from tracker.schema import iter_problems
from tracker.yamlread import Document, Limits, read_yaml

YAML_SUFFIXES = (".yaml", ".yml")
CONFIG_NAMES = frozenset({"tracker.yaml", "tracker.yml"})


class InputError(Exception):
    """A usage problem with the paths given (missing path, no YAML found): exit 2."""


@dataclass(frozen=True)
class LoadResult:
    stories: tuple[Story, ...]
    findings: tuple[Finding, ...]
    files: tuple[str, ...]


def display_path(path: Path) -> str:
    """A path as users typed it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Every YAML file under `paths` (files taken as given), sorted, without duplicates."""
    return [path for _shown, path in _discover(paths)]


def _discover(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[str, Path]]:
    """(display path, path) of every YAML file under `paths`, sorted by display path.

    A folder's display path is worked out once and its files' are joined onto it:
    resolving every file separately cost more than parsing it.
    """
    found: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = display_path(path)
            prefix = "" if root == "." else root.rstrip("/") + "/"
            top = str(path)
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                inner = Path(dirpath[len(top) :].lstrip(os.sep)).as_posix()
                folder = prefix if inner == "." else f"{prefix}{inner}/"
                for name in filenames:
                    if name.endswith(YAML_SUFFIXES) and name not in CONFIG_NAMES:
                        found.setdefault(folder + name, Path(dirpath, name))
        elif path.exists():
            found.setdefault(display_path(path), path)
        else:
            raise InputError(f"path does not exist: {path}")
    if not found:
        shown = ", ".join(str(p) for p in paths)
        raise InputError(f"no .yaml or .yml files found in {shown}")
    return sorted(found.items())


def load(
    paths: Sequence[str | os.PathLike[str]],
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> LoadResult:
    """Read and validate every story file under `paths`.

    `progress`, if given, is called as ``progress("read", done, total)`` in files.
    """
    files = _discover(paths)
    with _collector_paused():
        return _load_files(files, limits or Limits(), progress)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while loading.

    Loading allocates millions of small objects that are all kept and hold no
    reference cycles; the collector would scan the growing heap again and again
    (10-15% of the load time at 100,000 claims). Reference counting still frees
    everything as usual, and any cycle is collected once the collector resumes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_files(
    files: list[tuple[str, Path]], limits: Limits, progress: Progress | None
) -> LoadResult:
    stories: list[Story] = []
    findings: list[Finding] = []
    first_file: dict[str, str] = {}
    if progress is not None:
        progress("read", 0, len(files))
    for done, (shown, file) in enumerate(files, 1):
        story = _read_story(file, shown, limits, findings)
        if story is not None and story.id in first_file:
            findings.append(
                Finding(
                    shown,
                    1,
                    1,
                    Level.ERROR,
                    "duplicate-story",
                    f"story id '{story.id}' is already used by {first_file[story.id]}; "
                    "rename one of the files",
                )
            )
        elif story is not None:
            first_file[story.id] = shown
            stories.append(story)
        if progress is not None:
            progress("read", done, len(files))
    return LoadResult(tuple(stories), tuple(sorted(findings)), tuple(shown for shown, _ in files))


def _read_story(file: Path, shown: str, limits: Limits, findings: list[Finding]) -> Story | None:
    """Read, validate and build one file's story; its problems go to `findings`."""
    document, problems = read_yaml(file, shown, limits)
    findings.extend(problems)
    if document is None:
        return None
    story, problems = build_story(document, file.stem, shown)
    findings.extend(problems)
    return story


def build_story(
    document: Document, story_id: str, shown: str
) -> tuple[Story | None, list[Finding]]:
    """Validate one parsed file and build its `Story` from the valid parts."""
    findings: list[Finding] = []
    bad: set[tuple[str | int, ...]] = set()
    for path, at_key, code, message in iter_problems(document.data):
        line, column = document.mark(path, key=at_key)
        findings.append(Finding(shown, line, column, Level.ERROR, code, message))
        bad.add(path[:2] if len(path) >= 2 else path)
    data = document.data
    if not isinstance(data, dict) or () in bad or ("story",) in bad or ("subject",) in bad:
        return None, findings

    def usable(section: str) -> Iterable[tuple[int, dict[str, Any]]]:
        if (section,) in bad:
            return
        for index, item in enumerate(data.get(section) or ()):
            if (section, index) not in bad:
                yield index, item

    def location(section: str, index: int) -> Location:
        return Location(shown, *document.mark((section, index)))

    seen: dict[str, int] = {}

    def unique(section: str, index: int, item: dict[str, Any]) -> bool:
        line = document.mark((section, index, "id"))[0]
        key = f"{section}:{item['id']}"
        if key in seen:
            kind = "claim" if section == "claims" else "statement"
            findings.append(
                Finding(
                    shown,
                    *document.mark((section, index, "id")),
                    Level.ERROR,
                    "duplicate-id",
                    f"{kind} id '{item['id']}' is already used on line {seen[key]}",
                )
            )
            return False
        seen[key] = line
        return True

    default_subject = data.get("subject")
    claims = tuple(
        Claim(
            story=story_id,
            id=item["id"],
            text=item["text"],
            location=location("claims", index),
            subject=item.get("subject", default_subject),
            attribute=item.get("attribute"),
            value=_text(item.get("value")),
            source=item.get("source"),
            url=item.get("url"),
            reported=item.get("reported"),
            verdict=Status(item["verdict"]) if "verdict" in item else None,
            reason=item.get("reason"),
        )
        for index, item in usable("claims")
        if unique("claims", index, item)
    )
    statements = tuple(
        Statement(
            story=story_id,
            id=item["id"],
            text=item["text"],
            location=location("statements", index),
            subject=item.get("subject", default_subject),
            attribute=item.get("attribute"),
            value=_text(item.get("value")),
            source=item.get("source"),
            url=item.get("url"),
            date=item.get("date"),
        )
        for index, item in usable("statements")
        if unique("statements", index, item)
    )
    return Story(story_id, data["story"], shown, default_subject, claims, statements), findings


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
