"""Status changes between two versions of the claims: what a pull request changes.

The base is either a git ref (its story files are read with `git ls-tree` and
`git cat-file` into a temporary folder and checked exactly like the working tree) or
a saved JSON report (`tracker check --format json`). The result lists the claims
added, removed, reworded and every status change, sorted by reference, so the same
two versions always give the same diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from tracker.check import check
from tracker.config import Config
from tracker.load import YAML_SUFFIXES, InputError
from tracker.model import Status
from tracker.result import CheckResult


class DiffError(Exception):
    """The base cannot be read (not a ref, not a report): a usage error, exit 2."""


@dataclass(frozen=True, order=True)
class Entry:
    """One claim as a diff sees it."""

    ref: str
    status: Status
    text: str
    file: str
    line: int


@dataclass(frozen=True)
class Change:
    """A claim present in both versions whose status or text changed."""

    before: Entry
    after: Entry

    @property
    def ref(self) -> str:
        return self.after.ref


@dataclass(frozen=True)
class Diff:
    """Everything that changed between `base` and the working tree."""

    base: str
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    changed: tuple[Change, ...]  # status changes
    reworded: tuple[Change, ...]  # same status, new text
    unchanged: int
    errors: int  # input errors in the current version
    fail_on: frozenset[Status] = frozenset()

    def new_statuses(self) -> tuple[Entry, ...]:
        """Claims that have a status now which they did not have at the base."""
        return tuple(sorted([*self.added, *(c.after for c in self.changed)]))

    def failing(self) -> tuple[Entry, ...]:
        """New statuses named by --fail-on."""
        return tuple(e for e in self.new_statuses() if e.status in self.fail_on)

    @property
    def exit_code(self) -> int:
        """0, or 1 when the current version has input errors or a --fail-on status is new."""
        return 1 if self.errors or self.failing() else 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.reworded)


def entries(result: CheckResult, strip: str = "") -> dict[str, Entry]:
    """The claims of a check result by reference; `strip` is removed from file paths."""
    found = {}
    for verdict in result.verdicts:
        claim = verdict.claim
        path = claim.location.path
        if strip and path.startswith(strip):
            path = path[len(strip) :]
        found[claim.ref] = Entry(claim.ref, verdict.status, claim.text, path, claim.location.line)
    return found


def compare(
    base_name: str,
    before: dict[str, Entry],
    after: CheckResult,
    fail_on: Iterable[Status] = (),
) -> Diff:
    """The diff from the `before` claims to the result `after`."""
    now = entries(after)
    changed, reworded, unchanged = [], [], 0
    for ref in sorted(before.keys() & now.keys()):
        old, new = before[ref], now[ref]
        if old.status != new.status:
            changed.append(Change(old, new))
        elif old.text != new.text:
            reworded.append(Change(old, new))
        else:
            unchanged += 1
    return Diff(
        base=base_name,
        added=tuple(now[r] for r in sorted(now.keys() - before.keys())),
        removed=tuple(before[r] for r in sorted(before.keys() - now.keys())),
        changed=tuple(changed),
        reworded=tuple(reworded),
        unchanged=unchanged,
        errors=len(after.errors),
        fail_on=frozenset(fail_on),
    )


def diff(
    base: str,
    paths: Sequence[str | os.PathLike[str]],
    config: Config,
    fail_on: Iterable[Status] = (),
) -> Diff:
    """Compare the claims under `paths` now with `base` (a git ref or a JSON report)."""
    current = check(paths, config)
    # A git ref wins over a file of the same name: a pull request could otherwise add
    # a file called "origin/main" holding a forged report and fake its own diff.
    commit = _commit(base)
    if commit is not None:
        before = ref_entries(commit, paths, config)
    elif Path(base).is_file():
        before = report_entries(Path(base))
    else:
        raise DiffError(
            f"{base!r} is neither a git commit here nor a saved JSON report "
            "(fetch the ref, e.g. git fetch origin)"
        )
    return compare(base, before, current, fail_on)


def _commit(ref: str) -> str | None:
    """The commit `ref` names in the current repository, or None."""
    if ref.startswith("-"):
        return None
    try:
        out = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"])
    except DiffError:
        return None
    return out.decode().strip() or None


def report_entries(path: Path) -> dict[str, Entry]:
    """The claims of a saved JSON report (`tracker check --format json`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise DiffError(f"{path} is not a readable JSON report: {error}") from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise DiffError(f"{path} is not a tracker JSON report (version 1)")
    found = {}
    for item in data.get("claims") or []:
        entry = _entry(item)
        if entry is None:
            raise DiffError(f"{path}: a claim lacks story, id, status or text")
        found[entry.ref] = entry
    return found


def _entry(item: Any) -> Entry | None:
    if not isinstance(item, dict):
        return None
    try:
        ref = f"{item['story']}/{item['id']}"
        status = Status(item["status"])
        text = str(item["text"])
    except (KeyError, ValueError):
        return None
    line = item.get("line")
    return Entry(
        ref, status, text, str(item.get("file") or ""), line if isinstance(line, int) else 0
    )


def _git(args: list[str], stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], input=stdin, capture_output=True, check=False, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DiffError(f"cannot run git: {error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(f"git {args[0]} failed: {message[-1] if message else done.returncode}")
    return done.stdout


def ref_entries(
    commit: str, paths: Sequence[str | os.PathLike[str]], config: Config
) -> dict[str, Entry]:
    """The claims under `paths` at git `commit`, checked like the working tree."""
    top = Path(_git(["rev-parse", "--show-toplevel"]).decode().strip()).resolve()
    inside: list[PurePosixPath] = []
    for path in paths:
        try:
            inside.append(PurePosixPath(Path(path).resolve().relative_to(top).as_posix()))
        except ValueError:
            raise DiffError(f"{path} is outside the git repository at {top}") from None
    # Paths relative to the top of the repository, so the diff is the same from any folder.
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *map(str, inside)])
    blobs: list[tuple[PurePosixPath, str]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, oid = meta.decode().split()
        path = PurePosixPath(name.decode("utf-8", "surrogateescape"))
        # Regular files only: no symlinks (which could point outside) or submodules.
        regular = kind == "blob" and mode in ("100644", "100755")
        inside_repo = not path.is_absolute() and ".." not in path.parts
        if regular and inside_repo and path.name.endswith(YAML_SUFFIXES):
            blobs.append((path, oid))
    if not blobs:
        return {}
    with tempfile.TemporaryDirectory(prefix="tracker-diff-") as tmp:
        root = Path(tmp).resolve()
        contents = _cat_blobs([oid for _, oid in blobs])
        for (path, _), data in zip(blobs, contents, strict=True):
            target = root.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        targets = [root.joinpath(*p.parts) for p in inside]
        try:
            result = check([t for t in targets if t.exists()] or [root], config)
        except InputError:
            return {}
        return entries(result, strip=root.as_posix() + "/")


def _cat_blobs(oids: list[str]) -> list[bytes]:
    """The contents of many blobs from one `git cat-file --batch` process."""
    out = _git(["cat-file", "--batch"], stdin="".join(f"{oid}\n" for oid in oids).encode())
    contents, position = [], 0
    for _ in oids:
        header_end = out.index(b"\n", position)
        size = int(out[position:header_end].split()[2])
        start = header_end + 1
        contents.append(out[start : start + size])
        position = start + size + 1
    return contents
