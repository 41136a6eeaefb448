"""The accuracy harness on a tiny fixture: it runs the real `tracker check` and scores it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import DATA, ROOT


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


def test_all_three_runs_score_the_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    accuracy = _harness()
    assert accuracy.main(["--data", str(DATA / "accuracy")]) == 0
    out = capsys.readouterr().out
    assert "rumours-text: accuracy 1.000 on 3 claims; precision on confirmed 1.000" in out
    assert "rumours-structured: accuracy 1.000 on 3 claims" in out
    assert "vitaminc: accuracy 1.000 on 2 claims" in out
    assert "confusion (rows: label, columns: tracker)" in out


def test_score_counts_the_confusion_matrix() -> None:
    accuracy = _harness()
    cases = [
        accuracy.Case("s", "a", "confirmed"),
        accuracy.Case("s", "b", "rumoured"),
    ]
    near = {"statement": "s/x", "detail": "only 40% of the words covered"}
    got = {
        ("s", "a"): {"status": "confirmed", "text": "A", "evidence": [], "near_misses": []},
        ("s", "b"): {"status": "confirmed", "text": "B", "evidence": [near], "near_misses": []},
    }
    result = accuracy.score(cases, got)
    assert result["accuracy"] == 0.5
    assert result["labels"]["confirmed"]["precision"] == 0.5
    assert result["matrix"]["rumoured"]["confirmed"] == 1
    assert result["misses"] == [
        {
            "claim": "s/b",
            "label": "rumoured",
            "status": "confirmed",
            "text": "B",
            "why": "only 40% of the words covered",
        }
    ]


def test_misses_lists_each_wrong_verdict_with_its_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    accuracy = _harness()
    assert accuracy.main(["--data", str(DATA / "accuracy"), "--run", "vitaminc", "--misses"]) == 0
    out = capsys.readouterr().out
    # The fixture is scored right, so the list is empty but still announced.
    assert "misses:\n  (none)" in out


def test_missing_data_is_a_harness_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accuracy = _harness()
    assert accuracy.main(["--data", str(tmp_path)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_split_keeps_every_other_item() -> None:
    accuracy = _harness()
    assert accuracy.split([0, 1, 2, 3], "even") == [0, 2]
    assert accuracy.split([0, 1, 2, 3], "odd") == [1, 3]
