"""`tracker explain`: the whole reasoning behind one claim's verdict, as text.

For one claim: its key terms, every candidate statement with its similarity score and
key terms, what matched, conflicted or was missing in each, and why the verdict
follows from that evidence.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence

from tracker.check import check
from tracker.config import Config
from tracker.match import Engine, candidates
from tracker.match.claim import ClaimReading, read_claim
from tracker.match.reading import Reading
from tracker.match.relation import Outcome
from tracker.model import Status
from tracker.report.escape import terminal
from tracker.result import Relation, Verdict


class ExplainError(Exception):
    """The reference names no claim: exit code 2."""


def explain_claim(paths: Sequence[str | os.PathLike[str]], ref: str, config: Config) -> str:
    """The reasoning for the claim `ref` (STORY/ID) among the stories under `paths`."""
    result = check(paths, config)
    verdicts = {v.claim.ref: v for v in result.verdicts}
    if ref not in verdicts:
        hint = difflib.get_close_matches(ref, sorted(verdicts), n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        message = f"no claim '{ref}'{suggestion}; refer to a claim as STORY/ID"
        if result.errors:
            # A claim with an invalid field is not loaded: say so instead of hiding it.
            shown = "\n  ".join(terminal(str(f)) for f in result.errors[:10])
            message += f"\ninput errors may hide it:\n  {shown}"
        raise ExplainError(message)
    verdict = verdicts[ref]
    engine = Engine(config)
    related = candidates(result.stories, config).get(ref, [])
    found = engine.outcomes(verdict.claim, related)
    reading = read_claim(verdict.claim, config.aliases)
    lines = _header(verdict)
    lines += _claim_terms(reading)
    lines.append(
        f"candidates: {len(found)} (rapidfuzz token_set_ratio >= {config.candidate_score:g}, "
        f"scope {config.scope})"
    )
    for statement, score, outcome in found:
        lines.append(
            f"  {outcome.relation} {statement.ref}  score {score:.1f}  date {statement.date or '-'}"
        )
        lines.append(f"    statement: {terminal(statement.text)}")
        lines += _statement_terms(engine.statement(statement))
        lines += _outcome_lines(outcome)
    lines.append("verdict:")
    lines.append(f"  {_why(verdict)}")
    if verdict.review:
        lines.append(f"  review: {terminal(verdict.review)}")
    return "\n".join(lines) + "\n"


def _header(verdict: Verdict) -> list[str]:
    claim = verdict.claim
    lines = [
        f"{claim.ref}  ({claim.location.path}:{claim.location.line})",
        f"  claim:     {terminal(claim.text)}",
    ]
    for name in ("subject", "attribute", "value", "source", "reported"):
        value = getattr(claim, name)
        if value:
            lines.append(f"  {name + ':':<11}{terminal(str(value))}")
    lines.append(f"  status:    {verdict.status}")
    if verdict.manual:
        lines.append(
            f"  manual verdict overrides the engine ({verdict.computed}): "
            f"{terminal(claim.reason or '')}"
        )
    return lines


def _claim_terms(reading: ClaimReading) -> list[str]:
    keys = [k.term.shown for k in (*reading.values, *reading.quantities, *reading.periods)]
    lines = ["key terms of the claim:"]
    lines.append(f"  subject:    {_join(s.text for s in reading.subjects)}")
    lines.append(f"  key terms:  {_join(keys)}")
    lines.append(f"  words:      {_join(word for word, _ in reading.words)}")
    lines.append(f"  polarity:   {'negative' if reading.negative else 'positive'}")
    return lines


def _statement_terms(reading: Reading) -> list[str]:
    parsed = reading.parsed
    terms = [q.shown for q in parsed.quantities if not q.comparison]
    terms += [i.text for i in parsed.idents]
    terms += [d.text for d in parsed.periods if not d.comparison]
    lines = [f"    key terms: {_join(terms)}"]
    if reading.fact is not None:
        lines.append(f"    fact:      {terminal(reading.fact.shown)}")
    return lines


def _outcome_lines(outcome: Outcome) -> list[str]:
    lines = [f"    matched:   {_join(outcome.matched)}"]
    if outcome.conflicts:
        lines.append(f"    conflicts: {_join(outcome.conflicts)}")
    if outcome.missing:
        lines.append(f"    not found: {_join(outcome.missing)}")
    lines.append(f"    words covered: {outcome.coverage:.0%}")
    lines.append(f"    => {terminal(outcome.detail)}")
    return lines


def _why(verdict: Verdict) -> str:
    supports = [e for e in verdict.evidence if e.relation is Relation.SUPPORTS]
    contradicts = [e for e in verdict.evidence if e.relation is Relation.CONTRADICTS]
    computed = verdict.computed
    if computed is Status.CONTRADICTED and supports:
        reason = f"statements disagree; {verdict.evidence[0].statement} decides (latest dated)"
    elif computed is Status.CONTRADICTED:
        reason = f"{contradicts[0].statement} contradicts it: {terminal(contradicts[0].detail)}"
    elif computed is Status.CONFIRMED and contradicts:
        reason = f"statements disagree; {verdict.evidence[0].statement} decides (latest dated)"
    elif computed is Status.CONFIRMED:
        reason = f"{supports[0].statement} covers all of it and none contradicts it"
    else:
        reason = "no statement covers all of it or contradicts it"
    text = f"{computed}: {reason}"
    if verdict.manual:
        text += f"; the manual verdict ({verdict.status}) overrides this"
    return text


def _join(items: object) -> str:
    values = [terminal(str(item)) for item in items]  # type: ignore[attr-defined]
    return ", ".join(values) if values else "none"
