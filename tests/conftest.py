"""Shared fixtures: a click runner that lets tracebacks fail the test loudly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke the CLI in-process; exceptions propagate instead of becoming exit 1."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False, input=input)

    return invoke
