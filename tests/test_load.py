"""The loader: which files it finds, how it names them, and progress reporting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import CLAIMS
from tracker.load import InputError, discover, load


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """claims/ with a nested folder, a hidden folder, a config file and a non-YAML file."""
    root = tmp_path / "claims"
    shutil.copytree(CLAIMS, root / "phones")
    (root / "phones" / "nested").mkdir()
    shutil.copy(CLAIMS / "switch-oled-2021.yaml", root / "phones" / "nested" / "switch.yml")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skip.yaml").write_text("story: hidden\n")
    (root / "tracker.yaml").write_text("scope: story\n")
    (root / "notes.txt").write_text("not yaml\n")
    return root


def test_discover_finds_yaml_and_yml_but_not_hidden_or_config(tree: Path) -> None:
    found = [p.relative_to(tree).as_posix() for p in discover([tree])]
    assert found == [
        "phones/iphone-14-pro-2022.yaml",
        "phones/nested/switch.yml",
        "phones/switch-oled-2021.yaml",
        "phones/xiaomi-leica-2022.yaml",
    ]


def test_display_paths_are_relative_to_the_working_folder(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree.parent)
    assert load(["claims"]).files == load([tree]).files == load(["./claims/"]).files
    assert load(["claims"]).files[1] == "claims/phones/nested/switch.yml"
    monkeypatch.chdir(tree / "phones")
    assert load(["."]).files[0] == "iphone-14-pro-2022.yaml"
    assert load([".."]).files[0] == "../phones/iphone-14-pro-2022.yaml"
    # Overlapping arguments name each file once.
    assert load([".", "nested", "nested/switch.yml"]).files == load(["."]).files


def test_missing_path_and_empty_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="path does not exist"):
        load([tmp_path / "nope"])
    with pytest.raises(InputError, match=r"no \.yaml or \.yml files found"):
        load([tmp_path])


def test_a_file_given_by_name_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("story: Plain text suffix\n")
    result = load([story])
    assert [s.id for s in result.stories] == ["story"]


def test_progress_reports_every_file_in_order(tree: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    result = load([tree], progress=lambda *call: calls.append(call))
    total = len(result.files)
    assert calls == [("read", done, total) for done in range(total + 1)]


def test_progress_counts_bad_files_too(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("story: [\n")
    (tmp_path / "b.yaml").write_text("story: Fine\n")
    calls: list[tuple[str, int, int]] = []
    result = load([tmp_path], progress=lambda *call: calls.append(call))
    assert calls[-1] == ("read", 2, 2)
    assert [s.id for s in result.stories] == ["b"]


def test_unreadable_file_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "missing-target.yaml")
    (tmp_path / "fine.yaml").write_text("story: Fine\n")
    result = load([tmp_path])
    assert [(f.line, f.column, f.code) for f in result.findings] == [(1, 1, "io")]
    assert "cannot read file" in result.findings[0].message
    assert [s.id for s in result.stories] == ["fine"]
