"""The data-driven bad-input suite: every folder under tests/data/invalid is one case.

Each case asserts the exact findings (file, line, column, code and message), that the
valid entries beside a bad one are still loaded, that the CLI prints the same lines
with the right exit code and no traceback, and that no input file is ever written to
and nothing in it is executed.
"""

from __future__ import annotations

import errno
import os
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.conftest import DATA
from tracker.finding import CODES
from tracker.load import load

CASES = sorted(p for p in (DATA / "invalid").iterdir() if p.is_dir())


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    # rglob does not follow links to folders; is_file is False for FIFOs and devices.
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _refuse_as_the_kernel_would(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads every folder whatever its mode: make listing `folder` fail anyway."""
    scandir = os.scandir
    denied = os.path.realpath(folder)

    def guarded(path: Any = ".") -> Any:
        if os.path.realpath(path) == denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)


def _setup(work: Path, sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make what git cannot store, as `setup.txt` in the case folder asks.

    One step per line, arguments split like a shell's, ``\\n`` escapes allowed:
    ``link NAME TARGET`` (a symbolic link), ``fifo NAME``, ``write NAME TEXT``
    (NAME may lead out of the case folder, but not out of the test's own temporary
    folder) and ``mode NAME OCTAL`` (for root, whom modes do not stop, an unreadable
    folder's listing is refused in-process). Returns the paths whose mode changed.
    """
    changed: list[Path] = []
    for line in _lines(work / "setup.txt"):
        if not line.strip() or line.startswith("#"):
            continue
        verb, name, *rest = (a.encode().decode("unicode_escape") for a in shlex.split(line))
        path = work / name
        assert path.resolve().is_relative_to(sandbox.resolve()), line
        path.parent.mkdir(parents=True, exist_ok=True)
        if verb == "link":
            path.symlink_to(rest[0])
        elif verb == "fifo":
            os.mkfifo(path)
        elif verb == "write":
            path.write_text(rest[0] + "\n", encoding="utf-8")
        elif verb == "mode":
            path.chmod(int(rest[0], 8))
            changed.append(path)
            if int(rest[0], 8) & 0o444 == 0 and os.geteuid() == 0:
                _refuse_as_the_kernel_would(path, monkeypatch)
        else:
            raise AssertionError(f"unknown setup step: {line}")
    return changed


@pytest.fixture
def no_execution(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record any attempt to run a command; a data file must never cause one."""
    calls: list[str] = []

    def record(*args: object, **kwargs: object) -> int:
        calls.append(repr(args))
        return 0

    monkeypatch.setattr(os, "system", record)
    monkeypatch.setattr(subprocess, "Popen", record)
    return calls


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_bad_input(
    case: Path,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run: Callable[..., Result],
    no_execution: list[str],
) -> None:
    work = tmp_path / case.name
    shutil.copytree(case, work)
    locked = _setup(work, tmp_path, monkeypatch)
    for path in locked:  # pytest must be able to clean up afterwards
        request.addfinalizer(lambda path=path: path.chmod(0o755))
    before = _snapshot(work)
    monkeypatch.chdir(work)
    expected = _lines(work / "expected.txt")

    result = load(["."])

    assert [str(f) for f in result.findings] == expected
    assert {f.code for f in result.findings} <= set(CODES)
    if (work / "loaded.txt").exists():
        loaded = [f"claim {c.ref}" for s in result.stories for c in s.claims]
        loaded += [f"statement {t.ref}" for s in result.stories for t in s.statements]
        assert sorted(loaded) == sorted(_lines(work / "loaded.txt"))

    cli = run("validate", ".")
    assert cli.exit_code == (1 if any(" error [" in line for line in expected) else 0)
    assert cli.output.splitlines()[:-1] == expected

    assert _snapshot(work) == before, "an input file was written, or a file was created"
    assert no_execution == []


def test_every_hostile_kind_has_a_case() -> None:
    covered = {
        line.split("[", 1)[1].split("]", 1)[0] for c in CASES for line in _lines(c / "expected.txt")
    }
    hostile = {"syntax", "encoding", "nul-byte", "empty", "tag", "too-many-nodes", "too-deep"}
    hostile |= {"multi-document", "alias", "duplicate-key", "duplicate-id", "unknown-field"}
    hostile |= {"bad-date", "bad-id", "bad-url", "required", "type", "key-type", "merge-key"}
    hostile |= {"io", "link-outside", "unsourced"}
    assert hostile <= covered


def test_file_over_the_size_cap(tmp_path: Path, run: Callable[..., Result]) -> None:
    big = tmp_path / "big.yaml"
    line = b"# padding to push the file over the default 16 MiB cap\n"
    with big.open("wb") as out:
        out.write(b"story: Big\n")
        for _ in range(16 * 1024 * 1024 // len(line) + 1):
            out.write(line)
    size = big.stat().st_size
    result = load([big])
    assert [(f.line, f.column, f.code) for f in result.findings] == [(1, 1, "too-large")]
    assert f"{size:,} bytes" in result.findings[0].message
    assert run("validate", str(big)).exit_code == 1
