"""Table shapes real pages use: side-by-side entries, spacer rows, range rows, and a header that
disagrees with every row."""

from __future__ import annotations

import pytest

from speclint.config import Settings
from speclint.model import ParsedFile
from speclint.read.page import parse_text
from speclint.read.records import column_groups
from speclint.read.values import parse_range, value_kind


def parse(text: str) -> ParsedFile:
    return parse_text("page.md", text, Settings())


def test_a_header_written_twice_holds_two_entries_per_row_each_at_its_own_cells() -> None:
    parsed = parse(
        "| 设备编号 | 设备名称 | 设备编号 | 设备名称 |\n| --- | --- | --- | --- |\n"
        "| 1 | 温湿度传感器 | 9 | 烟雾报警器 |\n"
        "| 2 | 光照传感器 | | |\n"
    )
    assert [(r.line, r.value, r.name) for r in parsed.records] == [
        (3, 1, "温湿度传感器"),
        (3, 9, "烟雾报警器"),
        (4, 2, "光照传感器"),
    ]
    right = parsed.records[1]
    assert right.column("value") == len("| 1 | 温湿度传感器 | ") + 1
    assert [c.header for c in right.cells] == ["设备编号", "设备名称"]
    assert parsed.problems == ()


@pytest.mark.parametrize(
    ("headers", "groups"),
    [
        (["Code", "Name", "Code", "Name"], 2),
        (["Code", "Name", "Description"] * 3, 3),
        (["Code", "Code"], 1),  # one column written twice is not an entry
        (["", "Name", "", "Name"], 1),  # a group needs two headers that say something
        (["Code", "Name", "Code", "Meaning"], 1),
    ],
)
def test_column_groups(headers: list[str], groups: int) -> None:
    assert len(column_groups(headers)) == groups


@pytest.mark.parametrize("spacer", ["| | | |", "|||", "|  |  |  |", "|    |    |"])
def test_a_row_of_empty_cells_is_a_gap_whatever_its_width(spacer: str) -> None:
    parsed = parse(
        f"| 错误码 | 标识 | 说明 |\n| --- | --- | --- |\n| 0 | OK | 成功 |\n{spacer}\n| 1 | E | 错 |\n"
    )
    assert [r.value for r in parsed.records] == [0, 1]
    assert parsed.problems == ()


def test_a_ragged_row_among_spacers_is_still_one_problem() -> None:
    parsed = parse(
        "| Code | Name | Description |\n| --- | --- | --- |\n| 0 | OK | fine |\n|||\n"
        "| 1 | E |\n| 2 | F | x | y |\n"
    )
    assert [(p.line, p.message) for p in parsed.problems] == [
        (5, "row has 2 cells but the header has 3"),
        (6, "row has 4 cells but the header has 3"),
    ]


def test_a_header_narrower_than_every_row_is_one_problem_at_the_header() -> None:
    parsed = parse(
        "intro\n\n| 错误码 | 说明 |\n| --- | --- |\n| 10001 | A | a |\n| 10002 | B | b |\n"
    )
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "every row has 3 cells but the header has 2: the header is missing 1 column")
    ]
    assert len(parsed.records) == 2


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("-32099 to -32000", (-32099, -32000)),
        ("1000~1999", (1000, 1999)),
        ("1100～1199", (1100, 1199)),
        ("2000-2999", (2000, 2999)),
        ("4000 – 4999", (4000, 4999)),
        ("0x03 to 0x7F", (3, 127)),
        ("5xx", (500, 599)),
        ("1000 至 1999", (1000, 1999)),
        ("-1", None),
        ("-32000 to -32099", (-32099, -32000)),
        ("2-1", None),
        ("1-2-3", None),
        ("E1000-E1999", None),
    ],
)
def test_parse_range(text: str, bounds: tuple[int, int] | None) -> None:
    assert parse_range(text) == bounds


def test_range_rows_are_declared_ranges_not_records_and_do_not_hide_the_table() -> None:
    parsed = parse(
        "| Code | Name | Description |\n| --- | --- | --- |\n"
        "| `0x00` | RSP_OK | done |\n| `0x03` to `0x7F` | — | Reserved. |\n| `0x80` | RSP_BUSY | busy |\n"
    )
    assert [r.value for r in parsed.records] == [0, 0x80]
    [declared] = parsed.declared_ranges
    assert (declared.line, declared.low, declared.high, declared.source, declared.text) == (
        4,
        3,
        127,
        "row",
        "Reserved.",
    )


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("300311", "decimal"),
        ("-1", "decimal"),
        ("0x1A", "hex"),
        ("0001", "padded"),
        ("A6", "string"),
    ],
)
def test_value_kind(raw: str, kind: str) -> None:
    assert value_kind(raw) == kind


def test_a_table_of_fractional_values_is_quantities_not_codes() -> None:
    parsed = parse(
        "| threshold | value | why |\n| --- | --- | --- |\n"
        "| MOSTLY | 0.5 | half |\n| CLEARLY | 0.8 | most |\n| SHORT | 64 | long |\n"
        "| WORDS | 6 | few |\n| CHARS | 48 | short |\n"
    )
    assert parsed.records == ()
    assert parsed.tables[0].skipped.startswith("a table of quantities")


def test_tables_headed_alike_are_read_alike() -> None:
    # Alone, the one-row table would take Description (filled there) for the meaning; its
    # sibling shows Description is a mostly empty remark column and Meaning the meaning.
    head = "| Code | Symbol | Meaning | Description |\n| --- | --- | --- | --- |\n"
    parsed = parse(
        "## General\n\n" + head + "| 0 | UNKNOWN | Unknown | Contact support |\n\n"
        "## Declines\n\n" + head + "| 200 | DECLINE | Generic decline | |\n"
        "| 201 | DO_NOT_HONOR | Do not honor | |\n| 202 | NO_FUNDS | Insufficient funds | |\n"
        "| 205 | SCA_DECLINE | Strong authentication required | Retry with 3-D Secure |\n"
    )
    assert [r.description for r in parsed.records] == [
        "Unknown",
        "Generic decline",
        "Do not honor",
        "Insufficient funds",
        "Strong authentication required",
    ]


def test_a_code_table_whose_header_lacks_a_column_is_reported_not_passed() -> None:
    parsed = parse(
        "| 错误代号 | 含义 |\n| --- | --- |\n| REALNAME_REQUIRED | 3001 | 需要实名认证 |\n"
        "| REALNAME_FAIL | 3002 | 实名认证失败 |\n"
    )
    assert [p.line for p in parsed.problems] == [1]
    assert "a header cell is missing" in parsed.problems[0].message


def test_a_key_of_modules_is_not_a_code_table_but_a_code_table_with_modules_is() -> None:
    key = parse("| 模块名称 | 模块代码标识 |\n| --- | --- |\n| 全局 | 001 |\n| market | 002 |\n")
    assert key.records == ()
    assert key.tables[0].skipped.startswith("a table of modules")
    codes = parse(
        "| 错误码 | 模块名称 | 说明 |\n| --- | --- | --- |\n| 40001 | market | 参数错误 |\n"
        "| 40002 | apple | 签名错误 |\n"
    )
    assert [r.value for r in codes.records] == [40001, 40002]


def test_a_table_of_mostly_ranges_is_a_layout_not_codes() -> None:
    layout = parse(
        "| 码段 | 位数 | 含义 |\n| --- | --- | --- |\n| 1~8 | 8 | 中心编码 |\n| 9~10 | 2 | 行业编码 |\n"
        "| 14 | 1 | 网络标识 |\n"
    )
    assert layout.records == ()
    assert layout.tables[0].skipped.startswith("a table of code ranges")
