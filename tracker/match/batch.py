"""Running the engine over many stories: no cyclic GC while matching, worker processes.

Matching allocates millions of small objects that live until a story is done and form
no reference cycles, so the cyclic garbage collector only burns time re-scanning them;
it is paused while matching and restored after.

Stories are independent in the default scope, so a large run is split into contiguous
chunks of stories, one per CPU: the parent process judges the first chunk itself while
forked workers judge the others, and the results come back in story order, so the
output is the same as a serial run's. Small runs (and platforms without ``fork``) stay
serial: starting and feeding a worker costs more than it saves there.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from tracker.model import Story

# Below this many claims a run stays in one process.
PARALLEL_MINIMUM = 5000

T = TypeVar("T")


def workers_for(stories: Sequence[Story]) -> int:
    """How many processes a run over `stories` should use (1: stay serial)."""
    claims = sum(len(story.claims) for story in stories)
    minimum = PARALLEL_MINIMUM
    if claims < minimum or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if multiprocessing.current_process().daemon:
        return 1  # a daemonic process (a pool worker itself) may not start children
    return max(1, min(_cpus(), claims // max(1, minimum // 2)))


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def chunks(stories: Sequence[Story], parts: int) -> list[Sequence[Story]]:
    """`stories` cut into at most `parts` contiguous, non-empty runs with about as many
    claims each."""
    total = sum(len(story.claims) for story in stories)
    out: list[Sequence[Story]] = []
    start = seen = 0
    for n, story in enumerate(stories):
        seen += len(story.claims)
        if len(out) < parts - 1 and seen * parts >= total * (len(out) + 1):
            out.append(stories[start : n + 1])
            start = n + 1
    out.append(stories[start:])
    return [part for part in out if part]


# The work a forked worker runs: set by `map_chunks` before the fork, inherited by the
# children, so neither the stories nor the functions are pickled.
_WORK: tuple[Callable[[Sequence[Story]], Any], list[Sequence[Story]]] | None = None


def _run_chunk(index: int) -> Any:
    assert _WORK is not None
    function, parts = _WORK
    return function(parts[index])


def map_chunks(
    function: Callable[[Sequence[Story]], list[T]],
    stories: Sequence[Story],
    workers: int,
    pack: Callable[[list[T]], Any] = lambda items: items,
    unpack: Callable[[Sequence[Story], Any], list[T]] = lambda chunk, items: items,
) -> list[T]:
    """`function` applied to chunks of `stories` in `workers` processes, concatenated.

    `function` returns one item per claim; the items come back in story order whatever
    the number of workers. A worker sends `pack(items)` (something cheaper to pickle)
    and the parent rebuilds the items with `unpack(chunk, packed)`.
    """
    parts = chunks(stories, workers)
    if len(parts) <= 1:
        return function(stories)
    global _WORK
    _WORK = (lambda chunk: pack(function(chunk)), parts)
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(len(parts) - 1) as pool:
            pending = [pool.apply_async(_run_chunk, (n,)) for n in range(1, len(parts))]
            results: list[T] = function(parts[0])
            for n, job in enumerate(pending, start=1):
                results.extend(unpack(parts[n], job.get()))
    finally:
        _WORK = None
    return results
