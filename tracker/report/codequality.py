"""GitLab Code Quality (`artifacts:reports:codequality`): problems as merge-request notes.

A JSON array of issues with `description`, `check_name`, `fingerprint`, `severity` and
`location.path` / `location.lines.begin`. Problems are "major" (errors) or "minor"
(warnings); contradicted claims are "info", and claims whose status is named by
--fail-on are "major". The fingerprint hashes what identifies an issue, not its line,
so GitLab can tell a moved issue from a new one; equal fingerprints get a counter.
"""

from __future__ import annotations

import hashlib
import json

from tracker.finding import Level
from tracker.report import RenderOptions, why
from tracker.result import CheckResult


def _issue(
    description: str, check: str, severity: str, path: str, line: int, key: str, seen: set[str]
) -> dict[str, object]:
    fingerprint = hashlib.sha256(key.encode("utf-8")).hexdigest()
    n = 1
    while fingerprint in seen:
        n += 1
        fingerprint = hashlib.sha256(f"{key}\0{n}".encode()).hexdigest()
    seen.add(fingerprint)
    return {
        "description": description,
        "check_name": check,
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": max(1, line)}},
    }


def render(result: CheckResult, options: RenderOptions) -> str:
    seen: set[str] = set()
    issues = [
        _issue(
            f.message,
            f"tracker.{f.code}",
            "major" if f.level is Level.ERROR else "minor",
            f.path,
            f.line,
            f"{f.path}\0{f.code}\0{f.message}",
            seen,
        )
        for f in result.findings
    ]
    for verdict, failing in result.flagged():
        claim = verdict.claim
        reason = why(verdict)
        issues.append(
            _issue(
                f"{verdict.status}: {claim.ref}: {claim.text}" + (f" ({reason})" if reason else ""),
                f"tracker.{verdict.status}",
                "major" if failing else "info",
                claim.location.path,
                claim.location.line,
                f"{claim.location.path}\0{claim.ref}\0{verdict.status}",
                seen,
            )
        )
    # ensure_ascii: no control or bidi character reaches a log or a viewer raw.
    return json.dumps(issues, indent=2, ensure_ascii=True) + "\n"
