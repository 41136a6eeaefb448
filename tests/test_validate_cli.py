"""`tracker validate` and the CLI surface: exit codes, formats, escaping, help."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import Result

from tests.conftest import CLAIMS
from tracker import __version__
from tracker.cli import main

BAD = "story: Bad\nclaims:\n  - id: a\n    text: One.\n    sorce: x\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_claims_exit_0(run: Callable[..., Result]) -> None:
    result = run("validate", str(CLAIMS))
    assert result.exit_code == 0
    assert result.output == "3 files checked, 3 valid, 0 errors\n"


def test_findings_exit_1(run: Callable[..., Result], tmp_path: Path) -> None:
    _write(tmp_path, "bad.yaml", BAD)
    result = run("validate", str(tmp_path / "bad.yaml"))
    assert result.exit_code == 1
    assert f"{(tmp_path / 'bad.yaml').as_posix()}:5:5: error [unknown-field]" in result.output


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_missing_path_exits_2(run: Callable[..., Result], fmt: str) -> None:
    result = run("validate", "--format", fmt, "no/such/folder")
    assert result.exit_code == 2
    assert result.output == "tracker: error: path does not exist: no/such/folder\n"


def test_folder_without_yaml_exits_2(run: Callable[..., Result], tmp_path: Path) -> None:
    _write(tmp_path, "notes.txt", "not yaml")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "no .yaml or .yml files found" in result.output


def test_default_path_is_claims(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(CLAIMS, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    assert run("validate").exit_code == 0
    monkeypatch.chdir(tmp_path / "claims")
    assert run("validate").exit_code == 2  # no claims/ folder here


def test_json_format(run: Callable[..., Result], tmp_path: Path) -> None:
    _write(tmp_path, "bad.yaml", BAD)
    result = run("validate", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["version"] == 1
    assert report["problems"] == [
        {
            "file": (tmp_path / "bad.yaml").as_posix(),
            "line": 5,
            "column": 5,
            "level": "error",
            "code": "unknown-field",
            "message": "unknown field 'sorce' (did you mean 'source'?); allowed: attribute, id, "
            "reason, reported, source, subject, text, url, value, verdict",
        }
    ]


def test_warnings_are_shown_but_do_not_fail_the_run(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    _write(tmp_path, "rumour.yaml", "story: S\nclaims:\n  - id: a\n    text: One.\n")
    text = run("validate", str(tmp_path))
    assert text.exit_code == 0
    assert ":3:5: warning [unsourced] claim 'a' has no 'source' and no 'reported' date" in (
        text.output
    )
    report = json.loads(run("validate", "--format", "json", str(tmp_path)).output)
    assert [(p["level"], p["code"]) for p in report["problems"]] == [("warning", "unsourced")]
    github = run("validate", "--format", "github", str(tmp_path))
    assert github.exit_code == 0
    assert github.output.startswith("::warning file=")


def test_github_format_escapes_messages_and_file_names(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder name with every character GitHub's workflow commands treat specially;
    # the duplicate-story message repeats that path, so both the file= property and
    # the message carry it.
    odd = "p%\r\n:,"
    _write(tmp_path, f"{odd}/launch.yaml", "story: [unclosed\n")
    _write(tmp_path, "q/launch.yaml", "story: First\n")
    _write(tmp_path, "r/launch.yaml", "story: Second\n")
    monkeypatch.chdir(tmp_path)
    result = run("validate", "--format", "github", ".")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "::error file=p%25%0D%0A%3A%2C/launch.yaml,line=1,col=8,endLine=1,"
        "title=tracker syntax::this '[' is never closed: the file ends first",
        "::error file=r/launch.yaml,line=1,col=1,endLine=1,title=tracker duplicate-story::"
        "story id 'launch' is already used by q/launch.yaml; rename one of the files",
    ]
    _write(tmp_path, "q/launch.yaml", "story: [unclosed\n")
    (tmp_path / odd / "launch.yaml").write_text("story: 100% sure\n", encoding="utf-8")
    result = run("validate", "--format", "github", ".")
    lines = result.output.splitlines()
    assert lines[0].startswith("::error file=q/launch.yaml,")
    assert lines[1] == (
        "::error file=r/launch.yaml,line=1,col=1,endLine=1,title=tracker duplicate-story::"
        "story id 'launch' is already used by p%25%0D%0A:,/launch.yaml; rename one of the files"
    )
    assert all(line.startswith("::") for line in lines)


def test_github_actions_selects_github_format(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "bad.yaml", BAD)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    # As `check` does: the readable lines for the log, then annotations for the diff.
    both = run("validate", str(tmp_path)).output.splitlines()
    assert "[unknown-field]" in both[0]
    assert any(line.startswith("::error file=") for line in both)
    text = run("validate", "--format", "text", str(tmp_path)).output
    assert "[unknown-field]" in text and "::error" not in text
    only = run("validate", "--format", "github", str(tmp_path)).output
    assert only.startswith("::error file=")


def test_version(run: Callable[..., Result]) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"tracker, version {__version__}\n"


def _commands() -> list[str]:
    assert isinstance(main, click.Group)
    return sorted(main.commands)


@pytest.mark.parametrize("command", ["", *_commands()])
def test_every_command_has_help(run: Callable[..., Result], command: str) -> None:
    args = [command, "--help"] if command else ["--help"]
    result = run(*args)
    assert result.exit_code == 0
    assert "Usage: " in result.output
    assert "Exit codes:" in result.output
    if command:
        assert main.commands[command].help  # type: ignore[attr-defined]
        for param in main.commands[command].params:  # type: ignore[attr-defined]
            if isinstance(param, click.Option):
                assert param.help, f"{command} {param.opts} has no help text"
