"""Judging while loading gives the serial run's verdicts, whatever the workers read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from tracker import ahead
from tracker.check import check
from tracker.config import Config
from tracker.load import Sources
from tracker.match import batch
from tracker.model import Story
from tracker.result import Verdict

CLAIMS = Path(__file__).resolve().parent.parent / "claims"


def _parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make even the shipped three stories a run worth a worker process."""
    monkeypatch.setattr(batch, "PARALLEL_MINIMUM", 1)
    monkeypatch.setattr(batch, "_cpus", lambda: 2)
    monkeypatch.setattr(ahead, "BYTES_PER_CLAIM", 1)


def _serial() -> tuple[Verdict, ...]:
    verdicts = check([CLAIMS], Config()).verdicts
    assert verdicts
    return verdicts


def test_workers_judging_ahead_give_the_serial_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    serial = _serial()
    _parallel(monkeypatch)
    taken: list[str] = []
    real = ahead._collect

    def collect(stories: Sequence[Story], *args: object) -> list[Verdict]:
        taken.extend(story.id for story in stories)
        return real(stories, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ahead, "_collect", collect)
    assert check([CLAIMS], Config()).verdicts == serial
    assert taken  # the workers' path was taken


def test_a_story_read_differently_by_a_worker_is_judged_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serial = _serial()
    _parallel(monkeypatch)
    real = ahead.read_stories

    def edited(*args: object) -> list[Story]:
        # As if each file were edited between the worker's read and the main load.
        stories = real(*args)  # type: ignore[arg-type]
        return [
            replace(s, claims=tuple(replace(c, text=c.text + " not") for c in s.claims))
            for s in stories
        ]

    monkeypatch.setattr(ahead, "read_stories", edited)
    assert check([CLAIMS], Config()).verdicts == serial


def test_the_all_scope_and_small_runs_judge_after_loading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork(*args: object) -> None:
        raise AssertionError("no worker should start")

    monkeypatch.setattr(ahead, "forked", no_fork)
    assert check([CLAIMS], Config()).verdicts == _serial()
    _parallel(monkeypatch)
    assert check([CLAIMS], Config(scope="all")).verdicts


def test_shares_let_the_main_process_load_every_file() -> None:
    shares = ahead._shares(2)
    assert sum(shares) == pytest.approx(1.0)
    assert shares[0] < shares[1]  # it loads the workers' files too
    assert ahead._shares(1) == [pytest.approx(1.0)]


def test_cut_keeps_every_item_once_in_order() -> None:
    weights = [3, 1, 4, 1, 5, 9, 2, 6]
    for shares in ([1.0], [0.5, 0.5], [0.2, 0.4, 0.4], [0.25] * 4, [0.1] * 10):
        parts = batch.cut(weights, shares)
        assert 1 <= len(parts) <= len(shares)
        covered = [n for part in parts for n in range(part.start, part.stop)]
        assert covered == list(range(len(weights)))
    assert batch.cut([], [0.5, 0.5]) == []


def test_sources_found_once_list_the_files() -> None:
    found = Sources([CLAIMS])
    assert [path.name for _, path in found.files()] == sorted(p.name for p in CLAIMS.iterdir())


def test_a_story_id_used_twice_is_judged_once_as_in_a_serial_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
    text = (CLAIMS / "xiaomi-leica-2022.yaml").read_text(encoding="utf-8")
    (tmp_path / "a" / "xiaomi-leica-2022.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "xiaomi-leica-2022.yaml").write_text(text, encoding="utf-8")
    for path in CLAIMS.iterdir():
        (tmp_path / "c" / path.name).write_text(path.read_text(encoding="utf-8"), "utf-8")
    serial = check([tmp_path], Config())
    assert any(f.code == "duplicate-story" for f in serial.findings)
    _parallel(monkeypatch)
    parallel = check([tmp_path], Config())
    assert parallel.verdicts == serial.verdicts
    assert parallel.findings == serial.findings
