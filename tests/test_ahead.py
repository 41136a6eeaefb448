"""Workers reading and judging a share of the files give the serial run's result."""

from __future__ import annotations

import marshal
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from tracker import ahead
from tracker.check import check
from tracker.config import Config
from tracker.finding import Finding, Level
from tracker.load import Sources, load_sources
from tracker.match import batch
from tracker.model import Status, Story
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


def test_workers_reading_and_judging_give_the_serial_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serial = check([CLAIMS], Config())
    _parallel(monkeypatch)
    taken: list[str] = []
    real = ahead.Ahead.judge

    def judge(self: ahead.Ahead, stories: Sequence[Story]) -> list[Verdict]:
        taken.extend(self.taken)
        return real(self, stories)

    monkeypatch.setattr(ahead.Ahead, "judge", judge)
    parallel = check([CLAIMS], Config())
    assert parallel.verdicts == serial.verdicts
    assert parallel.findings == serial.findings
    assert parallel.stories == serial.stories
    assert taken  # a worker read (and judged) some of the files


def _fail(*args: object) -> object:
    raise RuntimeError("a worker fails")


@pytest.mark.parametrize(
    "where",
    [
        "_work",  # before reading anything
        "pack",  # after sending the stories it read
        "_plain_story",  # reading, then sending
    ],
)
def test_the_main_process_does_a_failed_workers_share(
    monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    serial = check([CLAIMS], Config())
    _parallel(monkeypatch)
    monkeypatch.setattr(ahead, where, _fail)
    parallel = check([CLAIMS], Config())
    assert parallel.verdicts == serial.verdicts
    assert parallel.findings == serial.findings


def test_a_value_marshal_cannot_write_is_read_by_the_main_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serial = check([CLAIMS], Config())
    _parallel(monkeypatch)
    monkeypatch.setattr(ahead, "_plain_story", lambda story: object())
    assert check([CLAIMS], Config()).verdicts == serial.verdicts


def test_the_all_scope_and_small_runs_load_then_judge(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork(*args: object) -> None:
        raise AssertionError("no worker should start")

    serial = _serial()
    monkeypatch.setattr(ahead.multiprocessing, "get_context", no_fork)
    assert check([CLAIMS], Config()).verdicts == serial
    _parallel(monkeypatch)
    assert check([CLAIMS], Config(scope="all")).verdicts


def test_stories_and_findings_travel_as_plain_values() -> None:
    loaded = load_sources(Sources([CLAIMS]))
    story = loaded.stories[0]
    claim = replace(
        story.claims[0],
        subject="S",
        attribute="a",
        value="v",
        url="https://example.com",
        verdict=Status.CONTRADICTED,
        reason="r",
    )
    for item in (*loaded.stories, replace(story, claims=(claim,))):
        plain = ahead._plain_story(item)
        assert plain is not None
        assert ahead._story(*marshal.loads(marshal.dumps(plain))) == item
    finding = Finding("a.yaml", 3, 5, Level.WARNING, "unsourced", "message")
    assert ahead._finding(*ahead._plain_finding(finding)) == finding


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


def test_a_worker_whose_files_are_all_refused_disturbs_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serial = check([CLAIMS], Config())
    _parallel(monkeypatch)
    real = Sources.__init__

    def refuse_the_last(self: Sources, paths: Sequence[object]) -> None:
        real(self, paths)  # type: ignore[arg-type]
        shown = self.files()[-1][0]
        self.refused[shown] = Finding(shown, 1, 1, Level.ERROR, "link-outside", "refused")

    monkeypatch.setattr(Sources, "__init__", refuse_the_last)
    parallel = check([CLAIMS], Config())
    assert len(parallel.verdicts) < len(serial.verdicts)
    assert set(parallel.verdicts) <= set(serial.verdicts)
