"""The terminal report: findings first, then each story's claims, then the counts."""

from __future__ import annotations

from tracker.model import Status
from tracker.report import RenderOptions, plural
from tracker.report.escape import terminal
from tracker.result import CheckResult, Evidence, Verdict

_COLOURS = {
    Status.CONFIRMED: "\x1b[32m",
    Status.CONTRADICTED: "\x1b[31m",
    Status.RUMOURED: "\x1b[33m",
}
_RESET = "\x1b[0m"
_DIM = "\x1b[2m"
_BOLD = "\x1b[1m"


def _style(text: str, code: str, options: RenderOptions) -> str:
    return f"{code}{text}{_RESET}" if options.color else text


def _evidence_line(evidence: Evidence) -> str:
    return f"{evidence.relation} {terminal(evidence.statement)} ({evidence.score:.0f}): {terminal(evidence.detail)}"


def _verdict_lines(verdict: Verdict, options: RenderOptions) -> list[str]:
    status = verdict.status
    label = _style(f"{status!s:<12}", _COLOURS[status], options)
    claim = verdict.claim
    lines = [f"  {label} {terminal(claim.id)}  {terminal(claim.text)}"]
    pad = " " * 15
    if verdict.manual:
        lines.append(
            f"{pad}manual verdict (engine says {verdict.computed}): {terminal(claim.reason or '')}"
        )
    if verdict.evidence:
        lines.append(f"{pad}{_evidence_line(verdict.evidence[0])}")
        if len(verdict.evidence) > 1:
            lines.append(
                f"{pad}(+{len(verdict.evidence) - 1} more; tracker explain {terminal(claim.ref)})"
            )
    elif verdict.near_misses and status is Status.RUMOURED:
        miss = verdict.near_misses[0]
        lines.append(
            _style(
                f"{pad}nearest: {terminal(miss.statement)} ({miss.score:.0f}): {terminal(miss.detail)}",
                _DIM,
                options,
            )
        )
    if verdict.review:
        lines.append(f"{pad}review: {terminal(verdict.review)}")
    return lines


def render(result: CheckResult, options: RenderOptions) -> str:
    lines = [terminal(str(finding)) for finding in result.findings]
    if result.checked:
        for story, verdicts in result.by_story():
            if lines:
                lines.append("")
            lines.append(
                _style(terminal(story.id), _BOLD, options)
                + f"  {terminal(story.title)}  ({terminal(story.path)})"
            )
            if not verdicts:
                lines.append("  (no claims)")
            for verdict in verdicts:
                lines.extend(_verdict_lines(verdict, options))
        counts = result.counts()
        total = sum(counts.values())
        summary = ", ".join(
            f"{counts[s]} {s}" for s in (Status.CONFIRMED, Status.CONTRADICTED, Status.RUMOURED)
        )
        if lines:
            lines.append("")
        lines.append(f"{plural(len(result.stories), 'story')}, {plural(total, 'claim')}: {summary}")
        failing = result.failing()
        if failing:
            named = ", ".join(sorted({str(v.status) for v in failing}))
            lines.append(f"--fail-on {named}: {plural(len(failing), 'claim')} (exit code 1)")
    else:
        lines.append(
            f"{plural(len(result.files), 'file')} checked, {result.valid_files} valid, "
            f"{plural(len(result.errors), 'error')}"
        )
    if result.errors and result.checked:
        lines.append(
            f"{plural(len(result.errors), 'input error')}: fix them (tracker validate) "
            "and run again"
        )
    return "\n".join(lines) + "\n"
