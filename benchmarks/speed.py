"""Speed benchmark: `tracker check` as a whole process against the bare YAML parse.

For each size it generates N claims and N statements (10 of each per story, fixed
seed; see generate.py) into a temporary folder, then times, each as a separate
process: the floor (a Python process that only parses the same files with libyaml,
``yaml.load(f, Loader=yaml.CSafeLoader)``), ``tracker validate`` and
``tracker check --format json`` (output to /dev/null). It prints seconds (best of
--repeat runs), the ratios to the floor (wall time, and check/floor in CPU time,
which other work on the machine disturbs less) and each process's peak memory
(ru_maxrss). Its header names the build it timed: "compiled" when the installed
tracker's matching modules are extension modules (the opt-in mypyc build, see the
README), else "pure".

    python benchmarks/speed.py                      # 20,000 and 100,000 claims
    python benchmarks/speed.py --claims 5000 --repeat 1
"""

from __future__ import annotations

import argparse
import importlib.machinery
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # a sibling script, found through the path above

FLOOR = """\
import os, sys, yaml
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(folder, name), "rb") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)
"""


@dataclass(frozen=True)
class Run:
    """One timed process: wall and CPU seconds, peak resident memory, exit status."""

    seconds: float
    cpu: float
    peak_mib: float
    status: int


def timed(command: list[str]) -> Run:
    """Run `command` with output to /dev/null; its own wall time and peak memory."""
    start = time.perf_counter()
    with (
        open(os.devnull, "wb") as sink,
        subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE) as process,
    ):
        assert process.stderr is not None
        errors = process.stderr.read()
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the
        # maximum over every child so far.
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{errors.decode()}")
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, kib / 1024, process.returncode)


def best(command: list[str], repeat: int) -> Run:
    """The fastest of `repeat` runs (least disturbed by other work on the machine)."""
    runs = [timed(command) for _ in range(repeat)]
    return min(runs, key=lambda r: r.seconds)


def tracker_command() -> list[str]:
    """The `tracker` installed beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "tracker"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("tracker")
    if found is None:
        sys.exit("tracker is not installed: pip install -e . first")
    return [found]


# Run by the Python beside the timed `tracker`: where its matching engine comes from.
ORIGIN = """\
import importlib.util
spec = importlib.util.find_spec("tracker.match.terms")
print(spec.origin if spec is not None and spec.origin else "")
"""


def build_of(tracker: list[str]) -> str:
    """Which build `tracker` runs: "compiled" (extension modules) or "pure" (sources)."""
    beside = Path(tracker[0]).parent / Path(sys.executable).name
    python = str(beside) if beside.exists() else sys.executable
    # From a neutral folder, so that a checkout in the working folder cannot shadow it.
    with tempfile.TemporaryDirectory() as neutral:
        origin = subprocess.run(
            [python, "-c", ORIGIN], cwd=neutral, capture_output=True, text=True, check=False
        ).stdout.strip()
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return "compiled" if origin.endswith(suffixes) else "pure"


def measure(claims: int, repeat: int, per_story: int, keep: Path | None) -> dict[str, Run]:
    """Generate `claims` claims and time the floor, validate and check on them."""
    with tempfile.TemporaryDirectory(prefix="tracker-speed-") as scratch:
        folder = (keep or Path(scratch)) / f"claims-{claims}"
        if not folder.exists():
            generate(folder, claims, per_story)
        tracker = tracker_command()
        return {
            "floor": best([sys.executable, "-c", FLOOR, str(folder)], repeat),
            "validate": best([*tracker, "validate", str(folder)], repeat),
            "check": best([*tracker, "check", "--format", "json", str(folder)], repeat),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--claims",
        type=int,
        action="append",
        help="number of claims (and of statements); repeatable (default: 20000 and 100000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per command; the best counts")
    parser.add_argument("--per-story", type=int, default=10, help="claims per story file")
    parser.add_argument(
        "--keep", type=Path, help="generate into (and reuse) this folder instead of a temporary one"
    )
    args = parser.parse_args()
    sizes = args.claims or [20_000, 100_000]
    header = (
        f"{'claims':>8} {'files':>6} {'floor s':>8} {'validate s':>10} {'check s':>8} "
        f"{'validate/floor':>14} {'check/floor':>11} {'(cpu)':>6} {'peak MiB floor/validate/check':>30}"
    )
    print(f"{header}   [{build_of(tracker_command())} build]")
    ratios = {}
    for claims in sizes:
        runs = measure(claims, args.repeat, args.per_story, args.keep)
        floor, validate, check = runs["floor"], runs["validate"], runs["check"]
        ratios[claims] = check.seconds / floor.seconds
        files = -(-claims // args.per_story)
        peaks = f"{floor.peak_mib:.0f}/{validate.peak_mib:.0f}/{check.peak_mib:.0f}"
        print(
            f"{claims:>8} {files:>6} {floor.seconds:>8.2f} {validate.seconds:>10.2f} "
            f"{check.seconds:>8.2f} {validate.seconds / floor.seconds:>14.2f} "
            f"{ratios[claims]:>11.2f} {check.cpu / floor.cpu:>6.2f} {peaks:>30}",
            flush=True,
        )
    if len(ratios) > 1:
        smallest, largest = min(ratios), max(ratios)
        print(
            f"check/floor ratio at {largest:,} claims is {ratios[largest] / ratios[smallest]:.2f}x "
            f"the ratio at {smallest:,}"
        )


if __name__ == "__main__":
    main()
