"""The loader: which files it finds, how it names them, and progress reporting."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CLAIMS
from tracker.load import InputError, discover, load
from tracker.yamlread import read_bounded


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
    assert "broken symbolic link" in result.findings[0].message
    assert [s.id for s in result.stories] == ["fine"]


def _story(path: Path, title: str = "Fine") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"story: {title}\nclaims:\n  - id: a\n    text: One.\n"
        "    source: A leaker\n    reported: 2022-05-01\n"
    )
    return path


def test_a_file_growing_past_its_stated_size_is_cut_at_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file may report a small size and then keep growing (or lie, like /proc):
    # the reader never takes more than the cap plus one byte from it.
    story = _story(tmp_path / "grows.yaml")
    real_fstat = os.fstat

    def small(descriptor: int) -> os.stat_result:
        status = real_fstat(descriptor)
        return os.stat_result((*status[:6], 1, *status[7:]))

    monkeypatch.setattr(os, "fstat", small)
    assert read_bounded(story, 10) == ("too-large", "file is over the 10-byte cap; not read")
    assert read_bounded(story, 10_000) == story.read_bytes()


def test_a_file_swapped_for_a_fifo_after_the_check_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opening with O_NONBLOCK and checking the open file again: no hang, no read.
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    real_stat = os.stat
    regular = real_stat(_story(tmp_path / "fine.yaml"))
    monkeypatch.setattr(os, "stat", lambda path, **kw: regular if path == pipe else real_stat(path))
    assert read_bounded(pipe, 1000) == (
        "io",
        "not a regular file: it is a FIFO (named pipe); not read",
    )


def test_unreadable_folder_is_a_finding_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _story(tmp_path / "claims" / "fine.yaml")
    _story(tmp_path / "claims" / "locked" / "inner.yaml")
    real_scandir = os.scandir

    def denied(path: Any = ".") -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    monkeypatch.chdir(tmp_path)
    result = load(["claims"])
    assert [str(f) for f in result.findings] == [
        "claims/locked:1:1: error [io] cannot read folder: Permission denied; "
        "the files in it were not checked"
    ]
    assert [s.id for s in result.stories] == ["fine"]


def test_an_unreadable_root_folder_is_a_finding_not_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scandir = os.scandir

    def denied(path: Any = ".") -> Any:
        if os.path.realpath(path) == str(tmp_path.resolve()):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    monkeypatch.chdir(tmp_path)
    result = load(["."])
    assert [(f.path, f.code) for f in result.findings] == [(".", "io")]


def test_links_to_folders_never_loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _story(tmp_path / "claims" / "a" / "one.yaml")
    (tmp_path / "claims" / "a" / "up").symlink_to("..")
    (tmp_path / "claims" / "a" / "self").symlink_to(".")
    (tmp_path / "claims" / "b").symlink_to("a")
    (tmp_path / "claims" / "b-again").symlink_to("b")
    monkeypatch.chdir(tmp_path)
    result = load(["claims"])
    assert result.findings == ()
    assert result.files == ("claims/a/one.yaml",)


def test_links_are_judged_against_every_path_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _story(tmp_path / "archive" / "old.yaml")
    _story(tmp_path / "claims" / "new.yaml")
    (tmp_path / "claims" / "2022").symlink_to("../archive")
    (tmp_path / "claims" / "copy.yaml").symlink_to("../archive/old.yaml")
    monkeypatch.chdir(tmp_path)
    assert {f.code for f in load(["claims"]).findings} == {"link-outside"}
    # Given on the command line, the archive is inside the paths: nothing is refused,
    # and each of its files is read once, where it really is (not again as the link).
    both = load(["claims", "archive"])
    assert both.findings == ()
    assert both.files == ("archive/old.yaml", "claims/new.yaml")
    assert [s.id for s in both.stories] == ["old", "new"]
    # A file given by name may link to a file beside it, not elsewhere.
    (tmp_path / "claims" / "same.yaml").symlink_to("new.yaml")
    same = load(["claims/same.yaml"])
    assert (same.findings, same.files) == ((), ("claims/same.yaml",))
    assert [f.code for f in load(["claims/copy.yaml"]).findings] == ["link-outside"]


def test_a_story_id_with_a_newline_is_refused(tmp_path: Path) -> None:
    story = _story(tmp_path / "two\nlines.yaml")
    result = load([story])
    assert [(f.line, f.column, f.code) for f in result.findings] == [(1, 1, "bad-id")]
    assert "'two\\nlines'" in result.findings[0].message
    assert result.stories == ()


def test_a_fifo_named_on_the_command_line_is_a_finding_not_a_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    result = load([pipe])
    assert [(f.line, f.column, f.code) for f in result.findings] == [(1, 1, "io")]
    assert result.findings[0].message == "not a regular file: it is a FIFO (named pipe); not read"
