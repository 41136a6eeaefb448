"""GitHub-flavoured Markdown for job summaries and pull-request comments.

Counts per status, the problems, then one table per story with each claim's status,
source and decisive evidence. A job summary over 1 MiB is dropped by GitHub, so the
report cuts itself at a row boundary below `MAX_BYTES` and ends with a line saying how
much was left out and where the full report is. Every value from the data goes
through `escape.markdown`: no links, images, HTML, pipes or mentions from a claim.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.finding import Finding, Level
from tracker.model import Statement, Status
from tracker.report import RenderOptions, decisive, plural, statement_index, statement_of
from tracker.report.escape import markdown as md
from tracker.report.escape import markdown_url
from tracker.result import CheckResult, Evidence, Verdict

# GitHub drops a step summary over 1 MiB (1,048,576 bytes); keep a margin for the
# workflow's own lines around the report.
MAX_BYTES = 1_000_000
# Longer values are shortened in the tables; the HTML and JSON reports hold them whole.
MAX_CELL = 600

ICONS = {Status.CONFIRMED: "✅", Status.CONTRADICTED: "❌", Status.RUMOURED: "⏳"}
ORDER = (Status.CONFIRMED, Status.CONTRADICTED, Status.RUMOURED)


def _short(text: str, limit: int = MAX_CELL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _cell(text: str, limit: int = MAX_CELL) -> str:
    return md(_short(text, limit))


def _link(label: str, url: str | None) -> str:
    # A URL is linked only when it is plain http(s); its label is escaped like any text.
    target = markdown_url(url)
    if target is None:
        return _cell(label, 120)
    return f"[{_cell(label, 120)}]({target})"


def status_label(status: Status) -> str:
    return f"{ICONS[status]} {status}"


def _evidence_text(evidence: Evidence, statement: Statement | None) -> str:
    parts = [f"**{evidence.relation}** {_cell(evidence.statement, 120)}"]
    date = evidence.date or (statement.date if statement else None)
    if date:
        parts.append(f"({_cell(date, 40)})")
    if statement is not None:
        parts.append(f"“{_cell(statement.text, 300)}”")
    if evidence.detail:
        parts.append(f"— {_cell(evidence.detail, 300)}")
    return " ".join(parts)


def _decision(verdict: Verdict, index: dict[str, Statement]) -> str:
    pieces = []
    if verdict.manual:
        reason = verdict.claim.reason or ""
        pieces.append(f"**manual verdict** (engine: {verdict.computed}): {_cell(reason, 300)}")
    evidence = decisive(verdict)
    if evidence is not None:
        pieces.append(_evidence_text(evidence, statement_of(index, verdict, evidence)))
        if len(verdict.evidence) > 1:
            pieces.append(f"(+{len(verdict.evidence) - 1} more)")
    elif verdict.near_misses and verdict.status is Status.RUMOURED:
        miss = verdict.near_misses[0]
        pieces.append(f"nearest: {_cell(miss.statement, 120)} — {_cell(miss.detail, 300)}")
    if verdict.review:
        pieces.append(f"⚠️ review: {_cell(verdict.review, 300)}")
    return "<br>".join(pieces) if pieces else "—"


def _claim_row(verdict: Verdict, index: dict[str, Statement]) -> str:
    claim = verdict.claim
    source = _link(claim.source or "unnamed source", claim.url)
    if claim.reported:
        source += f" · {_cell(claim.reported, 40)}"
    return (
        f"| {status_label(verdict.status)} | **{_cell(claim.id, 120)}** {_cell(claim.text)} "
        f"| {source} | {_decision(verdict, index)} |"
    )


def _problem_line(finding: Finding) -> str:
    icon = "❌" if finding.level is Level.ERROR else "⚠️"
    where = _cell(f"{finding.path}:{finding.line}:{finding.column}", 300)
    return (
        f"- {icon} {where} {finding.level} \\[{_cell(finding.code, 60)}\\] {_cell(finding.message)}"
    )


@dataclass
class _Section:
    """A heading and the items under it, one table row or list line each.

    Rows are rendered only while they fit: after a cut, items are only counted.
    """

    head: list[str]
    items: Sequence[Any] = ()
    row: Callable[[Any], str] = str
    kind: str = "claim"  # what one item counts as: "claim" or "problem"


def _summary(result: CheckResult) -> list[str]:
    counts = result.counts()
    total = sum(counts.values())
    errors = len(result.errors)
    warnings = len(result.findings) - errors
    lines = ["## tracker report", ""]
    if result.checked:
        per_status = " · ".join(f"{ICONS[s]} {counts[s]} {s}" for s in ORDER)
        lines.append(
            f"**{plural(total, 'claim')}** in {plural(len(result.stories), 'story')}: {per_status}"
        )
    else:
        lines.append(f"{plural(len(result.files), 'file')} validated")
    if result.findings:
        lines.append("")
        lines.append(
            f"**{plural(errors, 'error')}, {plural(warnings, 'warning')}** in the story files"
        )
    if result.fail_on:
        failing = len(result.failing())
        names = ", ".join(str(s) for s in Status if s in result.fail_on)
        lines.append("")
        lines.append(f"--fail-on {names}: {plural(failing, 'claim')} fail the run")
    if result.checked:
        lines += ["", "| status | claims |", "|---|---:|"]
        lines += [f"| {status_label(s)} | {counts[s]} |" for s in ORDER]
    return lines


def _sections(result: CheckResult) -> Iterator[_Section]:
    if result.findings:
        yield _Section(
            ["", f"### Problems ({len(result.findings)})", ""],
            result.findings,
            _problem_line,
            kind="problem",
        )
    if not result.checked:
        return
    index = statement_index(result)
    for story, verdicts in result.by_story():
        counts = {s: sum(1 for v in verdicts if v.status is s) for s in ORDER}
        tally = ", ".join(f"{counts[s]} {s}" for s in ORDER if counts[s])
        head = [
            "",
            f"### {_cell(story.title, 200)}",
            "",
            f"{_cell(story.id, 200)} · {_cell(story.path, 300)} · "
            f"{plural(len(verdicts), 'claim')}{': ' + tally if tally else ''}",
        ]
        if not verdicts:
            yield _Section(head)
            continue
        head += ["", "| status | claim | source | decisive evidence |", "|---|---|---|---|"]
        yield _Section(head, verdicts, lambda v: _claim_row(v, index))


def _size(line: str) -> int:
    return len(line.encode("utf-8")) + 1


def render(result: CheckResult, options: RenderOptions) -> str:
    """The Markdown report, at most `MAX_BYTES` bytes of UTF-8."""
    return render_limited(result, options, MAX_BYTES)


def render_limited(result: CheckResult, options: RenderOptions, max_bytes: int) -> str:
    """The Markdown report cut at a row boundary to stay within `max_bytes`."""
    lines = _summary(result)
    # Room for the closing note, whatever the counts in it.
    budget = max_bytes - sum(_size(line) for line in lines) - 600
    left: dict[str, int] = {"claim": 0, "problem": 0}
    cut = False
    for section in _sections(result):
        if cut:
            left[section.kind] += len(section.items)
            continue
        rows = (section.row(item) for item in section.items)
        first = next(rows, None)
        need = sum(_size(line) for line in section.head)
        if first is not None:
            need += _size(first)
        if need > budget:
            cut = True
            left[section.kind] += len(section.items)
            continue
        lines += section.head
        budget -= sum(_size(line) for line in section.head)
        for position, row in enumerate(itertools.chain([] if first is None else [first], rows)):
            if _size(row) > budget:
                cut = True
                left[section.kind] += len(section.items) - position
                break
            lines.append(row)
            budget -= _size(row)
    if cut:
        where = (
            md(options.full_report)
            if options.full_report
            else "the HTML and JSON reports (tracker check --output html=PATH)"
        )
        lines += [
            "",
            "---",
            "",
            f"**Report cut to stay under GitHub's 1 MiB summary limit:** {left['claim']} "
            f"claims and {left['problem']} problems left out. Full report: {where}.",
        ]
    return "\n".join(lines) + "\n"
