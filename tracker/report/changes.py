"""Renderers for `tracker diff`: status changes as text, Markdown (a PR comment) or JSON.

The Markdown starts with a hidden marker (`MARKER`) so a workflow can find and update
its own comment, and stays under `MAX_BYTES` (GitHub refuses comments over 65,536
characters), cutting at a row boundary with a line saying how much was left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from tracker.diff import Change, Diff, Entry
from tracker.model import Status
from tracker.report import plural
from tracker.report.escape import markdown as md
from tracker.report.escape import terminal

MARKER = "<!-- tracker-status-diff -->"
MAX_BYTES = 60_000
ICONS = {Status.CONFIRMED: "✅", Status.CONTRADICTED: "❌", Status.RUMOURED: "⏳"}


def _headline(diff: Diff) -> str:
    parts = [
        plural(len(diff.changed), "status change"),
        f"{len(diff.added)} added",
        f"{len(diff.removed)} removed",
        f"{len(diff.reworded)} reworded",
    ]
    return ", ".join(parts)


def _newly(count: int) -> str:
    return f"{plural(count, 'claim')} newly {'has' if count == 1 else 'have'} that status"


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_text(diff: Diff) -> str:
    lines = [f"Compared with {terminal(diff.base)}: {_headline(diff)}"]
    sections: list[tuple[str, list[str]]] = [
        (
            "status changes",
            [
                f"  {c.before.status} -> {c.after.status}  {terminal(c.ref)}  "
                f"{terminal(_short(c.after.text))}  ({terminal(c.after.file)}:{c.after.line})"
                for c in diff.changed
            ],
        ),
        ("added", [_text_entry(e) for e in diff.added]),
        ("removed", [_text_entry(e) for e in diff.removed]),
        ("reworded", [_text_entry(c.after) for c in diff.reworded]),
    ]
    for title, rows in sections:
        if rows:
            lines += ["", f"{title}:", *rows]
    if diff.errors:
        lines += ["", f"{plural(diff.errors, 'input error')} now: run tracker validate"]
    failing = diff.failing()
    if failing:
        names = ", ".join(str(s) for s in Status if s in diff.fail_on)
        lines += ["", f"--fail-on {names}: {_newly(len(failing))}"]
    return "\n".join(lines) + "\n"


def _text_entry(entry: Entry) -> str:
    return (
        f"  {entry.status!s:<12} {terminal(entry.ref)}  {terminal(_short(entry.text))}"
        f"  ({terminal(entry.file)}:{entry.line})"
    )


def _md_status(status: Status) -> str:
    return f"{ICONS[status]} {status}"


def _md_change(change: Change) -> str:
    return (
        f"| {_md_status(change.before.status)} → {_md_status(change.after.status)} "
        f"| {md(change.ref)} | {md(_short(change.after.text))} |"
    )


def _md_entry(entry: Entry) -> str:
    return f"| {_md_status(entry.status)} | {md(entry.ref)} | {md(_short(entry.text))} |"


def render_markdown(diff: Diff) -> str:
    lines = [MARKER, "### tracker: claim status changes", ""]
    lines.append(f"Compared with {md(diff.base)}: **{_headline(diff)}**.")
    if diff.empty:
        lines += ["", f"No claim changed ({plural(diff.unchanged, 'claim')} as before)."]
    sections = [
        ("Status changes", "change", [_md_change(c) for c in diff.changed]),
        ("Added", "status", [_md_entry(e) for e in diff.added]),
        ("Removed", "status at base", [_md_entry(e) for e in diff.removed]),
        ("Reworded", "status", [_md_entry(c.after) for c in diff.reworded]),
    ]
    budget = MAX_BYTES - sum(len(x.encode()) + 1 for x in lines) - 400
    left = 0
    for title, column, rows in sections:
        if not rows:
            continue
        head = [
            "",
            f"#### {title} ({len(rows)})",
            "",
            f"| {column} | claim | text |",
            "|---|---|---|",
        ]
        size = sum(len(x.encode()) + 1 for x in head)
        if left or size + len(rows[0].encode()) + 1 > budget:
            left += len(rows)
            continue
        lines += head
        budget -= size
        for n, row in enumerate(rows):
            if len(row.encode()) + 1 > budget:
                left += len(rows) - n
                break
            lines.append(row)
            budget -= len(row.encode()) + 1
    if diff.errors:
        lines += ["", f"⚠️ {plural(diff.errors, 'input error')} in this version: see the check."]
    failing = diff.failing()
    if failing:
        names = ", ".join(str(s) for s in Status if s in diff.fail_on)
        lines += ["", f"❌ --fail-on {names}: {_newly(len(failing))}."]
    if left:
        lines += [
            "",
            f"_{plural(left, 'more row')} left out to fit a comment; run `tracker diff` for all._",
        ]
    return "\n".join(lines) + "\n"


def _json_entry(entry: Entry) -> dict[str, object]:
    return {
        "ref": entry.ref,
        "status": str(entry.status),
        "text": entry.text,
        "file": entry.file,
        "line": entry.line,
    }


def render_json(diff: Diff) -> str:
    data = {
        "version": 1,
        "base": diff.base,
        "added": [_json_entry(e) for e in diff.added],
        "removed": [_json_entry(e) for e in diff.removed],
        "changed": [
            {"ref": c.ref, "before": str(c.before.status), "after": _json_entry(c.after)}
            for c in diff.changed
        ],
        "reworded": [
            {"ref": c.ref, "before": c.before.text, "after": _json_entry(c.after)}
            for c in diff.reworded
        ],
        "unchanged": diff.unchanged,
        "errors": diff.errors,
    }
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"


DIFF_FORMATS: dict[str, Callable[[Diff], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}
