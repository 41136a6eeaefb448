"""Hatchling build hook keeping compiled files out of the source tree.

The opt-in compiled build (the `mypyc` hook in pyproject.toml) compiles in place:
it writes extension modules (`*.so`, `*.pyd`) next to the sources before they are
packed into the wheel. Python imports an extension module in preference to the
`.py` beside it, so one left in the tree would shadow the sources of an editable
install, and go stale with the next edit. This hook, always on and needing nothing
beyond hatchling, removes such files before every wheel build (an earlier compiled
build may have been interrupted), refuses a compiled editable install and removes
the files again once a compiled wheel is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Where the compiled build puts its files: next to each compiled module, and its
# shared runtime library at the project root.
COMPILED = ("tracker/**/*.so", "tracker/**/*.pyd", "*__mypyc*.so", "*__mypyc*.pyd")


def compiled_files(root: Path) -> list[Path]:
    """Extension modules in the source tree under `root` (sorted)."""
    return sorted({path for pattern in COMPILED for path in root.glob(pattern)})


class CompiledFilesHook(BuildHookInterface):  # type: ignore[type-arg]
    """Removes compiled files from the source tree around wheel builds."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if "mypyc" in build_data.get("build_hooks", ()) and version == "editable":
            raise RuntimeError(
                "the compiled build is not available as an editable install (its "
                "compiled modules would shadow the sources you edit); install it "
                "with `HATCH_BUILD_HOOKS_ENABLE=1 pip install .`, or drop "
                "HATCH_BUILD_HOOKS_ENABLE for an editable install"
            )
        self._remove()

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        self._remove()

    def _remove(self) -> None:
        for path in compiled_files(Path(self.root)):
            path.unlink()
