"""The precision pages of issue 9: for each class of false or missed finding, a hand-made page
and its counter-examples, with the exact findings a reader expects (tests/precision/README.md).

Each page is linted in a folder of its own beside a ``speclint.toml`` holding the expectation's
``config``; the findings of the rules the expectation lists must be exactly its ``findings``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.precision.run_current import toml_text

PAGES = Path(__file__).resolve().parent / "precision" / "pages"
EXPECTATIONS = sorted(PAGES.glob("*.expected.json"))

Finding = tuple[int, str, str]

# Pages speclint does not yet read as expected, and why. strict: a fix fails the test until the
# page leaves this list.
KNOWN_GAPS: dict[str, str] = {}


def _param(expectation: Path) -> object:
    slug = expectation.name.removesuffix(".expected.json")
    reason = KNOWN_GAPS.get(slug)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(expectation, id=slug, marks=marks)


@pytest.mark.parametrize("expectation", [_param(e) for e in EXPECTATIONS])
def test_precision_page_gives_exactly_the_expected_findings(
    expectation: Path, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    expected = json.loads(expectation.read_text(encoding="utf-8"))
    page = expectation.with_name(expectation.name.removesuffix(".expected.json") + ".md")
    shutil.copyfile(page, tmp_path / page.name)
    (tmp_path / "speclint.toml").write_text(toml_text(expected.get("config") or {}), "utf-8")
    result = run_cli("check", "--output-format", "json", page.name, cwd=tmp_path)
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)
    rules = set(expected["rules"])
    got: set[Finding] = {
        (d["line"], d["rule"], d["severity"]) for d in report["diagnostics"] if d["rule"] in rules
    }
    want: set[Finding] = {(f["line"], f["rule"], f["severity"]) for f in expected["findings"]}
    assert sorted(got) == sorted(want), expected.get("why", "")
