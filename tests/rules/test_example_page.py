"""The real page in examples/ gives exactly the findings the design promises, with and without
examples/speclint.toml (which only configures the category ranges)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PAGE = "status-codes.zh.md"

# One finding per defect: the shared meanings of the collision (line 28) and of the synonym
# (line 107) are part of those findings, and 无效的userId in 组织架构 and in 群组 is the same text
# in two categories, which is normal (issue 9, class 14).
EXPECTED = {
    ("SL101", 110, "error"),  # 300311 used by ERRCODE_REPEAT_USERID and ERRCODE_NOTEXIST_JOBID
    ("SL103", 28, "error"),  # ERRCODE_INVALID_REQUEST is 5 and 100003
    ("SL104", 107, "error"),  # ERRCODE_NOTEXIST_DEPT is ERRCODE_DEPT_NOT_EXIST (line 69)
    ("SL104", 105, "warning"),  # ERRCODE_INVALID_FORMAT_POSITIONS beside ..._POSITION (line 89)
    ("SL202", 69, "warning"),  # NOT_EXIST once, NOTEXIST in nine names
}


def findings(run_cli: Callable[..., Any], cwd: Path, *args: str) -> set[tuple[str, int, str]]:
    result = run_cli("check", PAGE, "--output-format", "json", *args, cwd=cwd)
    assert result.err == ""
    assert result.code == 1
    report = json.loads(result.out)
    return {(d["code"], d["line"], d["severity"]) for d in report["diagnostics"]}


def test_example_page_with_its_configuration(run_cli: Callable[..., Any]) -> None:
    assert (EXAMPLES / "speclint.toml").is_file()
    assert findings(run_cli, EXAMPLES) == EXPECTED


def test_example_page_with_the_defaults(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    # Out of examples/, no configuration applies: SL301/SL302 infer every section's range.
    shutil.copy(EXAMPLES / PAGE, tmp_path / PAGE)
    (tmp_path / "speclint.toml").write_text("", encoding="utf-8")
    assert findings(run_cli, tmp_path) == EXPECTED


def test_example_ranges_hold_for_the_page(run_cli: Callable[..., Any]) -> None:
    result = run_cli("check", PAGE, "--select", "SL3", "--extend-select", "SL303", cwd=EXAMPLES)
    lines = [line for line in result.out.splitlines() if " SL30" in line]
    # -1 sits after 0 at the top of 基础错误码: unsorted, but in its configured range.
    assert lines == [
        (
            f"{PAGE}:15:29: SL303 [warning] ERRCODE_INTERNALERR (-1) comes after ERRCODE_OK (0): "
            f"the table is not in ascending order (see {PAGE}:14) (unsorted-values)"
        )
    ]


def test_clean_example_page_is_clean(run_cli: Callable[..., Any]) -> None:
    result = run_cli("check", "clean/status-codes.zh.md", cwd=EXAMPLES)
    assert result.code == 0, result.out
    assert result.out.startswith("No problems found")
