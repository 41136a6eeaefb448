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
