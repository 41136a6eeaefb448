"""Behaviour of each report format: limits, structure, and the CLI writing them all at once."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import CLAIMS, ROOT
from tests.report_samples import CHROMIUM_FLAGS, HOSTILE, evidence_result, hostile_result
from tracker.finding import Finding, Level
from tracker.model import Claim, Location, Status, Story
from tracker.report import FORMATS, RenderOptions, render
from tracker.report.github import PER_LEVEL
from tracker.report.markdown import MAX_BYTES, render_limited
from tracker.result import CheckResult, Evidence, Relation, Verdict

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _big_result(stories: int, claims_per_story: int, text_size: int) -> CheckResult:
    built, verdicts = [], []
    for s in range(stories):
        story_id = f"story-{s:04d}"
        path = f"claims/{story_id}.yaml"
        claims = tuple(
            Claim(
                story_id,
                f"claim-{c:04d}",
                f"Claim {c} of {story_id}: " + "word " * (text_size // 5),
                Location(path, 3 + c, 5),
                source="a source",
            )
            for c in range(claims_per_story)
        )
        built.append(Story(story_id, f"Story {s}", path, None, claims, ()))
        for n, claim in enumerate(claims):
            status = (Status.CONFIRMED, Status.CONTRADICTED, Status.RUMOURED)[n % 3]
            evidence = (
                ()
                if status is Status.RUMOURED
                else (Evidence("x", Relation.SUPPORTS, 90.0, "detail " * 20),)
            )
            verdicts.append(Verdict(claim, status, status, evidence))
    findings = tuple(
        Finding("claims/bad.yaml", n + 1, 1, Level.ERROR, "schema", f"problem {n}")
        for n in range(30)
    )
    return CheckResult(tuple(built), tuple(verdicts), findings, ("claims/bad.yaml",))


# --- markdown -----------------------------------------------------------------


def _left_out(text: str) -> tuple[int, int]:
    match = re.search(r"(\d+) claims and (\d+) problems left out", text)
    assert match, text[-500:]
    return int(match.group(1)), int(match.group(2))


def test_markdown_cuts_itself_below_one_mebibyte() -> None:
    result = _big_result(stories=40, claims_per_story=150, text_size=400)
    out = render("markdown", result, RenderOptions(full_report="report/index.html"))
    size = len(out.encode("utf-8"))
    assert size <= MAX_BYTES < 1024 * 1024
    assert size > MAX_BYTES - 5_000  # it fills the room it has
    claims_left, problems_left = _left_out(out)
    rows = [line for line in out.splitlines() if line.startswith("| ") and "**claim-" in line]
    assert claims_left + len(rows) == len(result.verdicts)
    assert problems_left == 0
    assert out.rstrip().endswith("Full report: report/index.html.")
    # Cut at a row boundary: every table row is whole.
    assert all(line.endswith(" |") for line in out.splitlines() if line.startswith("| "))


def test_markdown_cut_counts_problems_too() -> None:
    result = _big_result(stories=2, claims_per_story=5, text_size=50)
    out = render_limited(result, RenderOptions(), max_bytes=2_000)
    assert len(out.encode()) <= 2_000
    claims_left, problems_left = _left_out(out)
    shown = sum(1 for line in out.splitlines() if line.startswith("- ❌"))
    assert shown + problems_left == 30
    assert claims_left == 10
    assert "tracker check --output html=PATH" in out  # no full_report given


def test_markdown_is_whole_when_small() -> None:
    out = render("markdown", evidence_result(), RenderOptions())
    assert "left out" not in out
    assert out.count("| ✅ confirmed |") == 8 + 1  # rows plus the summary line


# --- github annotations -----------------------------------------------------


def test_annotations_are_capped_per_level_with_one_notice() -> None:
    result = _big_result(stories=1, claims_per_story=45, text_size=20)
    out = render("github", result, RenderOptions())
    lines = out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(errors) == PER_LEVEL and len(warnings) == PER_LEVEL and len(notices) == 1
    # 30 problems (errors) + 15 contradicted (warnings), 20 shown.
    assert "25 more annotations left out" in notices[0]
    assert len(lines) == 2 * PER_LEVEL + 1


def test_annotations_point_at_file_and_line() -> None:
    out = render("github", evidence_result(), RenderOptions())
    assert "::error file=claims/switch-2-2025.yaml,line=12,col=15,endLine=12," in out
    assert "::warning file=claims/pixel-8-pro-2023.yaml,line=20,col=5,endLine=20," in out
    assert "title=contradicted%3A pixel-8-pro-2023/price::" in out


def test_fail_on_turns_annotations_into_errors() -> None:
    from dataclasses import replace

    result = replace(evidence_result(), fail_on=frozenset({Status.RUMOURED}))
    out = render("github", result, RenderOptions())
    assert "::error file=claims/pixel-8-pro-2023.yaml,line=34," in out  # the rumoured one


# --- junit ----------------------------------------------------------------------


def test_junit_suites_cases_and_counts() -> None:
    root = ET.fromstring(render("junit", evidence_result(), RenderOptions()))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["validation", "pixel-8-pro-2023", "steam-deck-oled-2023"]
    pixel = suites["pixel-8-pro-2023"]
    assert pixel.get("tests") == "7"
    assert pixel.get("failures") == "1" and pixel.get("skipped") == "1"
    names = [c.get("name") for c in pixel.findall("testcase")]
    assert len(names) == len(set(names))
    price = pixel.find("testcase[@name='price']")
    assert price is not None
    failure = price.find("failure")
    assert failure is not None and failure.get("type") == "contradicted"
    assert price.get("file") == "claims/pixel-8-pro-2023.yaml" and price.get("line") == "20"
    sos = pixel.find("testcase[@name='sos']")
    assert sos is not None and sos.find("skipped") is not None
    assert root.get("tests") == str(12 + 3)
    assert root.get("failures") == str(3 + 1)


def test_junit_names_stay_unique() -> None:
    result = _big_result(stories=1, claims_per_story=2, text_size=10)
    story = result.stories[0]
    twin = Verdict(story.claims[0], Status.CONFIRMED, Status.CONFIRMED)
    doubled = CheckResult(result.stories, (*result.verdicts, twin), (), ())
    root = ET.fromstring(render("junit", doubled, RenderOptions()))
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == ["claim-0000", "claim-0001", "claim-0000 #2"]


# --- GitLab Code Quality -----------------------------------------------------------


def test_codequality_issues() -> None:
    issues = json.loads(render("codequality", evidence_result(), RenderOptions()))
    assert len(issues) == 2 + 3  # problems and contradicted claims
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert issues[0]["severity"] == "major" and issues[0]["check_name"] == "tracker.bad-date"
    assert {i["severity"] for i in issues[2:]} == {"info"}


# --- html -------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.rows = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href"):
            value = values.get(name) or ""
            if value and not value.startswith("#"):
                self.external.append(f"{tag} {name}={value}")
        if tag == "tr" and "claim" in (values.get("class") or ""):
            self.rows += 1


def test_html_is_self_contained() -> None:
    out = render("html", evidence_result(), RenderOptions())
    parser = _Links()
    parser.feed(out)
    assert parser.rows == 12
    # Only links to sources (anchors); nothing loaded from outside.
    assert all(item.startswith("a href=https://") for item in parser.external), parser.external
    assert "@import" not in out and "url(" not in out
    assert 'name="viewport"' in out
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    assert out.count("<svg") == 2  # one bar per story
    assert '<form class="filters" id="filters" role="search" hidden>' in out


# --- CLI: one run, several outputs ------------------------------------------------


def test_one_run_writes_every_format(run: Callable[..., Result], tmp_path: Path) -> None:
    names = {"markdown": "summary.md", "html": "report/index.html", "json": "report/report.json"}
    names |= {"junit": "junit.xml", "text": "report.txt", "github": "annotations.txt"}
    names |= {"codequality": "gl-code-quality.json"}
    assert set(names) == set(FORMATS)
    args = [arg for fmt, name in names.items() for arg in ("-o", f"{fmt}={tmp_path / name}")]
    result = run("check", str(CLAIMS), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    console = json.loads(result.output)
    saved = json.loads((tmp_path / "report/report.json").read_text(encoding="utf-8"))
    assert console == saved
    ET.parse(tmp_path / "junit.xml")
    page = (tmp_path / "report/index.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("## tracker report")
    assert not list(tmp_path.rglob("*.partial"))


def test_bad_output_argument_is_a_usage_error(run: Callable[..., Result]) -> None:
    result = run("check", str(CLAIMS), "-o", "pdf=x.pdf")
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.output


def test_under_github_actions_text_comes_with_annotations(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    auto = run("check", str(HOSTILE.relative_to(ROOT)))
    assert auto.exit_code == 1
    assert "hostile-story" in auto.output and "4 claims" in auto.output  # the text report
    assert "::error file=tests/data/hostile/hostile-story.yaml,line=29," in auto.output
    plain = run("check", str(HOSTILE.relative_to(ROOT)), "--format", "text")
    assert not any(line.startswith("::") for line in plain.output.splitlines())
    monkeypatch.delenv("GITHUB_ACTIONS")
    local = run("check", str(HOSTILE.relative_to(ROOT)))
    assert local.output == plain.output


# --- headless Chromium ------------------------------------------------------------


def _dump_dom(page: Path, fragment: str, tmp_path: Path) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page.as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_html_in_headless_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    page = tmp_path / "index.html"
    page.write_text(render("html", hostile_result(), RenderOptions()), encoding="utf-8")
    dom = _dump_dom(page, "", tmp_path)
    # Our script ran (the CSP hash admits it) and nothing from the data did.
    assert 'data-js="on"' in dom
    assert "<title>PWNED" not in dom
    assert 'data-pwned="1"' not in dom
    assert "4 of 4 claims shown" in dom
    # Filters read the URL fragment: only the contradicted claims stay visible.
    filtered = _dump_dom(page, "#status=contradicted", tmp_path)
    assert "2 of 4 claims shown" in filtered
    hidden = re.findall(r'<tr class="claim"[^>]*data-status="(\w+)"[^>]*hidden', filtered)
    assert sorted(hidden) == ["confirmed", "rumoured"]
    found = _dump_dom(page, "#q=terminal", tmp_path)
    assert "1 of 4 claims shown" in found


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_validate_renders_problems_in_every_format(
    fmt: str, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = run("validate", str(HOSTILE.relative_to(ROOT)), "--format", fmt)
    assert result.exit_code == 1
    assert "hostile-story.yaml" in result.output
    assert "script-tag" not in result.output  # problems only, no claims
