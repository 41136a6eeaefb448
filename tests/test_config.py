"""Settings: found in one place, unknown or malformed settings are usage errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import CLAIMS
from tracker.config import DEFAULT, ConfigError, load_config


def test_defaults_without_any_file(tmp_path: Path) -> None:
    assert load_config(cwd=tmp_path) == DEFAULT


def test_tracker_yaml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.tracker]\nscope = 'story'\n")
    (tmp_path / "tracker.yaml").write_text("scope: all\n")
    assert load_config(cwd=tmp_path).scope == "all"


def test_pyproject_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.tracker]\nscope = 'all'\naliases = [['selfie camera', 'front camera']]\n"
    )
    config = load_config(cwd=tmp_path)
    assert config.scope == "all"
    assert config.aliases == (("selfie camera", "front camera"),)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("tracker.yaml", "scop: all\n", "unknown setting 'scop' (did you mean 'scope'?)"),
        ("tracker.yaml", "scope: all\nscope: story\n", "tracker.yaml:2:1: duplicate key 'scope'"),
        ("tracker.yaml", "scope: [\n", "tracker.yaml:1:8:"),
        ("tracker.yaml", "scope: everywhere\n", "'scope' must be 'story' or 'all'"),
        ("tracker.yaml", "- scope\n", "expected a mapping of settings"),
        ("tracker.yaml", "candidate_score: yes\n", "'candidate_score' must be a number"),
        ("tracker.yaml", "aliases: [[one]]\n", "'aliases' must be a list of groups"),
        ("pyproject.toml", 'tool = "x"\n', "'tool' must be a table"),
        ("pyproject.toml", "[tool.tracker\n", "cannot read configuration"),
    ],
)
def test_bad_settings_are_errors(tmp_path: Path, name: str, text: str, message: str) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    assert message in str(caught.value)


def test_bad_config_exits_2_without_a_traceback(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n')
    result = run("check", str(CLAIMS))
    assert result.exit_code == 2
    assert result.output.startswith("tracker: error: pyproject.toml: 'tool' must be a table")


def test_explicit_config_file_must_exist(run: Callable[..., Result]) -> None:
    result = run("check", str(CLAIMS), "--config", "no-such.yaml")
    assert result.exit_code == 2
    assert "config file not found" in result.output
