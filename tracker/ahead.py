"""Judging while loading: worker processes judge their share of the files meanwhile.

In a large run the main process would load every story file before any matching
starts, with the other CPUs idle. Instead, right after the files are found, forked
workers each read their own contiguous share of the files and judge those stories,
while the main process loads and validates every file as usual (so its stories and
findings are exactly a serial run's), then judges the stories of its own, smaller
share (it loads the others too). A worker sends back its verdicts as plain tuples by
file, with a fingerprint of the story's claims and statements; the main process takes
them only for a story its own load built identically, and judges any other itself (a
file edited between the two reads), so the output is the serial run's, byte for byte.

Only the default scope splits this way (stories are then judged independently); small
runs and the "all" scope judge after loading, as `tracker.match.judge` does.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tracker.config import Config
from tracker.gcpause import paused_gc
from tracker.load import Sources, read_stories
from tracker.match import VerdictFields, judge, pack, unpack
from tracker.match.batch import cut, forked, workers_for_claims
from tracker.model import Story
from tracker.result import Verdict
from tracker.yamlread import Limits

# About how many bytes of YAML a claim takes, with its share of the statements: the
# size of a run is known from its files before they are read.
BYTES_PER_CLAIM = 300
# Loading a story file costs about this share of judging it. The main process loads
# every file, so its share of the judging is that much smaller than a worker's.
LOAD_SHARE = 0.14

Judge = Callable[[Sequence[Story]], list[Verdict]]
# What a worker sends back (marshalled, see `tracker.match.pack`): by file, the
# story's fingerprint and its packed verdicts.
Judged = dict[str, tuple[int, list[VerdictFields]]]


@contextmanager
def judging_ahead(found: Sources, config: Config, limits: Limits) -> Iterator[Judge]:
    """Start workers on their share of the files `found`; yields the function that
    gives the verdicts of the loaded stories, taking the workers' where it can.

    Call it with the stories loaded from `found` (in their order): it returns one
    verdict per claim, in story order, as `judge(stories, config)` does.
    """
    files = found.files()
    sizes = [_size(path) for _, path in files]
    workers = 1
    if config.scope == "story":
        workers = workers_for_claims(sum(sizes) // BYTES_PER_CLAIM)
    if workers <= 1:
        yield lambda stories: judge(stories, config)
        return
    parts = [files[part] for part in cut(sizes, _shares(workers))]

    def work(n: int) -> bytes:
        return marshal.dumps(_judge_files(found, parts[n], config, limits))

    with forked(work, range(1, len(parts))) as pending:
        own = frozenset(shown for shown, _ in parts[0])
        yield lambda stories: _collect(stories, config, own, pending)


def _shares(processes: int) -> list[float]:
    """Shares of the files for the main process, then each worker, so that all finish
    together: a worker loads and judges its share w, the main process loads every file
    and judges the rest, so with judging k = 1 / LOAD_SHARE times the cost of loading,
    (1 + k) w = 1 + k (1 - (processes - 1) w)."""
    k = 1 / LOAD_SHARE
    worker = (1 + k) / (1 + processes * k)
    return [1 - (processes - 1) * worker] + [worker] * (processes - 1)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the loader reports why


def fingerprint(story: Story) -> int:
    """What a story's verdicts depend on, hashed (forked processes hash alike)."""
    return hash((story.claims, story.statements))


def _judge_files(
    found: Sources, files: Sequence[tuple[str, Path]], config: Config, limits: Limits
) -> Judged:
    """A worker's job: read `files`, judge their stories, pack the verdicts by file."""
    stories = read_stories(found, files, limits)
    verdicts = judge(stories, config, workers=1)
    out: Judged = {}
    at = 0
    with paused_gc():  # packing makes many small tuples, and no cycles
        for story in stories:
            count = len(story.claims)
            out[story.path] = (fingerprint(story), pack(verdicts[at : at + count]))
            at += count
    return out


def _collect(
    stories: Sequence[Story], config: Config, own: frozenset[str], pending: list[Any]
) -> list[Verdict]:
    """Verdicts of `stories`: those of the files in `own` judged here first, then the
    workers' for the others (judged here too where a worker's story differs)."""
    found: dict[int, list[Verdict]] = {}
    mine = [n for n, story in enumerate(stories) if story.path in own]
    _judge_here(stories, mine, config, found)
    # The workers' verdicts make a million small objects, which the collector would
    # scan with the whole loaded run again and again.
    with paused_gc():
        fetched: Judged = {}
        for job in pending:
            fetched.update(marshal.loads(job.get()))
        again = []
        for n, story in enumerate(stories):
            if n in found:
                continue
            judged = fetched.get(story.path)
            if judged is not None and judged[0] == fingerprint(story):
                found[n] = unpack([story], judged[1])
            else:
                again.append(n)
    _judge_here(stories, again, config, found)
    return [verdict for n in range(len(stories)) for verdict in found[n]]


def _judge_here(
    stories: Sequence[Story], which: list[int], config: Config, out: dict[int, list[Verdict]]
) -> None:
    """Judge the stories at `which` in this process, into `out` by position."""
    verdicts = judge([stories[n] for n in which], config, workers=1)
    at = 0
    for n in which:
        count = len(stories[n].claims)
        out[n] = verdicts[at : at + count]
        at += count
