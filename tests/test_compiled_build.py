"""The opt-in compiled build's configuration (the build itself is checked in .ci/run).

The default install must stay pure Python: the mypyc hook is off unless asked for, and
the modules it compiles exist and are not ones the tests replace functions of.
"""

from __future__ import annotations

import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import tracker.match.terms
from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HOOKS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"][
    "build"
]["targets"]["wheel"]["hooks"]


SOURCES = {"/" + p.relative_to(ROOT).as_posix() for p in (ROOT / "tracker").rglob("*.py")}


def _compiled(mypyc: dict[str, Any]) -> set[str]:
    """Project-relative paths (as the hook's patterns read them) of the modules it compiles."""
    return {
        path
        for path in SOURCES
        if any(fnmatch(path, pattern) for pattern in mypyc["include"])
        and not any(fnmatch(path, pattern) for pattern in mypyc["exclude"])
    }


def test_the_mypyc_hook_is_off_by_default_with_its_own_pinned_tools() -> None:
    mypyc = HOOKS["mypyc"]
    assert mypyc["enable-by-default"] is False
    requirements = {r.split(">", 1)[0].split("=", 1)[0].strip(): r for r in mypyc["dependencies"]}
    assert "hatch-mypyc" in requirements
    # mypyc's output changes between mypy versions: a range with an upper bound.
    assert ">=" in requirements["mypy"] and "<" in requirements["mypy"].split(">=", 1)[1]
    # The local hook keeping compiled files out of the source tree always runs.
    custom = HOOKS["custom"]
    assert custom.get("enable-by-default", True) is True
    assert (ROOT / custom["path"]).is_file()


def test_compiled_modules_exist_and_leave_the_patched_ones_alone() -> None:
    mypyc = HOOKS["mypyc"]
    compiled = _compiled(mypyc)
    assert "/tracker/match/terms.py" in compiled and "/tracker/match/relation.py" in compiled
    for pattern in mypyc["include"] + mypyc["exclude"]:
        assert any(fnmatch(path, pattern) for path in SOURCES), pattern
    # Tests replace functions and constants of these; the CLI stays interpreted.
    for module in ("ahead", "load", "yamlread", "cli", "match/batch", "match/__init__"):
        assert f"/tracker/{module}.py" not in compiled


def test_the_tests_run_on_the_pure_build() -> None:
    assert Path(tracker.match.terms.__file__).suffix == ".py"
