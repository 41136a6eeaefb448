"""Golden files for every report format, on the shipped claims and on hand-built results.

Regenerate them all after an intended change (e.g. when the engine's verdicts change):

    TRACKER_UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py

then review `git diff tests/golden/`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.report_samples import evidence_result, hostile_result
from tracker.check import check
from tracker.config import Config
from tracker.report import FORMATS, RenderOptions, render
from tracker.result import CheckResult

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("TRACKER_UPDATE_GOLDEN") == "1"
SUFFIX = {
    "text": "txt",
    "json": "json",
    "markdown": "md",
    "html": "html",
    "junit": "xml",
    "github": "github.txt",
    "codequality": "codequality.json",
}


def _shipped() -> CheckResult:
    return check([Path("claims")], Config())


CASES: dict[str, Callable[[], CheckResult]] = {
    "shipped": _shipped,
    "evidence": evidence_result,
    "hostile": hostile_result,
}


def test_every_format_has_a_golden_suffix() -> None:
    assert set(SUFFIX) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in reports are relative to the working folder: render from the root.
    monkeypatch.chdir(ROOT)
    rendered = render(fmt, CASES[case](), RenderOptions(full_report="report/index.html"))
    assert rendered == render(fmt, CASES[case](), RenderOptions(full_report="report/index.html"))
    golden = GOLDEN / f"{case}.{SUFFIX[fmt]}"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    assert golden.exists(), f"missing {golden.name}: run TRACKER_UPDATE_GOLDEN=1 pytest {__file__}"
    expected = golden.read_text(encoding="utf-8")
    assert rendered == expected, (
        f"{golden.name} differs; if the change is intended, regenerate with "
        "TRACKER_UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py"
    )
