"""The files users' CI runs: the workflow, the composite action and the pre-commit hook.

Validated offline with check-jsonschema's bundled SchemaStore schemas, and checked for
the safety rules in CI.md (no pull_request_target, least privilege, inputs via env).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "tracker.yml"
ACTION = ROOT / "action.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
BIN = Path(sys.executable).parent


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _tool(name: str) -> str | None:
    local = BIN / name
    return str(local) if local.exists() else shutil.which(name)


@pytest.mark.parametrize(
    ("schema", "path"),
    [("vendor.github-workflows", WORKFLOW), ("vendor.github-actions", ACTION)],
)
def test_valid_against_bundled_schema(schema: str, path: Path) -> None:
    tool = _tool("check-jsonschema")
    if tool is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [tool, "--builtin-schema", schema, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


def _run_steps(steps: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    return (step for step in steps if "run" in step)


def test_workflow_follows_the_safety_rules() -> None:
    code = [line.split(" #")[0] for line in WORKFLOW.read_text(encoding="utf-8").splitlines()]
    assert not any("pull_request_target" in line for line in code if not line.startswith("#"))
    workflow = _load(WORKFLOW)
    # PyYAML reads the key `on` as True (YAML 1.1).
    trigger = workflow.get("on", workflow.get(True))
    assert list(trigger) == ["pull_request"]  # never pull_request_target
    assert trigger["pull_request"]["paths"][0] == "claims/**"
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert "permissions" not in jobs["check"]
    assert jobs["comment"]["permissions"] == {"pull-requests": "write"}
    assert (
        "github.event.pull_request.head.repo.full_name == github.repository"
        in (jobs["comment"]["if"])
    )
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert "actions/checkout@v7" in uses and "actions/download-artifact@v8" in uses
    for job in jobs.values():
        for step in _run_steps(job["steps"]):
            assert "${{" not in step["run"], "pass values through env, not into the script"


def test_action_is_composite_with_safe_steps() -> None:
    action = _load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert {"paths", "fail-on", "formats"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    for step in _run_steps(steps):
        assert step.get("shell") == "bash", step.get("name")
        assert "${{" not in step["run"], step.get("name")
    install = next(s for s in steps if s.get("name") == "Install tracker")
    assert '"$GITHUB_ACTION_PATH"' in install["run"]
    upload = next(s for s in steps if "upload-artifact" in s.get("uses", ""))
    assert upload["uses"] == "actions/upload-artifact@v7"
    assert set(upload["with"]) <= {"name", "path", "if-no-files-found", "retention-days"}


def test_ci_run_writes_the_report_artifact() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for target in ("report/index.html", "report/report.json", "report/summary.md"):
        assert target in script


# --- pre-commit ---------------------------------------------------------------------


def _hook() -> dict[str, Any]:
    hooks = _load(HOOKS)
    assert isinstance(hooks, list) and len(hooks) == 1
    hook: dict[str, Any] = hooks[0]
    return hook


def test_hook_definition() -> None:
    hook = _hook()
    assert hook["id"] == "tracker-validate"
    assert hook["language"] == "python"
    assert {"id", "name", "entry", "language", "files"} <= set(hook)
    files = re.compile(hook["files"])
    assert files.search("claims/phone.yaml") and files.search("claims/sub/x.yml")
    assert not files.search("docs/phone.yaml") and not files.search("claims/readme.md")


GOOD = """\
story: A phone launch
claims:
  - id: chip
    text: The phone will use the X1 chip.
    reported: 2024-02-01
"""

# An id that is not kebab-case (line 3) and an impossible date (line 5).
BAD = GOOD.replace("id: chip", "id: Chip").replace("2024-02-01", "2024-02-30")


@pytest.mark.parametrize(("content", "expected"), [(GOOD, 0), (BAD, 1)])
def test_hook_entry_on_a_sample(
    content: str, expected: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "phone.yaml").write_text(content, encoding="utf-8")
    command = shlex.split(_hook()["entry"])
    program = _tool(command[0])
    assert program is not None, f"{command[0]} is not installed"
    # pre-commit appends the matching file names to the entry.
    done = subprocess.run(
        [program, *command[1:], "claims/phone.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == expected, done.stdout + done.stderr
    if expected:
        assert "claims/phone.yaml:3:" in done.stdout and "claims/phone.yaml:5:" in done.stdout


def test_action_check_step_runs_in_a_repository(tmp_path: Path) -> None:
    """The action's main script, run as the runner would, on a small repository."""
    step = next(s for s in _load(ACTION)["runs"]["steps"] if s.get("id") == "check")
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "phone.yaml").write_text(GOOD, encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "base"]):
        subprocess.run([*git, *args], cwd=tmp_path, check=True, capture_output=True)
    (claims / "phone.yaml").write_text(
        GOOD + "  - id: battery\n    text: It has a 5000mAh battery.\n", encoding="utf-8"
    )
    output, summary = tmp_path / "output.txt", tmp_path / "summary.md"
    env = {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "GITHUB_ACTIONS": "true",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "TRACKER_PATHS": "claims",
        "TRACKER_FAIL_ON": "contradicted",
        "TRACKER_FORMATS": "markdown html json junit",
        "TRACKER_DIR": "tracker-report",
        "TRACKER_SUMMARY": "true",
        "TRACKER_DIFF_BASE": "main",
        "TRACKER_ARTIFACT": "tracker-report",
    }
    assert set(step["env"]) <= set(env)
    done = subprocess.run(
        ["bash", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "exit-code=0" in output.read_text(encoding="utf-8")
    assert "diff=tracker-report/diff.md" in output.read_text(encoding="utf-8")
    assert summary.read_text(encoding="utf-8").startswith("## tracker report")
    assert "::error" not in done.stdout
    report = tmp_path / "tracker-report"
    assert sorted(p.name for p in report.iterdir()) == [
        "diff.md",
        "index.html",
        "junit.xml",
        "report.json",
        "summary.md",
    ]
    assert "1 added" in (report / "diff.md").read_text(encoding="utf-8")
    # Bad data: the step still writes everything, records exit code 1 for the last
    # step to fail on, and annotates the bad lines.
    (claims / "phone.yaml").write_text(BAD, encoding="utf-8")
    output.write_text("", encoding="utf-8")
    done = subprocess.run(
        ["bash", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "exit-code=1" in output.read_text(encoding="utf-8")
    assert "::error file=claims/phone.yaml,line=3," in done.stdout
    assert "### Problems (2)" in (report / "summary.md").read_text(encoding="utf-8")
