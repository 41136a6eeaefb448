"""The pipeline behind `tracker check` and `tracker validate`: load, judge, collect."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from tracker.ahead import judging_ahead
from tracker.config import Config
from tracker.load import Sources, load, load_sources
from tracker.model import Status
from tracker.progress import Progress
from tracker.result import CheckResult
from tracker.yamlread import Limits


def _limits(config: Config) -> Limits:
    return Limits(max_bytes=config.max_file_bytes)


def validate(
    paths: Sequence[str | os.PathLike[str]], config: Config, progress: Progress | None = None
) -> CheckResult:
    """Read and validate only; no verdicts."""
    loaded = load(paths, _limits(config), progress=progress)
    return CheckResult(loaded.stories, (), loaded.findings, loaded.files, checked=False)


def check(
    paths: Sequence[str | os.PathLike[str]],
    config: Config,
    fail_on: Iterable[Status] = (),
    progress: Progress | None = None,
) -> CheckResult:
    """Validate, then judge every valid claim against the statements."""
    found = Sources(paths)
    limits = _limits(config)
    # A large run's workers read and judge their share of the files meanwhile.
    with judging_ahead(found, config, limits) as ahead:
        loaded = load_sources(found, limits, progress=progress, read=ahead.read)
        judged = ahead.judge(loaded.stories)
    verdicts = sorted(judged, key=lambda v: (v.claim.story, v.claim.location.line, v.claim.id))
    return CheckResult(
        loaded.stories, tuple(verdicts), loaded.findings, loaded.files, fail_on=frozenset(fail_on)
    )
