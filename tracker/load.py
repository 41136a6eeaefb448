"""Find story files, read them, validate them and build the domain objects.

Nothing raises past this module on bad input: every problem is a `Finding`. A file
with errors still contributes the claims and statements that are themselves valid,
so one broken entry never hides the rest of a story.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.finding import Finding, Level
from tracker.gcpause import paused_gc
from tracker.model import Claim, Location, Statement, Status, Story
from tracker.progress import Progress
from tracker.schema import KEBAB_RULE, is_id, iter_problems, short
from tracker.yamlread import Document, Limits, Mark, read_yaml

YAML_SUFFIXES = (".yaml", ".yml")
CONFIG_NAMES = frozenset({"tracker.yaml", "tracker.yml"})


# Reads one story file: (file, shown path, limits, findings to append to) -> its story.
Reader = Callable[[Path, str, Limits, list[Finding]], Story | None]


class InputError(Exception):
    """A usage problem with the paths given (missing path, no YAML found): exit 2."""


@dataclass(frozen=True)
class LoadResult:
    stories: tuple[Story, ...]
    findings: tuple[Finding, ...]
    files: tuple[str, ...]


def display_path(path: Path) -> str:
    """A path as users typed it: relative to the working folder when inside it.

    A symbolic link keeps its own name (its folder is resolved, not the link), so
    a finding names the link the user gave rather than the file it leads to.
    """
    try:
        real = path.parent.resolve() / path.name if path.is_symlink() else path.resolve()
        return real.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Every YAML file under `paths` (files taken as given), sorted, without duplicates."""
    return [path for _shown, path in Sources(paths).files()]


class Sources:
    """Finds the story files under the paths given, and what it could not look into.

    Folders are walked without following symbolic links, each real folder once
    (by device and inode), so no layout of links can make the walk loop. Then:

    * a link to a folder inside a folder given is skipped when the walk already
      reached its target (its files are read at their own place), else walked;
    * a link to a folder outside the paths given gets a ``link-outside`` finding;
    * a link to a regular file outside them is listed but refused (``link-outside``):
      claims arrive in strangers' pull requests, and a link to ``~/.ssh/id_rsa``
      must not be read, let alone quoted in a published report;
    * an unreadable folder gets an ``io`` finding, so no file is dropped silently.

    "Inside" means inside a folder given on the command line, or the folder of a
    file given on it, after resolving links.
    """

    def __init__(self, paths: Sequence[str | os.PathLike[str]]) -> None:
        self.found: dict[str, Path] = {}
        self.refused: dict[str, Finding] = {}  # shown path -> why it is not read
        self.findings: list[Finding] = []  # about folders
        self._visited: set[tuple[int, int]] = set()
        self._folder_links: list[tuple[str, Path]] = []
        self._links: set[str] = set()  # shown paths of the files found through a link
        args = [Path(raw) for raw in paths]
        self._folder_roots = tuple(os.path.realpath(p) for p in args if p.is_dir())
        self._roots = self._folder_roots + tuple(
            os.path.realpath(p.absolute().parent) for p in args if not p.is_dir()
        )
        for path in args:
            if path.is_dir():
                root = display_path(path)
                self._walk(path, "" if root == "." else root.rstrip("/") + "/")
            elif path.exists():
                self._add_file(display_path(path), path, path.is_symlink())
            else:
                raise InputError(f"path does not exist: {path}")
        self._follow_folder_links()
        if not self.found and not self.findings:
            shown = ", ".join(str(p) for p in paths)
            raise InputError(f"no .yaml or .yml files found in {shown}")

    def files(self) -> list[tuple[str, Path]]:
        """(display path, path) of every file found, sorted by display path.

        A link to a file that is read anyway (at its own place, or through an earlier
        link) is left out, as a link to a folder already walked is: the same claims
        must not appear twice under two story ids.
        """
        out = []
        seen: set[str] = set()
        # Real files first, so their own place wins over any link to them.
        for shown, path in sorted(self.found.items(), key=lambda i: (i[0] in self._links, i[0])):
            real = os.path.realpath(path) if shown not in self.refused else shown
            if real in seen:
                continue
            seen.add(real)
            out.append((shown, path))
        return sorted(out)

    def _walk(self, top: Path, prefix: str) -> None:
        pending = [(top, prefix)]
        while pending:
            folder, shown = pending.pop()
            try:
                status = os.stat(folder)
                if (status.st_dev, status.st_ino) in self._visited:
                    continue
                self._visited.add((status.st_dev, status.st_ino))
                with os.scandir(folder) as scan:
                    entries = list(scan)
            except OSError as error:
                self.findings.append(
                    _folder_finding(
                        shown,
                        "io",
                        f"cannot read folder: {error.strerror or error}; "
                        "the files in it were not checked",
                    )
                )
                continue
            for entry in entries:
                name = entry.name
                try:
                    is_dir = entry.is_dir()  # follows links; a broken one is not a folder
                except OSError:
                    is_dir = False
                if is_dir:
                    if name.startswith("."):
                        continue
                    if entry.is_symlink():
                        self._folder_links.append((shown + name, Path(entry.path)))
                    else:
                        pending.append((Path(entry.path), f"{shown}{name}/"))
                elif name.endswith(YAML_SUFFIXES) and name not in CONFIG_NAMES:
                    self._add_file(shown + name, Path(entry.path), entry.is_symlink())

    def _add_file(self, shown: str, path: Path, is_link: bool) -> None:
        if shown in self.found:
            return
        self.found[shown] = path
        if is_link:
            self._links.add(shown)
        if is_link and _is_regular(path) and not self._inside(path, self._roots):
            self.refused[shown] = Finding(
                shown,
                1,
                1,
                Level.ERROR,
                "link-outside",
                f"symbolic link to {_link_text(path)}, which is outside the paths given; "
                "not read (give its folder on the command line to check it)",
            )

    def _follow_folder_links(self) -> None:
        # Links found while following links are appended and handled in turn;
        # each real folder is walked at most once, so this ends.
        index = 0
        while index < len(self._folder_links):
            shown, path = self._folder_links[index]
            index += 1
            if not self._inside(path, self._folder_roots):
                self.findings.append(
                    _folder_finding(
                        shown,
                        "link-outside",
                        f"symbolic link to folder {_link_text(path)}, which is outside the "
                        "paths given; its files were not checked (give that folder on the "
                        "command line to check them)",
                    )
                )
            else:
                self._walk(path, shown + "/")

    @staticmethod
    def _inside(path: Path, roots: tuple[str, ...]) -> bool:
        real = os.path.realpath(path)
        try:
            return any(os.path.commonpath((real, root)) == root for root in roots)
        except ValueError:  # different drives on Windows
            return False


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # the reader reports why (a loop, a broken link)


def _link_text(path: Path) -> str:
    try:
        return short(os.readlink(path))  # what the link says, never where it resolves
    except OSError:  # pragma: no cover - it was a link a moment ago
        return "an unreadable target"


def _folder_finding(shown: str, code: str, message: str) -> Finding:
    return Finding(shown.rstrip("/") or ".", 1, 1, Level.ERROR, code, message)


def load(
    paths: Sequence[str | os.PathLike[str]],
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> LoadResult:
    """Read and validate every story file under `paths`.

    `progress`, if given, is called as ``progress("read", done, total)`` in files.
    """
    return load_sources(Sources(paths), limits, progress)


def load_sources(
    found: Sources,
    limits: Limits | None = None,
    progress: Progress | None = None,
    read: Reader | None = None,
) -> LoadResult:
    """Read and validate the story files `found` (as `load` does, once they are found).

    `read` stands in for `read_story` (it may take a file's story and findings from
    another process that read it); the checks across files are made here as usual.
    """
    with paused_gc():
        return _load_files(found, limits or Limits(), progress, read or read_story)


def _load_files(
    found: Sources, limits: Limits, progress: Progress | None, read: Reader
) -> LoadResult:
    files = found.files()
    stories: list[Story] = []
    findings: list[Finding] = list(found.findings)
    first_file: dict[str, str] = {}
    if progress is not None:
        progress("read", 0, len(files))
    for done, (shown, file) in enumerate(files, 1):
        refused = found.refused.get(shown)
        if refused is not None:
            findings.append(refused)
            story = None
        else:
            story = read(file, shown, limits, findings)
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


def read_story(file: Path, shown: str, limits: Limits, findings: list[Finding]) -> Story | None:
    """Read, validate and build one file's story; its problems go to `findings`."""
    document, problems = read_yaml(file, shown, limits)
    findings.extend(problems)
    if document is None:
        return None
    story, problems = build_story(document, file.stem, shown)
    findings.extend(problems)
    if not is_id(file.stem):
        # The stem becomes every claim's STORY/ID reference and is printed in every
        # report, so an unchecked one (HTML, a newline, "@admin") is never loaded.
        findings.append(
            Finding(
                shown,
                1,
                1,
                Level.ERROR,
                "bad-id",
                f"story id {short(file.stem)} (the file name without its extension) "
                f"{KEBAB_RULE}; rename the file",
            )
        )
        return None
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

    # Claims and statements share one set of ids: both become STORY/ID references.
    seen: dict[str, tuple[str, int, Mark]] = {}  # id -> (section, index, position)
    kinds = {"claims": "claim", "statements": "statement"}

    def unique(section: str, index: int, item: dict[str, Any]) -> bool:
        where = document.mark((section, index, "id"))
        first_section, first_index, (line, column) = seen.setdefault(
            item["id"], (section, index, where)
        )
        if (first_section, first_index) == (section, index):
            return True
        by = "" if first_section == section else f" by a {kinds[first_section]}"
        at = f"line {line}" + (f", column {column}" if line == where[0] else "")
        shared = "; claims and statements share one set of ids" if by else ""
        findings.append(
            Finding(
                shown,
                *where,
                Level.ERROR,
                "duplicate-id",
                f"{kinds[section]} id '{item['id']}' is already used{by} on {at}{shared}",
            )
        )
        return False

    default_subject = data.get("subject")

    def shared(section: str, index: int, item: dict[str, Any]) -> dict[str, Any]:
        """The fields claims and statements have in common (`Entry`)."""
        return {
            "story": story_id,
            "id": item["id"],
            "text": item["text"],
            "location": location(section, index),
            "subject": item.get("subject", default_subject),
            "attribute": item.get("attribute"),
            "value": _text(item.get("value")),
            "source": item.get("source"),
            "url": item.get("url"),
        }

    claims = tuple(
        Claim(
            **shared("claims", index, item),
            reported=item.get("reported"),
            verdict=Status(item["verdict"]) if "verdict" in item else None,
            reason=item.get("reason"),
        )
        for index, item in usable("claims")
        if unique("claims", index, item)
    )
    findings.extend(_unsourced(claim) for claim in claims if not (claim.source and claim.reported))
    statements = tuple(
        Statement(**shared("statements", index, item), date=item.get("date"))
        for index, item in usable("statements")
        if unique("statements", index, item)
    )
    return Story(story_id, data["story"], shown, default_subject, claims, statements), findings


def _unsourced(claim: Claim) -> Finding:
    """A warning for a claim that does not say who reported it, or when.

    A rumour tracker is only as honest as its attributions; the run still passes.
    """
    missing = " and ".join(
        text
        for text, given in (("no 'source'", claim.source), ("no 'reported' date", claim.reported))
        if not given
    )
    where = claim.location
    return Finding(
        where.path,
        where.line,
        where.column,
        Level.WARNING,
        "unsourced",
        f"claim '{claim.id}' has {missing}: say who reported it and when, "
        "so readers can weigh the rumour",
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
