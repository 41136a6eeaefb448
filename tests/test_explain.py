"""`tracker explain` shows candidates, key terms, matches, conflicts and the why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import CLAIMS
from tracker.config import Config
from tracker.explain import ExplainError, explain_claim


def test_explain_front_camera_shows_the_conflict() -> None:
    text = explain_claim([CLAIMS], "xiaomi-leica-2022/front-camera", Config())
    assert "status:    contradicted" in text
    assert "key terms:  20MP" in text
    assert "contradicts xiaomi-leica-2022/ultra-cameras" in text
    assert "conflicts: front camera: claim 20MP, statement 32MP" in text
    assert (
        text.rstrip().splitlines()[-1].startswith("  contradicted: xiaomi-leica-2022/ultra-cameras")
    )


def test_explain_lists_every_candidate_with_a_score() -> None:
    text = explain_claim([CLAIMS], "xiaomi-leica-2022/chip", Config())
    assert "supports xiaomi-leica-2022/ultra-chip  score" in text
    assert "matched:   Snapdragon 8+ Gen 1" in text
    assert "confirmed: xiaomi-leica-2022/ultra-chip covers all of it" in text


def test_explain_reports_a_manual_override() -> None:
    text = explain_claim([CLAIMS], "xiaomi-leica-2022/licensing-only", Config())
    assert "manual verdict overrides the engine" in text


def test_unknown_reference_suggests_the_nearest() -> None:
    with pytest.raises(ExplainError, match="did you mean 'xiaomi-leica-2022/chip'"):
        explain_claim([CLAIMS], "xiaomi-leica-2022/chips", Config())


def test_explain_command(run: Callable[..., Result]) -> None:
    result = run("explain", "xiaomi-leica-2022/model-name", str(CLAIMS))
    assert result.exit_code == 0
    assert "claim Xiaomi 12 Ultra, statement Xiaomi 12S Ultra" in result.output


def test_explain_names_the_input_errors_that_hide_a_claim(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "s.yaml").write_text(
        "story: S\nclaims:\n  - id: x\n    text: A claim\n    reason: yes\n", encoding="utf-8"
    )
    result = run("explain", "s/x", str(tmp_path))
    assert result.exit_code == 2
    assert "no claim 's/x'" in result.output
    assert "s.yaml:5:13: error [type]" in result.output
