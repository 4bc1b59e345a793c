"""speclint check --fix / --diff: only padding, pipes and (with SL303) row order change."""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.config import Settings
from speclint.fix.page import fix_page
from speclint.fix.tables import display_width
from speclint.read.page import parse_text
from speclint.read.source import decode
from tests.conftest import Run

RunCli = Callable[..., Run]

MISALIGNED = """\
# 状态码

Some prose | with a pipe that is no table.

## 基础错误码

|错误码|十进制数值|含义|
|:--|--:|---|
| ERRCODE_OK |0| 成功 |
|ERRCODE_BUSY   | 1 |系统繁忙|

```markdown
|a|b|
|-|-|
```

<!-- |x|y| -->
"""

ALIGNED_TABLE = """\
| 错误码       | 十进制数值 | 含义     |
| :----------- | ---------: | -------- |
| ERRCODE_OK   |          0 | 成功     |
| ERRCODE_BUSY |          1 | 系统繁忙 |
"""

UNSORTED = """\
## 组织架构

| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| ERR_C | 300003 | 丙 |
| ERR_A | 300001 | 甲 |
| ERR_B | 300002 | 乙 |
"""


def fixed(page: str, sort_lines: tuple[int, ...] = ()) -> str:
    data = page.encode("utf-8")
    return fix_page(data, "page.md", "page.md", Settings(), sort_lines).fixed.decode("utf-8")


def test_a_table_is_realigned_and_nothing_else_moves() -> None:
    result = fixed(MISALIGNED)
    assert ALIGNED_TABLE in result
    # Every line outside the table is exactly as it was, the fenced and commented tables too.
    before, after = MISALIGNED.splitlines(), result.splitlines()
    assert len(before) == len(after)
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [7, 8, 9, 10]


def test_cjk_cells_are_padded_by_display_width() -> None:
    lines = [line for line in fixed(MISALIGNED).splitlines() if line.startswith("|")]
    widths = {display_width(line) for line in lines[:4]}
    assert widths == {display_width(ALIGNED_TABLE.splitlines()[0])}
    assert display_width("错误码") == 6
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_fixing_twice_changes_nothing_the_second_time() -> None:
    once = fixed(MISALIGNED)
    assert fixed(once) == once


def test_crlf_bom_and_container_prefixes_are_kept() -> None:
    page = (
        "# T\r\n\r\n> | 错误码 | 值 | 含义 |\r\n> |---|---|---|\r\n> | E_A | 1 | 甲 |\r\n\r\n"
        "- 列表\r\n\r\n  | 错误码 | 值 | 含义 |\r\n  |---|---|---|\r\n  | E_BB | 22 | 乙 |\r\n"
    )
    data = codecs.BOM_UTF8 + page.encode("utf-8")
    result = fix_page(data, "p.md", "p.md", Settings()).fixed
    assert result.startswith(codecs.BOM_UTF8)
    text = result[3:].decode("utf-8")
    assert text.count("\r\n") == page.count("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert (
        "> | 错误码 | 值  | 含义 |\r\n> | ------ | --- | ---- |\r\n> | E_A    | 1   | 甲   |"
        in text
    )
    assert "  | E_BB   | 22  | 乙   |\r\n" in text


def test_utf16_pages_stay_utf16() -> None:
    page = "| 错误码 | 值 | 含义 |\n|---|---|---|\n| E_A | 1 | 甲 |\n"
    data = codecs.BOM_UTF16_BE + page.encode("utf-16-be")
    result = fix_page(data, "p.md", "p.md", Settings()).fixed
    assert result.startswith(codecs.BOM_UTF16_BE)
    assert result[2:].decode("utf-16-be").startswith("| 错误码 | 值  | 含义 |\n")


def test_rows_are_sorted_only_in_tables_asked_for() -> None:
    assert "| ERR_C  | 300003     | 丙   |\n| ERR_A" in fixed(UNSORTED)
    result = fixed(UNSORTED, sort_lines=(6,))
    rows = [line.split("|")[1].strip() for line in result.splitlines()[4:]]
    assert rows == ["ERR_A", "ERR_B", "ERR_C"]


def test_a_table_whose_rows_are_grouped_is_not_sorted() -> None:
    page = UNSORTED.replace("| ERR_A |", "| **部门** | | |\n| ERR_A |")
    fix = fix_page(page.encode(), "p.md", "p.md", Settings(), sort_lines=(7,))
    assert fix.tables == 0
    assert fix.unsafe == (
        (3, "not every row is a code, so sorting could move rows between groups"),
    )


@pytest.mark.parametrize(
    ("table", "why"),
    [
        ("| a | b | c |\n|---|---|---|\n| E | 1 |\n", "more or fewer cells"),
        ("| a | b | c |\n|---|---|---|\n| E | 1 | x\u00a0|\n", "blanks other than spaces"),
        ("| a | b | c |\n|---|---|---|\n| E | 1 | x\\\\|\n", "ends with a backslash"),
    ],
)
def test_tables_that_padding_could_change_are_left_alone(table: str, why: str) -> None:
    first = "| 错误码 | 十进制数值 | 含义 |\n|---|---|---|\n| E_A | 1 | 甲 |\n| E_B | 2 | 乙 |\n\n"
    second = table.replace("| a | b | c |", "| 错误码 | 十进制数值 | 含义 |")
    fix = fix_page((first + second).encode(), "p.md", "p.md", Settings())
    assert fix.tables == 1  # the first table only
    ((line, reason),) = fix.unsafe
    assert line == 6
    assert why in reason


# The command ---------------------------------------------------------------------------------


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "codes.md"
    path.write_text(MISALIGNED + "\n" + UNSORTED, encoding="utf-8")
    return path


def test_diff_shows_the_change_without_writing(run_cli: RunCli, page: Path) -> None:
    before = page.read_bytes()
    run = run_cli("check", "--diff", "codes.md", cwd=page.parent)
    assert run.code == 1
    assert run.out.startswith("--- a/codes.md\n+++ b/codes.md\n@@ -4,10 +4,10 @@\n")
    assert "\n-|:--|--:|---|\n" in run.out
    assert "\n+| :----------- | ---------: | -------- |\n" in run.out
    assert page.read_bytes() == before
    assert list(page.parent.iterdir()) == [page]


def test_fix_writes_atomically_and_reports_what_is_left(run_cli: RunCli, page: Path) -> None:
    page.chmod(0o640)
    run = run_cli("check", "--fix", "--extend-select", "SL303", "codes.md", cwd=page.parent)
    assert run.code == 0, run.out
    assert run.err == "speclint: fixed 2 tables in 1 file (1 sorted by value)\n"
    assert "No problems found" in run.out  # SL303's findings were fixed by sorting
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert list(page.parent.iterdir()) == [page]  # no temporary file left behind
    again = run_cli("check", "--diff", "--extend-select", "SL303", "codes.md", cwd=page.parent)
    assert (again.code, again.out) == (0, "")


def test_without_sl303_rows_keep_their_order(run_cli: RunCli, page: Path) -> None:
    run_cli("check", "--fix", "codes.md", cwd=page.parent)
    assert "| ERR_C  | 300003     | 丙   |\n| ERR_A" in page.read_text(encoding="utf-8")


def test_a_suppressed_unsorted_table_is_not_sorted(run_cli: RunCli, page: Path) -> None:
    text = page.read_text(encoding="utf-8").replace(
        "## 组织架构\n", "## 组织架构\n\n<!-- speclint-disable-next-table SL303 -- by topic -->\n"
    )
    page.write_text(text, encoding="utf-8")
    run_cli("check", "--fix", "--extend-select", "SL303", "codes.md", cwd=page.parent)
    assert "| ERR_C  | 300003     | 丙   |\n| ERR_A" in page.read_text(encoding="utf-8")


def test_fix_follows_a_link_to_the_page(run_cli: RunCli, page: Path) -> None:
    link = page.parent / "link.md"
    link.symlink_to(page.name)
    run_cli("check", "--fix", "link.md", cwd=page.parent)
    assert link.is_symlink()
    assert ALIGNED_TABLE in page.read_text(encoding="utf-8")


def test_an_unwritable_folder_is_an_error_naming_the_page(run_cli: RunCli, page: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    page.parent.chmod(0o555)
    try:
        run = run_cli("check", "--fix", "codes.md", cwd=page.parent)
    finally:
        page.parent.chmod(0o755)
    assert run.code == 2
    assert "codes.md: cannot fix:" in run.err


# Generated tables ------------------------------------------------------------------------------

# Cell text: words, CJK, markup, escaped pipes and code spans (a pipe inside one does not split
# the cell for speclint), never a bare pipe (that would be another cell).
_TOKEN = st.sampled_from(
    ["a", "Zz", "09", "_", "-", ".", " ", "甲乙", "错误", "`x|y`", "**b**", "\\|", "é"]
)
_CELL = st.lists(_TOKEN, max_size=4).map("".join)
_NAME = st.from_regex(r"E_[A-Z]{1,6}", fullmatch=True)
_PAD = st.sampled_from(["", " ", "  ", "\t"])


@st.composite
def tables(draw: st.DrawFn) -> str:
    columns = draw(st.integers(2, 4))
    header = ["错误码", "十进制数值", "含义", "备注"][:columns]
    rows = draw(st.lists(st.lists(_CELL, min_size=columns, max_size=columns), max_size=5))
    values = draw(st.lists(st.integers(-5, 500), min_size=len(rows), max_size=len(rows)))
    outer = draw(st.booleans())
    prefix = draw(st.sampled_from(["", "> ", "  "]))

    def line(cells: list[str]) -> str:
        inner = "|".join(f"{draw(_PAD)}{cell}{draw(_PAD)}" for cell in cells)
        return prefix + (f"|{inner}|" if outer else inner)

    aligns = [draw(st.sampled_from(["---", ":--", "--:", ":-:", "-"])) for _ in header]
    body = [line(header), line(aligns)]
    for cells, value in zip(rows, values, strict=True):
        name = draw(st.one_of(_NAME, _CELL))
        body.append(line([name, str(value), *cells[2:]][:columns]))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return "# 状态码" + ending + ending + ending.join(body) + ending


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.booleans())
def test_fixing_generated_tables_is_idempotent_and_keeps_every_record(
    page: str, sort: bool
) -> None:
    data = page.encode("utf-8")
    sort_lines = tuple(range(1, 20)) if sort else ()
    once = fix_page(data, "p.md", "p.md", Settings(), sort_lines).fixed
    twice = fix_page(once, "p.md", "p.md", Settings(), sort_lines).fixed
    assert twice == once
    records = [
        (r.name, r.value_key, r.description)
        for r in parse_text("p.md", decode(data, "p.md").text, Settings()).records
    ]
    after = [
        (r.name, r.value_key, r.description)
        for r in parse_text("p.md", decode(once, "p.md").text, Settings()).records
    ]
    assert sorted(map(repr, after)) == sorted(map(repr, records))
    if not sort:
        assert after == records
