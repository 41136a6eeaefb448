"""GitHub Actions workflow commands: annotations on the lines that need attention.

GitHub shows at most 10 annotations per level per step, so the first ones are
printed and one notice says how many were left out (the full list is in the
summary and the artifact). Every value is escaped: claim text is untrusted.
"""

from __future__ import annotations

from tracker.finding import Level
from tracker.report import RenderOptions
from tracker.report.escape import github_message, github_property
from tracker.result import CheckResult

PER_LEVEL = 10


def _command(level: str, path: str, line: int, column: int | None, title: str, message: str) -> str:
    props = [f"file={github_property(path)}", f"line={line}"]
    if column is not None:
        props.append(f"col={column}")
    props.append(f"endLine={line}")
    props.append(f"title={github_property(title)}")
    return f"::{level} {','.join(props)}::{github_message(message)}"


def render(result: CheckResult, options: RenderOptions) -> str:
    items: list[tuple[str, str]] = []  # (level, command)
    for finding in result.findings:
        level = "error" if finding.level is Level.ERROR else "warning"
        items.append(
            (
                level,
                _command(
                    level,
                    finding.path,
                    finding.line,
                    finding.column,
                    f"tracker {finding.code}",
                    finding.message,
                ),
            )
        )
    for verdict in result.verdicts:
        failing = verdict.status in result.fail_on
        if str(verdict.status) != "contradicted" and not failing:
            continue
        level = "error" if failing else "warning"
        claim = verdict.claim
        why = verdict.evidence[0].detail if verdict.evidence else (claim.reason or "")
        items.append(
            (
                level,
                _command(
                    level,
                    claim.location.path,
                    claim.location.line,
                    claim.location.column,
                    f"{verdict.status}: {claim.ref}",
                    f"{claim.text} -- {why}" if why else claim.text,
                ),
            )
        )
    shown: dict[str, int] = {}
    left_out = 0
    lines = []
    for level, command in items:
        if shown.get(level, 0) >= PER_LEVEL:
            left_out += 1
            continue
        shown[level] = shown.get(level, 0) + 1
        lines.append(command)
    if left_out:
        note = f"{left_out} more annotation(s) left out (GitHub shows {PER_LEVEL} per level); see the job summary or the report artifact"
        lines.append(f"::notice title=tracker::{github_message(note)}")
    return "\n".join(lines) + ("\n" if lines else "")
