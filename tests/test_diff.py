"""`tracker diff` on a small git repository built in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tracker.report.changes import MARKER

STORY = """\
story: A phone launch
subject: the phone
claims:
  - id: chip
    text: The phone will use the X1 chip.
    source: Leaker A
  - id: price
    text: The phone will cost $499.
    source: Leaker B
  - id: colour
    text: The phone comes in blue.
{extra}statements:
  - id: launch
    text: The phone launched with the X1 chip.
    date: 2024-05-01
"""

OTHER = """\
story: Another story
claims:
  - id: gone
    text: This claim is removed in the pull request.
"""


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit is the base; the working tree is the PR."""
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "phone.yaml").write_text(STORY.format(extra=""), encoding="utf-8")
    (claims / "other.yaml").write_text(OTHER, encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("not: a story\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    # The pull request: a manual verdict changes a status, a claim is added, one is
    # reworded and a file is deleted.
    changed = STORY.format(extra="  - id: battery\n    text: It has a 5000mAh battery.\n").replace(
        "    source: Leaker B\n",
        "    source: Leaker B\n    verdict: contradicted\n    reason: It costs $599.\n",
    )
    changed = changed.replace("comes in blue.", "comes in deep blue.")
    (claims / "phone.yaml").write_text(changed, encoding="utf-8")
    (claims / "other.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_against_a_git_ref(run: Callable[..., Result], repo: Path) -> None:
    result = run("diff", "main")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Compared with main: 1 status change, 1 added, 1 removed, 1 reworded"
    )
    assert "  rumoured -> contradicted  phone/price  The phone will cost $499." in result.output
    assert "phone/battery" in result.output.split("added:")[1].split("removed:")[0]
    assert "other/gone" in result.output.split("removed:")[1]
    assert "(claims/other.yaml:3)" in result.output  # the base's path, not a temp folder
    assert "phone/colour" in result.output.split("reworded:")[1]
    assert "phone/chip" not in result.output
    assert run("diff", "main").output == result.output  # deterministic


def test_diff_markdown_is_a_comment(run: Callable[..., Result], repo: Path) -> None:
    result = run("diff", "main", "--format", "markdown")
    lines = result.output.splitlines()
    assert lines[0] == MARKER
    assert "| ⏳ rumoured → ❌ contradicted | phone/price | The phone will cost \\$499. |" in lines
    assert "#### Added (1)" in lines and "#### Removed (1)" in lines
    failing = run("diff", "main", "--format", "markdown", "--fail-on", "contradicted")
    assert "❌ --fail-on contradicted: 1 claim newly has that status." in failing.output


def test_diff_json_and_output_file(run: Callable[..., Result], repo: Path) -> None:
    result = run("diff", "main", "--format", "json", "--output", "out/diff.json")
    assert result.exit_code == 0 and result.output == ""
    data = json.loads((repo / "out/diff.json").read_text(encoding="utf-8"))
    assert [c["ref"] for c in data["changed"]] == ["phone/price"]
    assert data["changed"][0]["before"] == "rumoured"
    assert data["unchanged"] == 1


def test_fail_on_a_new_status(run: Callable[..., Result], repo: Path) -> None:
    assert run("diff", "main", "--fail-on", "contradicted").exit_code == 1
    assert run("diff", "main", "--fail-on", "confirmed").exit_code == 0


def test_diff_against_a_saved_report(run: Callable[..., Result], repo: Path) -> None:
    _git(repo, "stash", "-q")
    saved = run("check", "--format", "text", "-o", "json=base.json")
    assert saved.exit_code == 0
    _git(repo, "stash", "pop", "-q")
    via_report = run("diff", "base.json")
    via_git = run("diff", "main")
    assert via_report.output.replace("base.json", "main") == via_git.output


def test_no_changes(run: Callable[..., Result], repo: Path) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "pr")
    result = run("diff", "HEAD", "--format", "markdown")
    assert result.exit_code == 0
    assert "No claim changed (4 claims as before)." in result.output


def test_paths_missing_at_the_base_count_as_added(run: Callable[..., Result], repo: Path) -> None:
    (repo / "more").mkdir()
    (repo / "more" / "new.yaml").write_text(OTHER, encoding="utf-8")
    result = run("diff", "main", "more")
    assert result.exit_code == 0
    assert "0 status changes, 1 added, 0 removed" in result.output


@pytest.mark.parametrize(
    ("base", "message"),
    [
        ("no-such-ref", "neither a git commit here nor a saved JSON report"),
        ("--upload-pack=x", "neither a git commit here nor a saved JSON report"),
    ],
)
def test_bad_base_is_a_usage_error(
    run: Callable[..., Result], repo: Path, base: str, message: str
) -> None:
    result = run("diff", "--", base) if base.startswith("-") else run("diff", base)
    assert result.exit_code == 2
    assert message in result.output


def test_a_file_that_is_not_a_report(run: Callable[..., Result], repo: Path) -> None:
    result = run("diff", "notes.yaml")
    assert result.exit_code == 2
    assert "not a readable JSON report" in result.output


def test_help_documents_the_base_and_exit_codes(run: Callable[..., Result]) -> None:
    result = run("diff", "--help")
    assert result.exit_code == 0
    assert "git ref" in result.output and "JSON report" in result.output
    assert "Exit codes" in result.output


def test_a_git_ref_wins_over_a_forged_report_file(run: Callable[..., Result], repo: Path) -> None:
    # A pull request could add a file named like the base ref holding a forged report.
    forged = run("check", "--format", "json").output
    (repo / "main").write_text(forged, encoding="utf-8")
    result = run("diff", "main")
    assert result.output.splitlines()[0] == (
        "Compared with main: 1 status change, 1 added, 1 removed, 1 reworded"
    )


def test_diff_from_a_subfolder_is_the_same(
    run: Callable[..., Result], repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    result = run("diff", "main", "../claims")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Compared with main: 1 status change, 1 added, 1 removed, 1 reworded"
    )
