"""The matching engine: from stories to one `Verdict` per claim.

Placeholder until the engine lands: every claim stays rumoured (never an invented
verdict), except where a manual verdict overrides.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.config import Config
from tracker.model import Status, Story
from tracker.result import Verdict


def judge(stories: Sequence[Story], config: Config) -> list[Verdict]:
    """One verdict per claim of `stories`."""
    verdicts = []
    for story in stories:
        for claim in story.claims:
            computed = Status.RUMOURED
            verdicts.append(Verdict(claim, claim.verdict or computed, computed))
    return verdicts
