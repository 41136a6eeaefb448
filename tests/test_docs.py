"""The documentation is part of the product: every command is helped and documented."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

import click
import pytest
from click.testing import Result

from tests.conftest import ROOT
from tracker.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str, run: Callable[..., Result]) -> None:
    command = main.commands[name]
    assert command.help and len(command.help.strip()) > 20
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Exit codes" in result.output
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_readme(name: str) -> None:
    assert f"tracker {name}" in README


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "tracker check" in commands[0]
    assert "pytest" in commands[1]


def _inline_tracker_commands() -> list[str]:
    found = re.findall(r"`(tracker [a-z]+[^`]*)`", README)
    return sorted(
        {c for c in found if "PATHS" not in c and "STORY/ID" not in c and "BASE" not in c}
    )


@pytest.mark.parametrize("command", _inline_tracker_commands())
def test_readme_tracker_commands_run(
    command: str, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    # origin/main exists only in a clone; HEAD is the same kind of base everywhere.
    args = [("HEAD" if a == "origin/main" else a) for a in shlex.split(command)[1:]]
    if args[0] == "check" and "--output" in args:
        pytest.skip("writes files; covered by the report tests")
    result = run(*args)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def test_readme_settings_table_matches_the_defaults() -> None:
    from dataclasses import fields

    from tracker.config import DEFAULT, Config

    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `([a-z_]+)` \| `?([^`|]+?)`? \|", section, flags=re.M))
    documented = {f.name for f in fields(Config) if f.name != "source"}
    assert set(rows) == documented
    for name, shown in rows.items():
        value = getattr(DEFAULT, name)
        if name == "aliases":
            assert shown == "none" and value == ()
        else:
            assert float(shown) == float(value) if not isinstance(value, str) else shown == value
