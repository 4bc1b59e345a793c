"""Inline suppressions and baselines: adopt speclint on a page with published mistakes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import EXAMPLE_PAGE, Run

RunCli = Callable[..., Run]
TABLE = """\
| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| E_A | 1 | a |
| E_B | 1 | b |
"""


def lines(result: Run) -> list[str]:
    return [line.rsplit(" (", 1)[0] for line in result.out.splitlines()[:-1]]


def test_disable_next_table_with_reason_silences_that_table_only(
    tmp_path: Path, run_cli: RunCli
) -> None:
    page = tmp_path / "p.md"
    page.write_text(
        "<!-- speclint-disable-next-table SL101 -- both published in v1 -->\n"
        f"{TABLE}\n## Later\n\n{TABLE}",
        encoding="utf-8",
    )
    result = run_cli("check", "--select", "SL101,SL9", "p.md", cwd=tmp_path)
    # Only the second table is reported; its E_A row repeats E_A (same name: SL102's business).
    assert lines(result) == [
        "p.md:12:9: SL101 [error] value 1 of E_B is already used by E_A (see p.md:4)"
    ]


def test_region_disable_and_enable(tmp_path: Path, run_cli: RunCli) -> None:
    page = tmp_path / "p.md"
    page.write_text(
        f"<!-- speclint-disable SL101 -- legacy -->\n\n{TABLE}\n<!-- speclint-enable -->\n\n{TABLE}",
        encoding="utf-8",
    )
    found = lines(run_cli("check", "--select", "SL101,SL9", "p.md", cwd=tmp_path))
    assert [line.split(":")[1] for line in found] == ["13"]


def test_suppression_without_reason_is_a_warning(tmp_path: Path, run_cli: RunCli) -> None:
    page = tmp_path / "p.md"
    page.write_text(f"<!-- speclint-disable-next-table SL101 -->\n{TABLE}", encoding="utf-8")
    result = run_cli("check", "--select", "SL101,SL9", "p.md", cwd=tmp_path)
    assert lines(result) == [
        "p.md:1:1: SL901 [warning] suppression of SL101 gives no reason; add one after `--`"
    ]
    assert result.code == 0


def test_unused_suppression_is_reported(tmp_path: Path, run_cli: RunCli) -> None:
    page = tmp_path / "p.md"
    page.write_text(
        "<!-- speclint-disable-next-table SL103 -- not needed -->\n"
        "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n| E_A | 1 | a |\n\n"
        "<!-- speclint-disable SL777 -- no such rule -->\n"
        "<!-- speclint-disable-next-table -- nothing follows -->\n",
        encoding="utf-8",
    )
    found = lines(run_cli("check", "p.md", cwd=tmp_path))
    assert "p.md:1:1: SL902 [warning] this suppression (SL103) silences nothing; remove it" in found
    assert "p.md:6:1: SL902 [warning] this suppression names no rule speclint knows: SL777" in found
    assert "p.md:7:1: SL902 [warning] suppression: no table follows this directive" in found


def test_unused_suppression_can_be_ignored(tmp_path: Path, run_cli: RunCli) -> None:
    page = tmp_path / "p.md"
    page.write_text("<!-- speclint-disable SL103 -- not needed -->\n", encoding="utf-8")
    assert "SL902" in run_cli("check", "p.md", cwd=tmp_path).out
    assert "SL902" not in run_cli("check", "--ignore", "SL902", "p.md", cwd=tmp_path).out


def test_baseline_round_trip(tmp_path: Path, run_cli: RunCli) -> None:
    page = tmp_path / "codes.md"
    original = EXAMPLE_PAGE.read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    baseline = tmp_path / "speclint-baseline.json"

    written = run_cli("check", "--write-baseline", str(baseline), "codes.md", cwd=tmp_path)
    assert written.code == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert {e["code"] for e in entries} >= {"SL101", "SL103"}
    assert run_cli("check", "--baseline", str(baseline), "codes.md", cwd=tmp_path).code == 0

    # Reordering rows (the two duplicates swap places, a table moves) keeps every entry.
    swapped = original.replace(
        "| ERRCODE_REPEAT_USERID               | 300311     | 重复的userId               |\n"
        "| ERRCODE_NOTEXIST_JOBID              | 300311     | jobId不存在                |\n",
        "| ERRCODE_NOTEXIST_JOBID              | 300311     | jobId不存在                |\n"
        "| ERRCODE_REPEAT_USERID               | 300311     | 重复的userId               |\n",
    )
    assert swapped != original
    page.write_text("# Moved\n\n" + swapped, encoding="utf-8")
    moved = run_cli("check", "--baseline", str(baseline), "codes.md", cwd=tmp_path)
    assert moved.code == 0, moved.out

    # Fixing one finding leaves its entry stale, and the stale entry points into the baseline.
    page.write_text(original.replace("| 300311     | jobId不存在", "| 300313     | jobId不存在"))
    fixed = run_cli("check", "--baseline", str(baseline), "codes.md", cwd=tmp_path)
    stale = [line for line in fixed.out.splitlines() if "SL903" in line]
    assert len(stale) == 1
    entry_line = int(stale[0].split(":")[1])
    assert "300311" in baseline.read_text(encoding="utf-8").splitlines()[entry_line - 1]
    assert "baseline entry no longer matches a finding: SL101" in stale[0]

    # A new problem is still reported.
    page.write_text(original.replace("| 500008     |", "| 500007     |"), encoding="utf-8")
    new = run_cli("check", "--baseline", str(baseline), "codes.md", cwd=tmp_path)
    assert new.code == 1
    assert "SL101 [error] value 500007 of ERRCODE_INVALID_FORMAT_GROUPID" in new.out


def test_baseline_from_the_configuration(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "codes.md").write_text(TABLE, encoding="utf-8")
    run_cli("check", "--write-baseline", "base.json", "codes.md", cwd=tmp_path)
    (tmp_path / "speclint.toml").write_text('baseline = "base.json"\n')
    assert run_cli("check", "codes.md", cwd=tmp_path).code == 0


def test_broken_baseline_is_a_usage_error(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "codes.md").write_text(TABLE, encoding="utf-8")
    (tmp_path / "base.json").write_text("{not json")
    result = run_cli("check", "--baseline", "base.json", "codes.md", cwd=tmp_path)
    assert result.code == 2
    assert "base.json: not a speclint baseline" in result.err
    missing = run_cli("check", "--baseline", "nope.json", "codes.md", cwd=tmp_path)
    assert "nope.json: no such baseline (create it with --write-baseline)" in missing.err


def test_suppression_of_a_rule_that_did_not_run_is_not_judged(
    tmp_path: Path, run_cli: RunCli
) -> None:
    page = tmp_path / "p.md"
    page.write_text(f"<!-- speclint-disable-next-table SL101 -- v1 -->\n{TABLE}", encoding="utf-8")
    assert run_cli("check", "--select", "SL9", "p.md", cwd=tmp_path).code == 0
    assert "SL902" not in run_cli("check", "--select", "SL9", "p.md", cwd=tmp_path).out


def test_baseline_entries_belong_to_their_page_and_not_to_the_working_folder(
    tmp_path: Path, run_cli: RunCli
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "speclint.toml").write_text('baseline = "base.json"\n')
    (docs / "a.md").write_text(TABLE, encoding="utf-8")
    (docs / "b.md").write_text(TABLE.replace("| E_B | 1 |", "| E_B | 2 |"), encoding="utf-8")
    assert run_cli("check", "--write-baseline", "base.json", "docs", cwd=tmp_path).code == 0
    # The same baseline from a subfolder: nothing new.
    assert run_cli("check", ".", cwd=docs).code == 0
    # The accepted duplicate moves to another page: that is a new finding there.
    (docs / "a.md").write_text(TABLE.replace("| E_B | 1 |", "| E_B | 2 |"), encoding="utf-8")
    (docs / "b.md").write_text(TABLE, encoding="utf-8")
    moved = run_cli("check", "docs", cwd=tmp_path)
    assert moved.code == 1
    assert "docs/b.md:4:9: SL101" in moved.out
    assert "SL903" in moved.out
