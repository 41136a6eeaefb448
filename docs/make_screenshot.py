"""Render the HTML report and take the screenshot the README shows (docs/report.png).

    python docs/make_screenshot.py              # hand-built demo result (every status)
    python docs/make_screenshot.py --claims claims/   # the real check of a folder
    python docs/make_screenshot.py --width 390 --out /tmp/phone.png   # phone width

Needs Debian's `chromium` (apt-get install chromium). Run from the repository root.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.report_samples import CHROMIUM_FLAGS, evidence_result  # noqa: E402
from tracker.check import check  # noqa: E402
from tracker.config import Config  # noqa: E402
from tracker.report import render  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=Path, help="check this folder instead of the demo")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--html", type=Path, help="also keep the rendered HTML here")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--fragment", default="", help="URL fragment, e.g. status=contradicted")
    args = parser.parse_args()

    result = check([args.claims], Config()) if args.claims else evidence_result()
    page = render("html", result)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium not found: apt-get install chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(args.html or Path(tmp) / "index.html").resolve()
        html.write_text(page, encoding="utf-8")
        url = html.as_uri() + (f"#{args.fragment}" if args.fragment else "")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                browser,
                *CHROMIUM_FLAGS,
                "--hide-scrollbars",
                f"--user-data-dir={tmp}/profile",
                f"--screenshot={args.out.resolve()}",
                f"--window-size={args.width},{args.height}",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
