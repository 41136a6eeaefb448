"""Claim text is untrusted: the hostile story must come out inert in every format.

Each format is parsed back (HTML parser, XML parser, JSON) to show it is still well
formed and that the hostile values are shown as text, not obeyed.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.report_samples import hostile_result
from tracker.report import FORMATS, RenderOptions, render
from tracker.report.escape import (
    github_message,
    github_property,
    html,
    markdown,
    safe_url,
    terminal,
    xml,
)
from tracker.result import CheckResult


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    monkeypatch.chdir(ROOT)
    return hostile_result()


def _render(fmt: str, result: CheckResult) -> str:
    return render(fmt, result, RenderOptions(full_report="report/index.html"))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_value_can_start_a_workflow_command(fmt: str, hostile: CheckResult) -> None:
    out = _render(fmt, hostile)
    for line in out.splitlines():
        if fmt == "github":
            # Our own commands only, each on one line with one message part.
            assert re.match(r"::(error|warning|notice) [^:]*::", line), line
        else:
            assert not line.lstrip().startswith("::"), line
    assert "\x1b" not in out and "\u202e" not in out and "\r" not in out


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_inert_and_parses(hostile: CheckResult) -> None:
    out = _render("html", hostile)
    parser = _Collector()
    parser.feed(out)
    parser.close()
    tags = [tag for tag, _ in parser.tags]
    assert tags.count("script") == 1  # ours, allowed by the CSP hash
    body = tags[tags.index("body") :]
    assert not {"img", "iframe", "object", "embed", "base", "link", "meta"} & set(body)
    assert tags.count("style") == 1
    # No <details> from data: ours appear only with near misses (one rumoured claim).
    assert tags.count("details") == 1
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value is not None
                assert value.startswith(("https://", "http://", "#")), value
            assert "javascript:" not in (value or "").lower() or name in (
                "title",
                "data-source",
                "value",
            )
    text = "".join(parser.text)
    # The hostile text is shown, as text.
    assert "<script>document.title='PWNED'</script>" in text
    assert "[click here](javascript:alert(1))" in text
    assert 'src=x onerror="document.body' in text
    # A javascript: URL given to a claim is never a link.
    assert 'href="javascript' not in out.lower()


def test_markdown_is_inert(hostile: CheckResult) -> None:
    out = _render("markdown", hostile)
    for line in out.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (4, 6), line  # summary (2 cells) or story (4 cells) rows
    without_breaks = out.replace("<br>", "")
    assert "<" not in without_breaks.replace("<!--", "")  # no raw HTML from data
    # Every unescaped link target is an http(s) URL we emitted; no image syntax.
    for target in re.findall(r"(?<!\\)\]\(([^)]*)", out):
        assert target.startswith(("https://", "http://")), target
    assert not re.search(r"(?<!\\)!\[", out)
    assert "@octocat" not in out and "@org/team" not in out and "#1 " not in out
    assert "@\u2060octocat" in out


def test_json_round_trips_the_hostile_text(hostile: CheckResult) -> None:
    out = _render("json", hostile)
    assert out.isascii()
    data = json.loads(out)
    texts = {c["id"]: c["text"] for c in data["claims"]}
    original = {v.claim.id: v.claim.text for v in hostile.verdicts}
    assert texts == original


def test_junit_parses_and_keeps_the_text(hostile: CheckResult) -> None:
    out = _render("junit", hostile)
    root = ET.fromstring(out.encode("utf-8"))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(hostile.verdicts) + len(hostile.files)
    assert all(list(c) for c in cases if c.get("classname") != "tracker.validation")
    failures = [c.find("failure") for c in cases]
    body = "\n".join((f.text or "") for f in failures if f is not None)
    assert "<script>alert(1)</script>" in body  # as text, unescaped by the parser
    assert "\x1b" not in body


def test_github_escapes_every_property_and_message(hostile: CheckResult) -> None:
    out = _render("github", hostile)
    lines = out.splitlines()
    assert len(lines) == 4  # 1 problem + 2 contradicted + 1 rumoured under --fail-on
    for line in lines:
        _, properties, _message = line.split("::", 2)
        # Property values cannot end the property list or the command early.
        assert properties.count("=") == properties.count(",") + 1, properties
    assert "%250A" in out  # a literal %0A in a claim stays literal


def test_text_survives_a_terminal(hostile: CheckResult) -> None:
    out = _render("text", hostile)
    assert "\x1b" not in out
    assert "\\x1b[31mRED" in out
    assert "\\u202e" in out


def test_safe_url() -> None:
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    assert safe_url("HTTP://example.com") == "HTTP://example.com"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "/relative",
        'https://x.example/"onmouseover=1',
        "https://x.example/a b",
        "https://x.example/\nx",
        "https:",
        "",
        None,
    ):
        assert safe_url(bad) is None, bad


def test_markdown_escapes_examples() -> None:
    assert markdown("a | b") == "a \\| b"
    assert markdown("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert markdown("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert markdown("cc @octocat") == "cc @\u2060octocat"
    assert markdown("line\n::error::x") == "line\\\\n::error::x"


@settings(deadline=None, max_examples=300)
@given(st.text())
def test_escapes_hold_for_any_text(text: str) -> None:
    for escaped in (terminal(text), markdown(text), html(text), xml(text)):
        assert "\n" not in escaped and "\r" not in escaped and "\x1b" not in escaped
    assert not re.search(r"[<>\"']", html(text))
    assert not re.search(r"(?<!\\)[|\[\]`*_<>]", markdown(text).replace("\\\\", ""))
    root = ET.Element("a", b=xml(text))
    root.text = xml(text)
    parsed = ET.fromstring(ET.tostring(root))
    assert parsed.text == xml(text) or (parsed.text is None and xml(text) == "")
    assert "\n" not in github_message(text) and "\r" not in github_message(text)
    assert "," not in github_property(text) and ":" not in github_property(text)


def test_bare_urls_in_markdown_are_not_autolinked() -> None:
    from tracker.report.escape import markdown

    out = markdown("log in at https://evil.example/login or www.phish.example, mailto:x@y.z")
    for live in ("https://", "www.", "mailto:"):
        assert live not in out
    assert "evil.example/login" in out  # the text itself is kept
