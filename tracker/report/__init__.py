"""Reporters: named renderers of a `CheckResult`. They only render, never decide.

Add a format by writing a module with a `render(result, options) -> str` function and
listing it in `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from tracker.model import Statement
from tracker.result import CheckResult, Evidence, Verdict


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour for terminals, and where the full report lives.

    `full_report` names the complete report (a path or a URL) for formats that may
    cut themselves short, such as markdown for a 1 MiB job summary.
    """

    color: bool = False
    full_report: str | None = None


Renderer = Callable[[CheckResult, RenderOptions], str]

# Format name -> module under tracker.report. Imported on first use to keep start-up fast.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "markdown": "markdown",
    "html": "html",
    "junit": "junit",
    "github": "github",
    "codequality": "codequality",
}


def renderer(name: str) -> Renderer:
    """The render function of format `name` (a key of `FORMATS`)."""
    module = import_module(f"tracker.report.{FORMATS[name]}")
    render: Renderer = module.render
    return render


def render(name: str, result: CheckResult, options: RenderOptions = RenderOptions()) -> str:
    return renderer(name)(result, options)


def statement_index(result: CheckResult) -> dict[str, Statement]:
    """Every statement of the result by its full reference, STORY/ID."""
    return {s.ref: s for story in result.stories for s in story.statements}


def statement_of(
    index: dict[str, Statement], verdict: Verdict, evidence: Evidence
) -> Statement | None:
    """The statement an evidence item names (a full ref, or an id in the claim's story)."""
    return index.get(evidence.statement) or index.get(f"{verdict.claim.story}/{evidence.statement}")


def why(verdict: Verdict) -> str:
    """One line on what decided a verdict: the decisive evidence, else the manual reason."""
    return verdict.evidence[0].detail if verdict.evidence else (verdict.claim.reason or "")


def decisive(verdict: Verdict) -> Evidence | None:
    """The evidence that decided a verdict, if the engine found any."""
    return verdict.evidence[0] if verdict.evidence else None


def plural(count: int, word: str) -> str:
    """``plural(1, "claim")`` is "1 claim", ``plural(2, "story")`` is "2 stories"."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"
