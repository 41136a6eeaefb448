"""Report files: never over a story file, never half-written."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import CLAIMS


@pytest.fixture
def claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CLAIMS, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "claims"


def test_refuses_to_write_a_report_over_a_story_file(
    run: Callable[..., Result], claims: Path
) -> None:
    story = claims / "xiaomi-leica-2022.yaml"
    before = story.read_bytes()
    result = run("check", "-o", f"json={story}")
    assert result.exit_code == 2
    assert "story files" in result.output
    assert story.read_bytes() == before


def test_refuses_a_folder_and_leaves_no_partial_file(
    run: Callable[..., Result], claims: Path
) -> None:
    (claims.parent / "report").mkdir()
    result = run("check", "-o", "html=report")
    assert result.exit_code == 2
    assert "is a folder" in result.output
    assert not list(claims.parent.glob("*.partial"))


def test_fail_on_says_why_the_run_failed(run: Callable[..., Result], claims: Path) -> None:
    result = run("check", "--format", "text", "--fail-on", "rumoured")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith("--fail-on rumoured: ")
    assert result.output.splitlines()[-1].endswith("(exit code 1)")


def test_every_output_is_written_by_one_run(run: Callable[..., Result], claims: Path) -> None:
    result = run(
        "check",
        "--format",
        "text",
        "-o",
        "json=out/r.json",
        "-o",
        "markdown=out/s.md",
        "-o",
        "html=out/index.html",
        "-o",
        "junit=out/junit.xml",
    )
    assert result.exit_code == 0
    assert sorted(p.name for p in (claims.parent / "out").iterdir()) == [
        "index.html",
        "junit.xml",
        "r.json",
        "s.md",
    ]


def test_progress_bar_draws_only_after_a_delay(capsys: pytest.CaptureFixture[str]) -> None:
    from tracker.cli import _ProgressBar

    ticks = iter([0.5, 2.0, 2.05, 3.0])
    bar = _ProgressBar()
    bar._clock = lambda: next(ticks)
    bar._start = 0.0
    bar("read", 1, 4)  # 0.5 s: too early to draw
    assert capsys.readouterr().err == ""
    bar("read", 2, 4)  # 2.0 s: drawn
    bar("read", 3, 4)  # 2.05 s: throttled
    bar("read", 4, 4)  # finished: drawn, then a newline
    err = capsys.readouterr().err
    assert err.count("\r") == 2
    assert "2/4" in err and "3/4" not in err and err.endswith("4/4\n")


def test_no_progress_bar_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.cli import _progress

    monkeypatch.setenv("CI", "true")
    assert _progress() is None
