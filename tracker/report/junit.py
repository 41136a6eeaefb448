"""JUnit XML for CI test tabs (GitLab `artifacts:reports:junit`, Jenkins, test reporters).

One testsuite per story and one testcase per claim: a contradicted claim, or one whose
status is named by --fail-on, is a failure; a rumoured claim is skipped; a confirmed
claim passes. Validation problems become a "validation" testsuite with one testcase per
file. Names are unique within a suite. The output is built with ElementTree (which
escapes markup) from values that `escape.xml` has made legal XML 1.0 on one line, and
it carries no timestamps, so the same input gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from tracker.finding import Finding, Level
from tracker.model import Statement, Status
from tracker.report import RenderOptions, plural, statement_index, statement_of, why
from tracker.report.escape import xml
from tracker.result import CheckResult, Verdict


def _unique(name: str, seen: set[str]) -> str:
    candidate, n = name, 1
    while candidate in seen:
        n += 1
        candidate = f"{name} #{n}"
    seen.add(candidate)
    return candidate


def _suite(parent: ET.Element, name: str, file: str | None) -> ET.Element:
    suite = ET.SubElement(parent, "testsuite", name=xml(name))
    for key in ("tests", "failures", "errors", "skipped"):
        suite.set(key, "0")
    suite.set("time", "0")
    if file is not None:
        suite.set("file", xml(file))
    return suite


def _count(suite: ET.Element, key: str) -> None:
    suite.set(key, str(int(suite.get(key, "0")) + 1))


def _verdict_body(verdict: Verdict, index: dict[str, Statement]) -> str:
    # Every line starts with a fixed label: a value never begins a line of the file.
    claim = verdict.claim
    lines = [f"claim: {xml(claim.text)}"]
    if claim.source:
        lines.append(
            f"source: {xml(claim.source)}" + (f" ({xml(claim.reported)})" if claim.reported else "")
        )
    if verdict.manual:
        lines.append(f"manual verdict (engine says {verdict.computed}): {xml(claim.reason or '')}")
    for evidence in verdict.evidence:
        statement = statement_of(index, verdict, evidence)
        lines.append(f"{evidence.relation} {xml(evidence.statement)} (score {evidence.score:.0f})")
        if statement is not None:
            lines.append(f"  statement: {xml(statement.text)}")
        if evidence.detail:
            lines.append(f"  detail: {xml(evidence.detail)}")
    if verdict.review:
        lines.append(f"review: {xml(verdict.review)}")
    return "\n".join(lines)


def _testcase(
    suite: ET.Element,
    verdict: Verdict,
    fail_on: frozenset[Status],
    index: dict[str, Statement],
    seen: set[str],
) -> None:
    claim = verdict.claim
    case = ET.SubElement(
        suite,
        "testcase",
        classname=xml(f"tracker.{claim.story}"),
        name=_unique(xml(claim.id), seen),
        file=xml(claim.location.path),
        line=str(claim.location.line),
        time="0",
    )
    _count(suite, "tests")
    failing = verdict.status in fail_on
    reason = why(verdict)
    message = xml(f"{verdict.status}: {reason}" if reason else str(verdict.status))
    if verdict.status is Status.CONTRADICTED or failing:
        failure = ET.SubElement(case, "failure", message=message, type=str(verdict.status))
        failure.text = _verdict_body(verdict, index)
        _count(suite, "failures")
    elif verdict.status is Status.RUMOURED:
        ET.SubElement(case, "skipped", message="rumoured: no official statement settles it yet")
        _count(suite, "skipped")
    else:
        out = ET.SubElement(case, "system-out")
        out.text = _verdict_body(verdict, index)


def _problems(root: ET.Element, result: CheckResult) -> None:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[finding.path].append(finding)
    files = sorted(set(result.files) | set(by_file))
    if not files:
        return
    suite = _suite(root, "validation", None)
    seen: set[str] = set()
    for path in files:
        case = ET.SubElement(
            suite,
            "testcase",
            classname="tracker.validation",
            name=_unique(xml(path), seen),
            file=xml(path),
            time="0",
        )
        _count(suite, "tests")
        found = by_file.get(path, [])
        errors = [f for f in found if f.level is Level.ERROR]
        if found:
            case.set("line", str(found[0].line))
        if errors:
            failure = ET.SubElement(
                case,
                "failure",
                message=xml(f"{plural(len(errors), 'error')}: {errors[0].message}"),
                type="invalid",
            )
            failure.text = "\n".join(f"- {xml(str(f))}" for f in found)
            _count(suite, "failures")
        elif found:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"- {xml(str(f))}" for f in found)


def render(result: CheckResult, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="tracker")
    _problems(root, result)
    if result.checked:
        index = statement_index(result)
        seen_suites: set[str] = set()
        for story, verdicts in result.by_story():
            suite = _suite(root, _unique(story.id, seen_suites), story.path)
            seen_cases: set[str] = set()
            for verdict in verdicts:
                _testcase(suite, verdict, result.fail_on, index, seen_cases)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    root.set("time", "0")
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
