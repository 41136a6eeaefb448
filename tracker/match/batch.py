"""Running the engine over many stories: no cyclic GC while matching, worker processes.

Matching allocates millions of small objects that live until a story is done and form
no reference cycles, so the cyclic garbage collector only burns time re-scanning them;
it is paused while matching and restored after.

Stories are independent in the default scope, so a large run is split into contiguous
chunks of stories, one per CPU: the parent process judges the first chunk itself while
forked workers judge the others, and the results come back in story order, so the
output is the same as a serial run's. Small runs (and platforms without ``fork``) stay
serial: starting and feeding a worker costs more than it saves there. (`tracker check`
splits its files before they are read, so that loading is shared too: `tracker.ahead`.)
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from tracker.model import Story

# Below this many claims a run stays in one process.
PARALLEL_MINIMUM = 5000

T = TypeVar("T")


def workers_for(stories: Sequence[Story]) -> int:
    """How many processes a run over `stories` should use (1: stay serial)."""
    return workers_for_claims(sum(len(story.claims) for story in stories))


def workers_for_claims(claims: int) -> int:
    """How many processes a run over about `claims` claims should use (1: stay serial)."""
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
    cuts = cut([len(story.claims) for story in stories], [1 / parts] * parts)
    return [stories[part] for part in cuts]


def cut(weights: Sequence[int], shares: Sequence[float]) -> list[slice]:
    """Contiguous, non-empty runs of items (slices of `weights`) holding about the
    given shares of the total weight, in order; fewer runs when there are few items."""
    total = sum(weights)
    out: list[slice] = []
    start = seen = 0
    bound = total * shares[0]
    for n, weight in enumerate(weights):
        seen += weight
        if len(out) < len(shares) - 1 and seen >= bound:
            out.append(slice(start, n + 1))
            start = n + 1
            bound += total * shares[len(out)]
    out.append(slice(start, len(weights)))
    return [part for part in out if part.stop > part.start]


# The work a forked worker runs: set by `forked` before the fork, inherited by the
# children, so neither the data nor the functions are pickled.
_WORK: Callable[[int], Any] | None = None


def _run_job(index: int) -> Any:
    assert _WORK is not None
    return _WORK(index)


@contextmanager
def forked(function: Callable[[int], Any], jobs: Sequence[int]) -> Iterator[list[Any]]:
    """`function(n)` for each `n` of `jobs`, each in a forked worker process, started
    now: yields their pending results (`.get()` waits for one) while the caller works
    on. Leaving the block stops the workers."""
    global _WORK
    _WORK = function
    try:
        with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
            yield [pool.apply_async(_run_job, (n,)) for n in jobs]
    finally:
        _WORK = None


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
    with forked(lambda n: pack(function(parts[n])), range(1, len(parts))) as pending:
        results: list[T] = function(parts[0])
        for n, job in enumerate(pending, start=1):
            results.extend(unpack(parts[n], job.get()))
    return results
