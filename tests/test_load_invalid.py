"""The data-driven bad-input suite: every folder under tests/data/invalid is one case.

Each case asserts the exact findings (file, line, column, code and message), that the
valid entries beside a bad one are still loaded, that the CLI prints the same lines
with the right exit code and no traceback, and that no input file is ever written to
and nothing in it is executed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import DATA
from tracker.finding import CODES
from tracker.load import load

CASES = sorted(p for p in (DATA / "invalid").iterdir() if p.is_dir())


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


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
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run: Callable[..., Result],
    no_execution: list[str],
) -> None:
    work = tmp_path / case.name
    shutil.copytree(case, work)
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
    assert cli.exit_code == (1 if expected else 0)
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
