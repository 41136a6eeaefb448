"""Loading and judging in parallel: worker processes take a share of the story files.

In a large run, right after the files are found, forked workers each read their own
contiguous share of the files, send the main process what it needs of them (their
stories and findings, as plain values) and then judge those stories, while the main
process reads its own share and takes the workers' shares from them. The main process
still makes every check across files itself (story ids used twice) in file order, so
its stories and findings are a serial run's; it then judges its own stories and takes
the workers' verdicts for theirs. If a worker fails or cannot send a file, the main
process reads and judges that share itself, so the output is the serial run's, byte
for byte, whatever happens.

Only the default scope splits this way (stories are then judged independently); small
runs and the "all" scope load, then judge, as `tracker.match.judge` does.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from tracker.config import Config
from tracker.finding import Finding, Level
from tracker.gcpause import paused_gc
from tracker.load import Sources, read_story
from tracker.match import judge, pack, unpack
from tracker.match.batch import cut, workers_for_claims
from tracker.model import Claim, Location, Statement, Status, Story
from tracker.result import Verdict
from tracker.yamlread import Limits

# About how many bytes of YAML a claim takes, with its share of the statements: the
# size of a run is known from its files before they are read.
BYTES_PER_CLAIM = 300
# The main process takes this many times a worker's share of the files: a worker also
# packs and sends what it read and judged, which the main process would wait for.
MAIN_SHARE = 1.05

Files = Sequence[tuple[str, Path]]


class Ahead:
    """The main process's side of a run: reads the story files (a worker's share from
    that worker) and judges the stories loaded."""

    def __init__(self, config: Config, parts: Sequence[Files] = (), channels: Sequence[Any] = ()):
        self.config = config
        # Which worker read each file of the workers' shares.
        self.owner = {shown: n for n, part in enumerate(parts[1:]) for shown, _ in part}
        self.channels = list(channels)
        self.received: list[dict[str, Any] | None] = [None] * len(self.channels)
        self.failed: set[int] = set()
        self.taken: set[str] = set()  # files whose story a worker read and judges

    def read(self, file: Path, shown: str, limits: Limits, findings: list[Finding]) -> Story | None:
        """`tracker.load.read_story`, taking a worker's reading where there is one."""
        worker = self.owner.get(shown)
        sent = self._loaded(worker).get(shown) if worker is not None else None
        if sent is None:
            return read_story(file, shown, limits, findings)
        story, problems = sent
        findings.extend(_finding(*values) for values in problems)
        self.taken.add(shown)
        return _story(*story) if story is not None else None

    def _loaded(self, worker: int) -> dict[str, Any]:
        """What `worker` read, by file ({} if it failed: the files are then read here)."""
        if worker in self.failed:
            return {}
        if self.received[worker] is None:
            try:
                self.received[worker] = marshal.loads(self.channels[worker].recv_bytes())
            except (EOFError, OSError, ValueError):
                self.failed.add(worker)
                return {}
        return self.received[worker] or {}

    def judge(self, stories: Sequence[Story]) -> list[Verdict]:
        """One verdict per claim of `stories`, in story order: the workers' for their
        stories, the others judged here first."""
        if not self.channels:
            return judge(stories, self.config)
        for worker in range(len(self.channels)):
            self._loaded(worker)  # its first message, even if none of its files was read
            self.received[worker] = {}  # its stories are built: the message can go
        found: dict[int, list[Verdict]] = {}
        mine = [n for n, story in enumerate(stories) if story.path not in self.taken]
        _judge_here(stories, mine, self.config, found)
        # The workers' verdicts make a million small objects, which the collector
        # would scan with the whole loaded run again and again.
        with paused_gc():
            fetched: dict[str, Any] = {}
            for worker, channel in enumerate(self.channels):
                if worker not in self.failed:
                    try:
                        fetched.update(marshal.loads(channel.recv_bytes()))
                    except (EOFError, OSError, ValueError):
                        self.failed.add(worker)
            again = []
            for n, story in enumerate(stories):
                if n in found:
                    continue
                if story.path in fetched:
                    found[n] = unpack([story], fetched[story.path])
                else:
                    again.append(n)  # its worker failed: judged here
        _judge_here(stories, again, self.config, found)
        return [verdict for n in range(len(stories)) for verdict in found[n]]


@contextmanager
def judging_ahead(found: Sources, config: Config, limits: Limits) -> Iterator[Ahead]:
    """Start workers on their share of the files `found`; yields the `Ahead` that
    reads every file (`Ahead.read`, for `load_sources`) and judges the stories loaded.
    Leaving the block stops any worker still running."""
    files = found.files()
    sizes = [_size(path) for _, path in files]
    workers = 1
    if config.scope == "story":
        workers = workers_for_claims(sum(sizes) // BYTES_PER_CLAIM)
    total = MAIN_SHARE + workers - 1
    parts = [files[part] for part in cut(sizes, [MAIN_SHARE / total] + [1 / total] * (workers - 1))]
    if len(parts) <= 1:
        yield Ahead(config)
        return
    context = multiprocessing.get_context("fork")
    pipes = [context.Pipe(duplex=False) for _ in parts[1:]]
    processes = []
    try:
        for n in range(1, len(parts)):

            def run(n: int = n) -> None:
                for m, (_, sender) in enumerate(pipes, start=1):
                    if m != n:
                        sender.close()  # so a failed worker's channel ends at once
                _work(found, parts[n], config, limits, pipes[n - 1][1])

            process = context.Process(target=run, daemon=True)
            process.start()
            processes.append(process)
        for _, sender in pipes:
            sender.close()
        yield Ahead(config, parts, [receiver for receiver, _ in pipes])
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()  # only when this process stopped early
            process.join()
        for receiver, _ in pipes:
            receiver.close()


def _work(
    found: Sources, files: Files, config: Config, limits: Limits, channel: Connection
) -> None:
    """A worker's job: read `files`, send their stories and findings (as plain values)
    at once, then judge the stories and send their verdicts by file."""
    with paused_gc():
        read: list[tuple[str, Story | None, list[Finding]]] = []
        for shown, file in files:
            if shown not in found.refused:
                findings: list[Finding] = []
                read.append((shown, read_story(file, shown, limits, findings), findings))
        try:
            sent = marshal.dumps(
                {
                    shown: (_plain_story(story), [_plain_finding(f) for f in findings])
                    for shown, story, findings in read
                }
            )
        except ValueError:  # a value marshal cannot write: the main process reads them
            channel.close()
            return
        channel.send_bytes(sent)
    stories = [story for _, story, _ in read if story is not None]
    verdicts = judge(stories, config, workers=1)
    out: dict[str, Any] = {}
    at = 0
    with paused_gc():  # packing makes many small tuples, and no cycles
        for story in stories:
            count = len(story.claims)
            out[story.path] = pack(verdicts[at : at + count])
            at += count
        channel.send_bytes(marshal.dumps(out))
    channel.close()


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the loader reports why


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


# Stories, claims, statements and findings as plain values (and back), field by field.
_CLAIM = tuple(f.name for f in fields(Claim))
_STATEMENT = tuple(f.name for f in fields(Statement))


def _plain_story(story: Story | None) -> tuple[Any, ...] | None:
    if story is None:
        return None
    return (
        story.id,
        story.title,
        story.path,
        story.subject,
        [_plain_entry(claim, _CLAIM) for claim in story.claims],
        [_plain_entry(statement, _STATEMENT) for statement in story.statements],
    )


def _plain_entry(entry: Claim | Statement, names: tuple[str, ...]) -> list[Any]:
    out = []
    for name in names:
        value = getattr(entry, name)
        if isinstance(value, Location):
            value = (value.path, value.line, value.column)
        elif isinstance(value, Status):
            value = value.value
        out.append(value)
    return out


def _story(
    story_id: str, title: str, path: str, subject: str | None, claims: Any, statements: Any
) -> Story:
    return Story(
        story_id,
        title,
        path,
        subject,
        tuple(Claim(**_entry_fields(values, _CLAIM)) for values in claims),
        tuple(Statement(**_entry_fields(values, _STATEMENT)) for values in statements),
    )


def _entry_fields(values: Sequence[Any], names: tuple[str, ...]) -> dict[str, Any]:
    out = dict(zip(names, values, strict=True))
    out["location"] = Location(*out["location"])
    if out.get("verdict") is not None:
        out["verdict"] = Status(out["verdict"])
    return out


def _plain_finding(finding: Finding) -> tuple[Any, ...]:
    return (
        finding.path,
        finding.line,
        finding.column,
        finding.level.value,
        finding.code,
        finding.message,
    )


def _finding(path: str, line: int, column: int, level: str, code: str, message: str) -> Finding:
    return Finding(path, line, column, Level(level), code, message)
