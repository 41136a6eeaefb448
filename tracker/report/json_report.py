"""The versioned JSON report: the machine-readable contract (see DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from tracker import __version__
from tracker.report import RenderOptions
from tracker.result import CheckResult, Verdict

VERSION = 1


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    claim = verdict.claim
    return {
        "story": claim.story,
        "id": claim.id,
        "ref": claim.ref,
        "file": claim.location.path,
        "line": claim.location.line,
        "text": claim.text,
        "subject": claim.subject,
        "attribute": claim.attribute,
        "value": claim.value,
        "source": claim.source,
        "url": claim.url,
        "reported": claim.reported,
        "status": str(verdict.status),
        "computed": str(verdict.computed),
        "manual": verdict.manual,
        "reason": claim.reason,
        "review": verdict.review,
        "evidence": [e.to_dict() for e in verdict.evidence],
        "near_misses": [e.to_dict() for e in verdict.near_misses],
    }


def report_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "version": VERSION,
        "tool": {"name": "tracker", "version": __version__},
        "summary": {str(status): n for status, n in result.counts().items()},
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "file": s.path,
                "claims": len(s.claims),
                "statements": len(s.statements),
            }
            for s in result.stories
        ],
        "claims": [verdict_dict(v) for v in result.verdicts],
        "problems": [f.to_dict() for f in result.findings],
    }


def render(result: CheckResult, options: RenderOptions) -> str:
    """The report as JSON with one list item per line.

    One claim per line keeps reports diffable line by line, and lets the C encoder
    do the work (``indent=`` falls back to a pure-Python encoder, several times
    slower at 100,000 claims). ensure_ascii keeps the output plain ASCII, so no
    control or bidi character from a claim reaches a terminal or a log viewer raw.
    """
    encode = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": ")).encode
    parts = []
    for key, value in report_dict(result).items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(encode(item) for item in value)
            parts.append(f"  {encode(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
