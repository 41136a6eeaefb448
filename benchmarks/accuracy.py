"""Accuracy harness: labelled rumours -> claims folders -> the real `tracker check`.

Reads the two labelled samples (see ../shared/data/README.md):

* dev-rumours.json, run twice: text only (id, text, source, reported) and structured
  (plus subject, attribute, value);
* vitaminc-dev.jsonl, each claim/evidence pair as one story with one claim and one
  statement.

Each run writes story files to a temporary folder, runs ``tracker check --format json``
as a subprocess, and prints accuracy, per-label precision/recall and the 3x3 confusion
matrix. ``--split even|odd`` keeps every other dev story, to check that a rule tuned on
one half holds on the other. Exits non-zero only on harness errors (missing data, a
tracker run that fails), never on low accuracy.

    python benchmarks/accuracy.py [--data PATH] [--run NAME ...] [--split all|even|odd]
                                  [--misses] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LABELS = ("confirmed", "contradicted", "rumoured")
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
RUNS = ("rumours-text", "rumours-structured", "vitaminc")
TRACKER = [sys.executable, "-c", "import sys; from tracker.cli import main; sys.exit(main())"]


class HarnessError(Exception):
    """The harness itself failed (not the engine scoring low)."""


@dataclass(frozen=True)
class Case:
    """One labelled claim: where it was written and its expected status."""

    story: str
    claim: str
    label: str


def kebab(text: str, fallback: str) -> str:
    """A schema-valid id from any label."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out or fallback


def rumour_files(
    stories: Sequence[dict[str, Any]], structured: bool
) -> tuple[dict[str, Any], list[Case]]:
    """Story documents (by file stem) and the cases they hold, from dev-rumours.json."""
    files: dict[str, Any] = {}
    cases: list[Case] = []
    fields = ("id", "text", "source", "reported")
    if structured:
        fields += ("subject", "attribute", "value")
    for number, story in enumerate(stories):
        stem = f"story-{number:03d}"
        claims = []
        for n, claim in enumerate(story["claims"]):
            item = {k: claim[k] for k in fields if claim.get(k) not in (None, "")}
            item["id"] = kebab(str(claim["id"]), f"claim-{n}")
            claims.append(item)
            cases.append(Case(stem, item["id"], claim["label"]))
        statements = []
        for n, statement in enumerate(story["statements"]):
            item = {k: statement[k] for k in ("id", "text", "source", "date") if statement.get(k)}
            item["id"] = kebab(str(statement["id"]), f"statement-{n}")
            statements.append(item)
        files[stem] = {"story": story["story"], "claims": claims, "statements": statements}
    return files, cases


def vitaminc_files(rows: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], list[Case]]:
    """One story per claim/evidence pair."""
    files: dict[str, Any] = {}
    cases: list[Case] = []
    for number, row in enumerate(rows):
        stem = f"pair-{number:04d}"
        files[stem] = {
            "story": str(row.get("id", stem)),
            "claims": [{"id": "claim", "text": row["claim"]}],
            "statements": [{"id": "evidence", "text": row["evidence"]}],
        }
        cases.append(Case(stem, "claim", row["label"]))
    return files, cases


Report = dict[tuple[str, str], dict[str, Any]]


def run_tracker(files: dict[str, Any], extra: Sequence[str] = ()) -> Report:
    """Write the files, run `tracker check --format json`, return each claim's JSON
    record by (story, id)."""
    with tempfile.TemporaryDirectory(prefix="tracker-accuracy-") as tmp:
        folder = Path(tmp) / "claims"
        folder.mkdir()
        for stem, document in files.items():
            text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
            (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [*TRACKER, "check", "--format", "json", *extra, str(folder)],
            capture_output=True,
            text=True,
            cwd=tmp,
            check=False,
        )
    if proc.returncode not in (0, 1):
        raise HarnessError(f"tracker check failed ({proc.returncode}): {proc.stderr.strip()}")
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as error:
        raise HarnessError(f"tracker printed no JSON: {error}") from None
    # Warnings (a claim without a source, say) do not make the files invalid.
    errors = [p for p in report.get("problems", ()) if p.get("level") == "error"]
    if errors:
        raise HarnessError(f"the generated files are invalid: {errors[0]}")
    return {(c["story"], c["id"]): c for c in report["claims"]}


def score(cases: Sequence[Case], got: Report) -> dict[str, Any]:
    """Accuracy, per-label precision/recall, the confusion matrix and the misses."""
    matrix = {gold: dict.fromkeys(LABELS, 0) for gold in LABELS}
    misses = []
    for case in cases:
        record = got.get((case.story, case.claim))
        if record is None:
            raise HarnessError(f"no verdict for {case.story}/{case.claim}")
        matrix[case.label][record["status"]] += 1
        if record["status"] != case.label:
            misses.append(miss(case, record))
    total = len(cases)
    correct = sum(matrix[label][label] for label in LABELS)
    per_label = {}
    for label in LABELS:
        predicted = sum(matrix[gold][label] for gold in LABELS)
        actual = sum(matrix[label].values())
        per_label[label] = {
            "precision": matrix[label][label] / predicted if predicted else 0.0,
            "recall": matrix[label][label] / actual if actual else 0.0,
            "predicted": predicted,
            "actual": actual,
        }
    return {
        "total": total,
        "accuracy": correct / total if total else 0.0,
        "labels": per_label,
        "matrix": matrix,
        "misses": misses,
    }


def miss(case: Case, record: dict[str, Any]) -> dict[str, Any]:
    """One wrong verdict: where, expected and given status, the claim, and the
    engine's first reason (its decisive evidence, else its best near miss)."""
    shown = [*record["evidence"], *record["near_misses"]]
    return {
        "claim": f"{case.story}/{case.claim}",
        "label": case.label,
        "status": record["status"],
        "text": record["text"],
        "why": shown[0]["detail"] if shown else "no related statement",
    }


def render_misses(result: dict[str, Any]) -> str:
    """The wrong verdicts of one run, one block each."""
    return "\n".join(
        f"  {m['claim']}: {m['label']} -> {m['status']}\n    {m['text']}\n    ({m['why']})"
        for m in result["misses"]
    )


def render(name: str, result: dict[str, Any]) -> str:
    """The figures for one run as text."""
    confirmed = result["labels"]["confirmed"]
    lines = [
        f"{name}: accuracy {result['accuracy']:.3f} on {result['total']} claims; "
        f"precision on confirmed {confirmed['precision']:.3f}",
    ]
    for label in LABELS:
        item = result["labels"][label]
        lines.append(
            f"  {label:<13} precision {item['precision']:.3f}  recall {item['recall']:.3f}"
            f"  (predicted {item['predicted']}, actual {item['actual']})"
        )
    lines.append("  confusion (rows: label, columns: tracker)")
    lines.append("  " + " " * 14 + "".join(f"{label:>14}" for label in LABELS))
    for gold in LABELS:
        row = "".join(f"{result['matrix'][gold][label]:>14}" for label in LABELS)
        lines.append(f"  {gold:<14}{row}")
    return "\n".join(lines)


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise HarnessError(f"cannot read {path}: {error}") from None


def load_jsonl(path: Path) -> list[Any]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as error:
        raise HarnessError(f"cannot read {path}: {error}") from None


def split(items: Sequence[Any], which: str) -> list[Any]:
    """All items, or every other one (even/odd positions) for a held-out check."""
    if which == "all":
        return list(items)
    offset = 0 if which == "even" else 1
    return [item for n, item in enumerate(items) if n % 2 == offset]


def evaluate(data: Path, runs: Sequence[str], which: str) -> list[tuple[str, dict[str, Any]]]:
    """Run each named evaluation and return its figures."""
    results = []
    for run in runs:
        if run.startswith("rumours"):
            stories = split(load_json(data / "dev-rumours.json"), which)
            files, cases = rumour_files(stories, structured=run.endswith("structured"))
        else:
            files, cases = vitaminc_files(split(load_jsonl(data / "vitaminc-dev.jsonl"), which))
        results.append((run, score(cases, run_tracker(files))))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the samples")
    parser.add_argument("--run", action="append", choices=RUNS, help="which run(s); default all")
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--misses", action="store_true", help="also list every wrong verdict and its reason"
    )
    args = parser.parse_args(argv)
    try:
        results = evaluate(args.data, args.run or list(RUNS), args.split)
    except HarnessError as error:
        print(f"accuracy: error: {error}", file=sys.stderr)
        return 2
    if not args.misses:
        for _name, result in results:
            del result["misses"]
    if args.json:
        print(json.dumps(dict(results), indent=2, sort_keys=True))
    else:
        blocks = [render(name, result) for name, result in results]
        if args.misses:
            blocks = [
                f"{block}\n  misses:\n{render_misses(result) or '  (none)'}"
                for block, (_name, result) in zip(blocks, results, strict=True)
            ]
        print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
