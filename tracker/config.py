"""Settings, with documented defaults, read from one place.

Looked up in this order: the file given with ``--config``; ``tracker.yaml`` in the
working folder; ``[tool.tracker]`` in ``pyproject.toml`` in the working folder.
Unknown keys are errors with a did-you-mean, so a typo never silently does nothing.

Example ``tracker.yaml``::

    scope: story              # or "all": match claims against every story's statements
    candidate_score: 30       # rapidfuzz token_set_ratio a statement needs to be considered
    confirm_coverage: 0.7     # share of the claim's words a confirming statement must contain
    flip_coverage: 0.75       # share of words matched before "will not" vs "will" contradicts
    conflict_coverage: 0.4    # share of words a statement must share for a differing value to conflict
    identifier_similarity: 60 # how alike two model names must be to be rivals ("12"/"12S")
    aliases:                  # phrases that mean the same thing in your field
      - [selfie camera, front camera]
      - [USB Type-C, USB-C]
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SCOPES = ("story", "all")


class ConfigError(Exception):
    """The configuration is unusable: exit code 2."""


@dataclass(frozen=True)
class Config:
    """All tunable settings. Each field's comment is its documentation."""

    # Which statements a claim is matched against: its own story's, or every story's.
    scope: str = "story"
    # Minimum rapidfuzz token_set_ratio (0-100) for a statement to be a candidate.
    candidate_score: float = 30.0
    # At most this many candidate statements are examined per claim.
    max_candidates: int = 20
    # Groups of phrases that mean the same thing; the first one is the canonical form.
    aliases: tuple[tuple[str, ...], ...] = ()
    # Share (0-1) of a claim's content words a statement must contain to confirm it
    # (words before the claim's verb, its subject, count half).
    confirm_coverage: float = 0.7
    # Share (0-1) of words that must match before a negation flip ("will not") contradicts.
    flip_coverage: float = 0.75
    # Share (0-1) of a claim's words a statement must contain before a differing value in
    # it counts as a conflict (a date in a statement about another event is none).
    conflict_coverage: float = 0.4
    # rapidfuzz ratio (0-100) above which a differing identifier of the same family
    # ("12 Ultra" / "12S Ultra") is a rival value, hence a conflict.
    identifier_similarity: float = 60.0
    # Files over this many bytes are refused, not read.
    max_file_bytes: int = 16 * 1024 * 1024
    source: str = field(default="defaults", compare=False)

    @classmethod
    def keys(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name != "source"]


DEFAULT = Config()


def load_config(explicit: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Find and read the configuration; `ConfigError` on any problem."""
    cwd = cwd or Path()
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file not found: {path}")
        return _from_file(path)
    for name in ("tracker.yaml", "tracker.yml"):
        if (cwd / name).is_file():
            return _from_file(cwd / name)
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        section = _toml_section(pyproject)
        if section is not None:
            return from_mapping(section, f"{pyproject} [tool.tracker]")
    return DEFAULT


def _toml_section(path: Path) -> Any:
    """The ``[tool.tracker]`` table of a TOML file, or None when it has none."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    tool = table.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table, not {type(tool).__name__}")
    return tool.get("tracker")


def _from_file(path: Path) -> Config:
    if path.suffix == ".toml":
        section = _toml_section(path)
        return from_mapping({} if section is None else section, f"{path} [tool.tracker]")
    # The same careful reader as story files: duplicate keys and tags are errors,
    # and every problem has a line and column.
    from tracker.yamlread import read_yaml

    document, findings = read_yaml(path, str(path))
    if findings:
        first = findings[0]
        raise ConfigError(f"{first.path}:{first.line}:{first.column}: {first.message}")
    assert document is not None
    return from_mapping({} if document.data is None else document.data, str(path))


def from_mapping(data: Any, source: str) -> Config:
    """Build a `Config` from parsed settings, rejecting unknown keys and bad values."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping of settings")
    known = Config.keys()
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = str(key).replace("-", "_")
        if name not in known:
            hint = difflib.get_close_matches(name, known, n=1)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise ConfigError(
                f"{source}: unknown setting '{key}'{suggestion}; known: {', '.join(known)}"
            )
        values[name] = _check(name, value, source)
    return Config(**values, source=source)


def _check(name: str, value: Any, source: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{source}: '{name}' must be {expected}, not {value!r}")

    if name == "scope":
        if value not in SCOPES:
            raise bad(" or ".join(repr(s) for s in SCOPES))
        return value
    if name == "aliases":
        if not isinstance(value, list) or not all(
            isinstance(group, list)
            and len(group) >= 2
            and all(isinstance(p, str) and p.strip() for p in group)
            for group in value
        ):
            raise bad("a list of groups, each a list of two or more phrases")
        return tuple(tuple(p.strip() for p in group) for group in value)
    if name == "candidate_score":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise bad("a number from 0 to 100")
        return float(value)
    if name in ("confirm_coverage", "flip_coverage", "conflict_coverage"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise bad("a number from 0 to 1")
        return float(value)
    if name == "identifier_similarity":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise bad("a number from 0 to 100")
        return float(value)
    if name in ("max_candidates", "max_file_bytes"):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise bad("a positive whole number")
        return value
    raise AssertionError(name)  # pragma: no cover - every key is handled above
