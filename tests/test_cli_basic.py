from __future__ import annotations

import json
from collections.abc import Callable

from click.testing import Result

from tests.conftest import CLAIMS


def test_shipped_claims_are_valid(run: Callable[..., Result]) -> None:
    result = run("validate", str(CLAIMS))
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_check_json_has_contract_fields(run: Callable[..., Result]) -> None:
    result = run("check", str(CLAIMS), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["version"] == 1
    assert set(report["summary"]) == {"rumoured", "confirmed", "contradicted"}
    first = report["claims"][0]
    for key in ("story", "id", "file", "line", "text", "status", "evidence"):
        assert key in first
    assert report["problems"] == []


def test_missing_path_is_usage_error(run: Callable[..., Result]) -> None:
    result = run("check", "no/such/folder")
    assert result.exit_code == 2
    assert "path does not exist" in result.output
