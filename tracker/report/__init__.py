"""Reporters: named renderers of a `CheckResult`. They only render, never decide.

Add a format by writing a module with a `render(result, options) -> str` function and
listing it in `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from tracker.result import CheckResult


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour for terminals, and where the full report lives."""

    color: bool = False
    full_report: str | None = None


Renderer = Callable[[CheckResult, RenderOptions], str]

# Format name -> module under tracker.report. Imported on first use to keep start-up fast.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "github": "github",
}

# Formats that suit `tracker validate` (problems only).
PROBLEM_FORMATS = ("text", "json", "github")


def renderer(name: str) -> Renderer:
    """The render function of format `name` (a key of `FORMATS`)."""
    module = import_module(f"tracker.report.{FORMATS[name]}")
    render: Renderer = module.render
    return render


def render(name: str, result: CheckResult, options: RenderOptions = RenderOptions()) -> str:
    return renderer(name)(result, options)
