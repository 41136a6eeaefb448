"""The built wheel works on its own: installed in a fresh venv, run from elsewhere.

Slow (it builds, creates a venv and installs the runtime dependencies), so it is
marked `slow`; it still runs by default and in .ci/run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CLAIMS, ROOT

pytestmark = pytest.mark.slow


def _bin(env: Path, name: str) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin") / name


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "GITHUB_ACTIONS", "HATCH_BUILD_HOOKS_ENABLE")
    }
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel built from this checkout."""
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
        "-w", dist, ROOT, cwd=root,
    )  # fmt: skip
    if built.returncode != 0:  # no hatchling in this environment: build it isolated
        built = _run(
            sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT, cwd=root
        )
    assert built.returncode == 0, built.stderr
    wheels = list(dist.glob("tracker-*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as archive:
        names = archive.namelist()
    assert "tracker/schemas/claims.schema.json" in names
    # The default build is pure Python; the compiled one is opt-in (README "Speed").
    assert wheels[0].name.endswith("-py3-none-any.whl")
    assert not [name for name in names if name.endswith((".so", ".pyd", ".c"))]
    env = root / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    pip = _run(_bin(env, "python"), "-m", "pip", "install", "-q", wheels[0], cwd=root)
    assert pip.returncode == 0, pip.stderr
    return env


def test_installed_wheel_validates_from_another_folder(installed: Path, tmp_path: Path) -> None:
    shutil.copytree(CLAIMS, tmp_path / "claims")
    (tmp_path / "claims" / "broken.yaml").write_text(
        "story: Broken\nclaims:\n  - id: a\n    text: One.\n    sorce: x\n", encoding="utf-8"
    )
    tracker = _bin(installed, "tracker")

    result = _run(tracker, "validate", "claims/xiaomi-leica-2022.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "1 file checked, 1 valid, 0 errors\n"

    # An invalid file needs jsonschema and the schema's own property list.
    result = _run(tracker, "validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(
        "claims/broken.yaml:5:5: error [unknown-field] unknown field 'sorce' "
        "(did you mean 'source'?)"
    )
    assert "Traceback" not in result.stderr


def test_installed_wheel_reads_the_schema_from_package_data(
    installed: Path, tmp_path: Path
) -> None:
    probe = (
        "import tracker, tracker.schema as s; from importlib import resources; "
        "p = resources.files('tracker') / 'schemas' / s.SCHEMA_NAME; "
        "print(tracker.__file__); print(p.is_file()); print(s.schema_text() == p.read_text('utf-8'))"
    )
    result = _run(_bin(installed, "python"), "-c", probe, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    module, packaged, same = result.stdout.splitlines()
    assert Path(module).resolve().is_relative_to(installed.resolve())
    assert not Path(module).resolve().is_relative_to(ROOT)
    assert packaged == "True"
    assert same == "True"
    assert (ROOT / "schemas" / "claims.schema.json").read_text("utf-8") == (
        Path(module).parent / "schemas" / "claims.schema.json"
    ).read_text("utf-8")
