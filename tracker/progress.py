"""Progress reporting for long runs, with no terminal code in the core.

The core calls a `Progress` function as work advances; the CLI decides whether to
draw a bar (only on a terminal, only for long runs). Example::

    load(["claims"], progress=lambda stage, done, total: print(stage, done, total))
    # read 0 3 / read 1 3 / read 2 3 / read 3 3
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: `done` of `total` units of `stage` are finished.

Called once with ``done == 0`` before a stage starts and last with ``done == total``.
Stages: ``"read"`` (files, from `tracker.load.load`).
"""
