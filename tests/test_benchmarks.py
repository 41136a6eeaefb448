"""The speed benchmark's generator and runner work (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT
from tracker.load import load


def _script(name: str) -> ModuleType:
    folder = str(ROOT / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)  # speed.py imports its sibling generate.py
    spec = importlib.util.spec_from_file_location(
        f"benchmark_{name}", ROOT / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generated_claims_are_valid_and_deterministic(tmp_path: Path) -> None:
    generate = _script("generate").generate
    files = generate(tmp_path / "a", 55, per_story=10)
    again = generate(tmp_path / "b", 55, per_story=10)
    assert [f.read_bytes() for f in files] == [f.read_bytes() for f in again]
    result = load([tmp_path / "a"])
    assert result.findings == ()
    assert len(result.stories) == 6
    assert sum(len(s.claims) for s in result.stories) == 55
    assert sum(len(s.statements) for s in result.stories) == 55


def test_speed_runner_runs_every_command(tmp_path: Path) -> None:
    runs = _script("speed").measure(20, repeat=1, per_story=10, keep=tmp_path)
    assert set(runs) == {"floor", "validate", "check"}
    assert all(run.status == 0 for run in runs.values())
    assert all(run.peak_mib > 0 for run in runs.values())


def test_speed_names_the_build_it_times() -> None:
    speed = _script("speed")
    # The tests run on the pure (editable) build.
    assert speed.build_of(speed.tracker_command()) == "pure"
