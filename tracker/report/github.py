"""GitHub Actions workflow commands: annotations on the lines that need attention.

Problems and contradicted claims (and claims whose status is named by --fail-on)
become annotations with file and line. GitHub shows at most 10 annotations per level
per step, so the first 10 of each level are printed and one notice says how many were
left out (the full list is in the summary and the artifact). Every value is escaped
for the workflow command as GitHub documents (`escape.github_message`/`github_property`),
so claim text can neither end the command early nor start a new one.
"""

from __future__ import annotations

from tracker.finding import Level
from tracker.report import RenderOptions, why
from tracker.report.escape import github_message, github_property
from tracker.result import CheckResult

PER_LEVEL = 10


def _command(level: str, path: str, line: int, column: int | None, title: str, message: str) -> str:
    line = max(1, line)
    props = [f"file={github_property(path)}", f"line={line}"]
    if column is not None and column >= 1:
        props.append(f"col={column}")
    props.append(f"endLine={line}")
    props.append(f"title={github_property(title)}")
    return f"::{level} {','.join(props)}::{github_message(message)}"


def all_annotations(result: CheckResult) -> list[tuple[str, str]]:
    """Every annotation as (level, command), problems first, before the cap."""
    items: list[tuple[str, str]] = []
    for finding in result.findings:
        level = "error" if finding.level is Level.ERROR else "warning"
        command = _command(
            level,
            finding.path,
            finding.line,
            finding.column,
            f"tracker {finding.code}",
            finding.message,
        )
        items.append((level, command))
    for verdict, failing in result.flagged():
        level = "error" if failing else "warning"
        claim = verdict.claim
        reason = why(verdict)
        command = _command(
            level,
            claim.location.path,
            claim.location.line,
            claim.location.column,
            f"{verdict.status}: {claim.ref}",
            f"{claim.text} -- {reason}" if reason else claim.text,
        )
        items.append((level, command))
    return items


def render(result: CheckResult, options: RenderOptions) -> str:
    shown: dict[str, int] = {}
    left_out = 0
    lines = []
    for level, command in all_annotations(result):
        if shown.get(level, 0) >= PER_LEVEL:
            left_out += 1
            continue
        shown[level] = shown.get(level, 0) + 1
        lines.append(command)
    if left_out:
        where = options.full_report or "the job summary or the report artifact"
        note = (
            f"{left_out} more annotations left out (GitHub shows {PER_LEVEL} per level "
            f"in a step); see {where}"
        )
        lines.append(f"::notice title=tracker::{github_message(note)}")
    return "\n".join(lines) + ("\n" if lines else "")
