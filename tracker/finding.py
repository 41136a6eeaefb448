"""The one problem type: every bad-input report, from YAML syntax to duplicate ids."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Level(str, Enum):
    """How serious a finding is. Errors fail a run; warnings are shown only."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Finding:
    """A problem in an input file, located by 1-based line and column.

    Ordering is by path, then position, then code, so sorted findings read top to
    bottom through each file and reports stay byte-for-byte deterministic.
    """

    path: str
    line: int
    column: int
    level: Level
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level} [{self.code}] {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.path,
            "line": self.line,
            "column": self.column,
            "level": str(self.level),
            "code": self.code,
            "message": self.message,
        }


# Stable codes, one per kind of problem. Tests and users' tooling rely on them.
CODES: dict[str, str] = {
    "io": "a file or folder cannot be read, or is not a regular file",
    "too-large": "the file is over the size cap",
    "encoding": "the file is not valid UTF-8",
    "nul-byte": "the file contains a NUL byte",
    "empty": "the file holds no YAML document",
    "multi-document": "the file holds more than one YAML document",
    "syntax": "YAML syntax error",
    "tag": "an explicit YAML tag that tracker never constructs",
    "key-type": "a mapping key that is not a plain string",
    "merge-key": "a YAML merge key (<<), which tracker does not expand",
    "duplicate-key": "a mapping key given twice (YAML would silently keep the last)",
    "alias": "an alias that refers to its own parent (a cycle)",
    "too-deep": "nesting deeper than the depth cap",
    "too-many-nodes": "more nodes (after expanding aliases) than the node cap",
    "schema": "the document does not match the claims schema",
    "unknown-field": "a field the schema does not define",
    "type": "a value of the wrong type",
    "required": "a required field is missing",
    "bad-date": "a date that is not a real calendar date (YYYY-MM-DD)",
    "bad-url": "a URL that is not http or https",
    "duplicate-id": "an id used twice in a story file (claims and statements share ids)",
    "bad-id": "an id, or a story file name, that is not kebab-case",
    "link-outside": "a symbolic link to a file or folder outside the paths given",
    "unsourced": "a claim without a 'source' or a 'reported' date (a warning)",
    "duplicate-story": "two files with the same story id (file stem)",
    "no-input": "no YAML files found",
}
