"""`tracker explain`: the whole reasoning behind one claim's verdict, as text."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence

from tracker.check import check
from tracker.config import Config
from tracker.report.escape import terminal


class ExplainError(Exception):
    """The reference names no claim: exit code 2."""


def explain_claim(paths: Sequence[str | os.PathLike[str]], ref: str, config: Config) -> str:
    result = check(paths, config)
    verdicts = {v.claim.ref: v for v in result.verdicts}
    if ref not in verdicts:
        hint = difflib.get_close_matches(ref, list(verdicts), n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise ExplainError(f"no claim '{ref}'{suggestion}; refer to a claim as STORY/ID")
    verdict = verdicts[ref]
    claim = verdict.claim
    lines = [
        f"{claim.ref}  ({claim.location.path}:{claim.location.line})",
        f"  claim:    {terminal(claim.text)}",
    ]
    for name in ("subject", "attribute", "value", "source", "reported"):
        value = getattr(claim, name)
        if value:
            lines.append(f"  {name + ':':<10}{terminal(str(value))}")
    lines.append(f"  status:   {verdict.status}")
    if verdict.manual:
        lines.append(
            f"  manual verdict overrides the engine ({verdict.computed}): {terminal(claim.reason or '')}"
        )
    for title, items in (("evidence", verdict.evidence), ("near misses", verdict.near_misses)):
        lines.append(f"  {title}:" if items else f"  {title}: none")
        for item in items:
            lines.append(f"    {item.relation} {item.statement}  score {item.score:.1f}")
            lines.append(f"      {terminal(item.detail)}")
            if item.matched:
                lines.append(f"      matched:   {terminal(', '.join(item.matched))}")
            if item.conflicts:
                lines.append(f"      conflicts: {terminal(', '.join(item.conflicts))}")
    if verdict.review:
        lines.append(f"  review: {terminal(verdict.review)}")
    return "\n".join(lines) + "\n"
