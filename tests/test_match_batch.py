"""Running the engine in chunks and worker processes gives the serial run's verdicts."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path

import pytest

from tracker.config import Config
from tracker.gcpause import paused_gc
from tracker.load import load
from tracker.match import batch, judge
from tracker.model import Story

CLAIMS = Path(__file__).resolve().parent.parent / "claims"


def stories() -> Sequence[Story]:
    loaded = load([CLAIMS])
    assert loaded.stories
    return loaded.stories


def test_chunks_keep_every_story_once_in_order() -> None:
    found = stories()
    for parts in (1, 2, 3, 7):
        pieces = batch.chunks(found, parts)
        assert 1 <= len(pieces) <= parts
        assert all(pieces)
        assert [s.id for piece in pieces for s in piece] == [s.id for s in found]


def test_map_chunks_returns_items_in_story_order() -> None:
    found = stories()

    def ids(chunk: Sequence[Story]) -> list[str]:
        return [claim.ref for story in chunk for claim in story.claims]

    expected = ids(found)
    for workers in (1, 2, 3):
        assert batch.map_chunks(ids, found, workers) == expected


def test_worker_processes_give_the_serial_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    serial = judge(stories(), Config())
    monkeypatch.setattr(batch, "PARALLEL_MINIMUM", 1)
    monkeypatch.setattr(batch, "_cpus", lambda: 2)
    assert batch.workers_for(stories()) == 2
    assert judge(stories(), Config()) == serial


def test_small_runs_stay_serial() -> None:
    assert batch.workers_for(stories()) == 1


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_daemonic_process_stays_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    class Daemon:
        daemon = True

    monkeypatch.setattr(batch, "PARALLEL_MINIMUM", 1)
    monkeypatch.setattr(batch, "_cpus", lambda: 2)
    monkeypatch.setattr(batch.multiprocessing, "current_process", lambda: Daemon())
    assert batch.workers_for(stories()) == 1


def test_paused_gc_leaves_nothing_frozen_and_keeps_what_others_froze() -> None:
    gc.unfreeze()  # a CLI run in this process leaves its result frozen
    with paused_gc():
        made = [[n] for n in range(100)]
    assert gc.get_freeze_count() == 0
    assert made[99] == [99]
    gc.freeze()
    try:
        with paused_gc():
            made = [[n] for n in range(100)]
        assert gc.get_freeze_count() > 0  # not unfrozen
    finally:
        gc.unfreeze()
