"""The command line: a thin click layer over `tracker.check` and the reporters.

Exit codes, as linters use them: 0 clean; 1 problems found (invalid data, or a
claim whose status is named by --fail-on); 2 usage or configuration error.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from tracker import __version__
from tracker.config import SCOPES, Config, ConfigError, load_config
from tracker.gcpause import paused_gc
from tracker.load import YAML_SUFFIXES, InputError
from tracker.model import Status
from tracker.result import CheckResult

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES = """\b
Exit codes:
  0  clean
  1  problems found: invalid data, or a claim with a status named by --fail-on
  2  usage or configuration error (missing path, no YAML files, bad config)"""

VALIDATE_EXIT_CODES = """\b
Exit codes:
  0  every file is valid
  1  problems found
  2  usage or configuration error (missing path, no YAML files, bad config)"""

EXPLAIN_EXIT_CODES = """\b
Exit codes:
  0  the claim was explained
  1  input errors in the story files (shown before the explanation)
  2  usage or configuration error (no such claim, missing path, bad config)"""

STATUSES = [str(s) for s in Status]


class UsageProblem(click.ClickException):
    """A usage or configuration error, reported with exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"tracker: error: {self.format_message()}", err=True)


def _formats() -> list[str]:
    from tracker.report import FORMATS

    return list(FORMATS)


def paths_argument(func: F) -> F:
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(func)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Settings file (default: tracker.yaml, else [tool.tracker] in pyproject.toml).",
    )(func)


def color_option(func: F) -> F:
    return click.option(
        "--color/--no-color",
        default=None,
        help="Colour the text report (default: only on a terminal, never with NO_COLOR).",
    )(func)


def fail_on_option(help_text: str) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--fail-on", type=click.Choice(STATUSES), multiple=True, help=help_text
        )(func)

    return decorate


def scope_option(func: F) -> F:
    return click.option(
        "--scope",
        type=click.Choice(SCOPES),
        default=None,
        help="Match against statements of the claim's story (default) or of all stories.",
    )(func)


def _config(config_path: Path | None, **overrides: Any) -> Config:
    try:
        config = load_config(config_path)
    except ConfigError as error:
        raise UsageProblem(str(error)) from None
    changes = {k: v for k, v in overrides.items() if v is not None}
    if changes:
        from dataclasses import replace

        config = replace(config, **changes)
    return config


class _ProgressBar:
    """A one-line progress bar on standard error, for long runs on a terminal only.

    Nothing is drawn in CI, when stderr is redirected, or for runs that finish within
    a second, so ordinary output and logs stay clean.
    """

    DELAY = 1.0

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._start = self._clock()
        self._last = 0.0

    @staticmethod
    def wanted() -> bool:
        return sys.stderr.isatty() and not os.environ.get("CI")

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self._clock()
        finished = done >= total
        if now - self._start < self.DELAY or (now - self._last < 0.1 and not finished):
            return
        self._last = now
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r{stage:<6} [{bar}] {done:,}/{total:,}")
        if finished:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _progress() -> _ProgressBar | None:
    return _ProgressBar() if _ProgressBar.wanted() else None


def _use_color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _paths(paths: Sequence[Path]) -> list[Path]:
    return list(paths) or [Path("claims")]


T = TypeVar("T")


def _run(action: Callable[[], T]) -> T:
    """Run a core action, turning its usage errors into exit code 2."""
    from tracker.diff import DiffError
    from tracker.explain import ExplainError

    try:
        return action()
    except (InputError, DiffError, ExplainError) as error:
        raise UsageProblem(str(error)) from None


def _emit(result: CheckResult, fmt: str, color: bool) -> None:
    from tracker.report import RenderOptions, render

    click.echo(render(fmt, result, RenderOptions(color=color)), nl=False, color=color)


def _parse_outputs(values: Sequence[str]) -> list[tuple[str, Path]]:
    formats = _formats()
    parsed = []
    for value in values:
        name, sep, target = value.partition("=")
        if not sep or not target:
            raise click.BadParameter(f"expected FORMAT=PATH, got {value!r}", param_hint="--output")
        if name not in formats:
            raise click.BadParameter(
                f"unknown format {name!r}; choose from {', '.join(formats)}", param_hint="--output"
            )
        parsed.append((name, Path(target)))
    return parsed


def _full_report(outputs: Sequence[tuple[str, Path]], given: str | None) -> str | None:
    """Where the complete report is, for formats that cut themselves short."""
    if given:
        return given
    for wanted in ("html", "json"):
        for name, target in outputs:
            if name == wanted:
                return target.as_posix()
    return None


def _guard_outputs(targets: Sequence[Path]) -> None:
    """Refuse report paths that would overwrite a story file or a folder."""
    for target in targets:
        if target.name.endswith(YAML_SUFFIXES):
            raise UsageProblem(
                f"refusing to write a report to {target}: .yaml/.yml files are story files"
            )
        if target.is_dir():
            raise UsageProblem(f"cannot write {target}: it is a folder")


def _write_file(target: Path, text: str) -> None:
    """Write atomically: readers never see half a report, and a failure leaves nothing."""
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UsageProblem(f"cannot write {target}: {error.strerror or error}") from None


def _write_outputs(
    result: CheckResult, outputs: Sequence[tuple[str, Path]], full_report: str | None
) -> None:
    from tracker.report import RenderOptions, render

    for name, target in outputs:
        _write_file(target, render(name, result, RenderOptions(full_report=full_report)))


def _console_formats(fmt: str) -> list[str]:
    """The formats printed to the console; "auto" adds annotations under GitHub Actions."""
    if fmt != "auto":
        return [fmt]
    return ["text", "github"] if os.environ.get("GITHUB_ACTIONS") == "true" else ["text"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="tracker")
def main() -> None:
    """Keep rumours honest: check claims against official statements.

    Claims and statements live in YAML story files (default folder: claims/).
    Each claim is reported as rumoured, confirmed or contradicted, with the
    evidence behind the verdict.
    """


@main.command(epilog=EXIT_CODES, short_help="Check every claim against the statements.")
@paths_argument
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["auto", *_formats()]),
    default="auto",
    show_default=True,
    help="Console format. auto is text, followed by GitHub annotations when "
    "GITHUB_ACTIONS=true; name a format (e.g. text) to turn that off.",
)
@click.option(
    "--output",
    "-o",
    "outputs",
    multiple=True,
    metavar="FORMAT=PATH",
    help="Also write the report in FORMAT to PATH; repeat for several, e.g. "
    "-o markdown=summary.md -o html=report/index.html -o json=report/report.json.",
)
@click.option(
    "--full-report",
    metavar="TEXT",
    default=None,
    help="Where readers find the full report (a path or URL), named when a markdown report "
    "is cut to fit GitHub's 1 MiB summary limit (default: the html or json --output).",
)
@fail_on_option("Exit 1 if any claim has this status; repeatable.")
@scope_option
@config_option
@color_option
def check(
    paths: tuple[Path, ...],
    fmt: str,
    outputs: tuple[str, ...],
    full_report: str | None,
    fail_on: tuple[str, ...],
    scope: str | None,
    config_path: Path | None,
    color: bool | None,
) -> None:
    """Check every claim under PATHS (files or folders; default: claims/).

    Validation problems are reported too and fail the run, but a broken file never
    hides the verdicts of the good ones. One run writes every --output file and the
    console report, so CI checks once.
    """
    from tracker.check import check as run_check
    from tracker.report import RenderOptions, render

    targets = _parse_outputs(outputs)
    _guard_outputs([target for _, target in targets])
    config = _config(config_path, scope=scope)
    result = _run(
        lambda: run_check(_paths(paths), config, [Status(s) for s in fail_on], _progress())
    )
    where = _full_report(targets, full_report)
    # Rendering builds one short-lived dict per claim and per evidence item; with the
    # collector scanning the whole loaded result each time, that cost more than the
    # rendering itself at 20,000 claims. The result is read-only from here: freeze it.
    # The report's own objects form no cycles either: the collector rests meanwhile.
    gc.freeze()
    try:
        with paused_gc():
            _write_outputs(result, targets, where)
            use_color = _use_color(color)
            for name in _console_formats(fmt):
                options = RenderOptions(color=use_color and name == "text", full_report=where)
                click.echo(render(name, result, options), nl=False, color=use_color)
    except BaseException:
        gc.unfreeze()
        raise
    # Left frozen on success: the process ends here, and the interpreter's final
    # collection would otherwise scan the whole result once more (about a second at
    # 20,000 claims). Reference counting still frees it; only cycles, which the
    # result does not form, would wait.
    sys.exit(result.exit_code)


@main.command(epilog=VALIDATE_EXIT_CODES, short_help="Validate story files against the schema.")
@paths_argument
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["auto", *_formats()]),
    default="auto",
    show_default=True,
    help="Output format. auto is text, followed by GitHub annotations when "
    "GITHUB_ACTIONS=true; name a format (e.g. text) to turn that off.",
)
@config_option
def validate(paths: tuple[Path, ...], fmt: str, config_path: Path | None) -> None:
    """Validate the story files under PATHS against the schema (default: claims/).

    Prints one line per problem, as path:line:col: level [code] message.
    """
    from tracker.check import validate as run_validate

    config = _config(config_path)
    result = _run(lambda: run_validate(_paths(paths), config, _progress()))
    for name in _console_formats(fmt):
        _emit(result, name, color=False)
    sys.exit(result.exit_code)


@main.command(
    epilog=EXPLAIN_EXIT_CODES, short_help="Show the reasoning behind one claim's verdict."
)
@click.argument("ref")
@paths_argument
@scope_option
@config_option
def explain(ref: str, paths: tuple[Path, ...], scope: str | None, config_path: Path | None) -> None:
    """Show the whole reasoning behind one claim's verdict.

    REF is STORY/ID, for example xiaomi-leica-2022/model-name; PATHS are where the
    story files are (default: claims/). Input errors in those files are printed
    first, on standard error, since they can hide the claim or its statements.
    """
    from tracker.explain import explain_claim

    config = _config(config_path, scope=scope)
    click.echo(_run(lambda: explain_claim(_paths(paths), ref, config)), nl=False)


@main.command(epilog=EXIT_CODES, short_help="Show status changes since a git ref or saved report.")
@click.argument("base")
@paths_argument
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="markdown suits a pull-request comment (it starts with a hidden marker).",
)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the diff to this file instead of the console.",
)
@fail_on_option("Exit 1 if a claim is added with, or changes to, this status; repeatable.")
@scope_option
@config_option
def diff(
    base: str,
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    fail_on: tuple[str, ...],
    scope: str | None,
    config_path: Path | None,
) -> None:
    """Show how claim statuses changed since BASE: added, removed, reworded and changed.

    BASE is a git ref (e.g. origin/main; its story files under PATHS are checked
    in a temporary folder) or a JSON report saved by tracker check --format json.
    PATHS default to claims/. Exit 0 unless the current files have input errors or
    a claim newly has a status named by --fail-on (then 1).
    """
    from tracker.diff import diff as run_diff
    from tracker.report.changes import DIFF_FORMATS

    config = _config(config_path, scope=scope)
    result = _run(lambda: run_diff(base, _paths(paths), config, [Status(s) for s in fail_on]))
    text = DIFF_FORMATS[fmt](result)
    if output is None:
        click.echo(text, nl=False)
    else:
        _guard_outputs([output])
        _write_file(output, text)
    sys.exit(result.exit_code)
