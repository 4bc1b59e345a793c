"""The parse path on every hazard a real page has: what a reader sees is what the records hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from speclint.config import ColumnPin, Settings
from speclint.model import ParsedFile
from speclint.read.page import parse_text
from speclint.read.source import SourceError, decode

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "status-codes.zh.md"


def parse(text: str, settings: Settings | None = None) -> ParsedFile:
    return parse_text("page.md", text, settings or Settings())


def rows(parsed: ParsedFile) -> list[tuple[str, int | str, str]]:
    return [(r.name, r.value, r.description) for r in parsed.records]


CODES = """\
| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
"""


def test_example_page_gives_91_records_in_5_sections() -> None:
    parsed = parse(EXAMPLE.read_text(encoding="utf-8"))
    assert len(parsed.records) == 91
    sections = [t.section for t in parsed.tables]
    assert [s[-1] for s in sections] == ["基础错误码", "请求验证", "消息", "组织架构", "群组"]
    assert all(s[0] == "全局状态码" for s in sections)
    first = parsed.records[0]
    assert (first.name, first.value, first.description) == (
        "ERRCODE_OK",
        0,
        "操作成功,查询结果逻辑真",
    )
    assert (first.line, first.column("name"), first.column("value")) == (14, 3, 29)
    assert first.column("description") == 42
    assert parsed.records[1].value == -1


def test_columns_count_characters_so_cjk_text_does_not_shift_them() -> None:
    parsed = parse("| 名称 | 错误码 | 说明 |\n|--|--|--|\n| 中文中文 | 7 | 坏了 |\n")
    record = parsed.records[0]
    line = "| 中文中文 | 7 | 坏了 |"
    assert record.column("value") == line.index("7") + 1
    assert record.column("description") == line.index("坏了") + 1


def test_tabs_count_as_one_column() -> None:
    parsed = parse("| name | code |\n|--|--|\n|\tE_ONE\t|\t1\t|\n")
    assert parsed.records[0].column("name") == 3
    assert parsed.records[0].column("value") == 11


def test_crlf_and_bom_give_the_same_records_and_positions_as_lf() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    crlf = decode(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "page.md")
    assert parse(crlf.text).records == parse(text).records


def test_utf16_with_bom_is_read() -> None:
    source = decode(("\ufeff" + CODES + "| E_A | 1 | a |\n").encode("utf-16"), "x.md")
    assert rows(parse(source.text)) == [("E_A", 1, "a")]


def test_invalid_utf8_names_the_file_and_line() -> None:
    with pytest.raises(SourceError, match=r"^bad\.md:3: not valid UTF-8"):
        decode(b"# t\n\n| \xff |\n", "bad.md")


def test_binary_file_is_refused_with_its_name() -> None:
    with pytest.raises(SourceError, match=r"^blob\.md: binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "blob.md")


@pytest.mark.parametrize(
    "wrapper",
    [
        "```\n{table}```\n",
        "~~~markdown\n{table}~~~\n",
        "<!--\n{table}-->\n",
        "    {indented}",
    ],
    ids=["backtick-fence", "tilde-fence", "html-comment", "indented-code"],
)
def test_tables_in_code_and_comments_are_not_code_tables(wrapper: str) -> None:
    table = CODES + "| E_A | 1 | a |\n"
    indented = table.replace("\n", "\n    ")
    page = "# Codes\n\n" + wrapper.format(table=table, indented=indented)
    assert parse(page).records == ()
    assert parse(page).tables == ()


def test_section_path_is_the_chain_of_headings_above() -> None:
    page = f"# API\n\n## Errors\n\n### Auth\n\n{CODES}| E_A | 1 | a |\n\n## Other\n\n{CODES}| E_B | 2 | b |\n"
    sections = [r.section for r in parse(page).records]
    assert sections == [("API", "Errors", "Auth"), ("API", "Other")]


def test_setext_headings_and_inline_markup_in_headings() -> None:
    page = f"Codes of **v2**\n=====\n\n{CODES}| E_A | 1 | a |\n"
    assert parse(page).records[0].section == ("Codes of v2",)


def test_front_matter_is_not_a_table() -> None:
    page = f"---\ntitle: x\ntable: |\n  | a | b |\n  |---|---|\n---\n\n{CODES}| E_A | 1 | a |\n"
    parsed = parse(page)
    assert rows(parsed) == [("E_A", 1, "a")]
    assert parsed.records[0].line == 10


def test_escaped_pipes_and_pipes_in_code_spans_do_not_split_cells() -> None:
    page = CODES + "| E_A | 1 | a \\| b |\n| E_B | 2 | use `x|y` here |\n"
    parsed = parse(page)
    assert rows(parsed) == [("E_A", 1, "a | b"), ("E_B", 2, "use x|y here")]
    assert parsed.records[1].cell("description").raw == "use `x|y` here"  # type: ignore[union-attr]
    assert parsed.problems == ()


def test_ragged_rows_are_reported_not_padded() -> None:
    page = CODES + "| E_A | 1 |\n| E_B | 2 | b | extra |\n| E_C |\n"
    parsed = parse(page)
    assert rows(parsed) == [("E_A", 1, ""), ("E_B", 2, "b")]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "row has 2 cells but the header has 3"),
        (4, "row has 4 cells but the header has 3"),
        (5, "row has 1 cell but the header has 3, so it has no value"),
    ]


def test_row_without_a_value_is_a_problem_not_a_record() -> None:
    parsed = parse(CODES + "| E_A |  | a |\n| E_B | 2 | b |\n")
    assert rows(parsed) == [("E_B", 2, "b")]
    assert parsed.problems[0].message == "row has no value in column '十进制数值'"
    assert (parsed.problems[0].line, parsed.problems[0].column) == (3, 8)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("`40001`", 40001),
        ("**40001**", 40001),
        ("-1", -1),
        ("0x1F", 31),
        ("0X0001", 1),
        ("0001", "0001"),
        ("0", 0),
        ("\u22121", -1),  # typeset minus signs read as minus
        ("+7", 7),
        ("1_000", "1_000"),
    ],
)
def test_values(cell: str, value: int | str) -> None:
    page = CODES + f"| E_A | {cell} | a |\n| E_B | 2 | b |\n| E_C | 3 | c |\n| E_D | 4 | d |\n"
    assert parse(page).records[0].value == value


def test_zero_padded_codes_stay_strings_and_differ_from_numbers() -> None:
    page = "| 返回码 | 说明 |\n|--|--|\n| 0001 | a |\n| 1 | b |\n"
    assert [r.value for r in parse(page).records] == ["0001", 1]


def test_inline_markup_is_reduced_and_raw_is_kept() -> None:
    page = CODES + "| **ERROR\\_NAME** | `7` | see [docs](https://x.y) **now**<br>please |\n"
    record = parse(page).records[0]
    assert (record.name, record.value, record.description) == (
        "ERROR_NAME",
        7,
        "see docs now please",
    )
    assert record.raw_value == "7"
    assert record.cell("name").raw == "**ERROR\\_NAME**"  # type: ignore[union-attr]


def test_markdown_escapes_in_names() -> None:
    assert parse(CODES + "| ERROR\\_NAME | 1 | a |\n").records[0].name == "ERROR_NAME"


def test_table_without_outer_pipes() -> None:
    page = "错误码 | 十进制数值 | 含义\n--- | --- | ---\nE_A | 1 | a\nE_B | 2 | b\n"
    parsed = parse(page)
    assert rows(parsed) == [("E_A", 1, "a"), ("E_B", 2, "b")]
    assert parsed.records[1].column("value") == 7


def test_tables_nested_in_list_items_and_block_quotes() -> None:
    page = (
        "- Auth errors:\n\n"
        "  | code | message |\n  |---|---|\n  | 401 | unauthorised |\n\n"
        "> | code | message |\n> |---|---|\n> | 403 | forbidden |\n"
    )
    parsed = parse(page)
    assert rows(parsed) == [("", 401, "unauthorised"), ("", 403, "forbidden")]
    assert [(r.line, r.column("value")) for r in parsed.records] == [(5, 5), (9, 5)]


def test_several_tables_under_one_heading() -> None:
    page = f"## Errors\n\n{CODES}| E_A | 1 | a |\n\ntext\n\n{CODES}| E_B | 2 | b |\n"
    parsed = parse(page)
    assert [r.table for r in parsed.records] == [0, 1]
    assert [r.section for r in parsed.records] == [("Errors",), ("Errors",)]


def test_code_column_of_integers_is_the_value_without_a_name() -> None:
    page = "| 错误码 | 错误信息 |\n|--|--|\n| 40001 | 参数错误 |\n| 40002 | 签名错误 |\n"
    assert rows(parse(page)) == [("", 40001, "参数错误"), ("", 40002, "签名错误")]


def test_code_column_of_identifiers_is_the_name() -> None:
    page = "| 错误码 | 数值 | 描述 |\n|--|--|--|\n| E_TIMEOUT | 1 | t |\n"
    assert rows(parse(page)) == [("E_TIMEOUT", 1, "t")]


def test_string_codes() -> None:
    page = (
        "| 错误码 | 错误描述 |\n|--|--|\n| InvalidParameter | 参数错误 |\n"
        "| AuthFailure.SignatureExpire | 签名过期 |\n"
    )
    assert rows(parse(page)) == [
        ("", "InvalidParameter", "参数错误"),
        ("", "AuthFailure.SignatureExpire", "签名过期"),
    ]


def test_http_status_beside_a_string_code_is_an_extra_column() -> None:
    page = (
        "| HTTP Status | Error Code | Message |\n|--|--|--|\n"
        "| 400 | InvalidParameter | bad parameter |\n| 404 | NotFound | no such thing |\n"
    )
    records = parse(page).records
    assert [(r.value, r.extra) for r in records] == [
        ("InvalidParameter", {"HTTP Status": "400"}),
        ("NotFound", {"HTTP Status": "404"}),
    ]


def test_english_headers() -> None:
    page = "| Name | Code | Description |\n|--|--|--|\n| NOT_FOUND | 5 | missing |\n"
    assert rows(parse(page)) == [("NOT_FOUND", 5, "missing")]


@pytest.mark.parametrize(
    ("headers", "row", "reason"),
    [
        ("| 参数 | 必须 | 说明 |", "| appId | 是 | 应用ID |", "a parameter table"),
        ("| 参数名称 | 类型 | 描述 |", "| buin | int | 企业号 |", "a parameter table"),
        ("| 端口 | 协议 | 说明 |", "| 443 | TCP | HTTPS |", "no column holds codes"),
        ("| 型号 | 内存 | 数量 |", "| X1 | 16 | 2 |", "no column holds codes"),
        ("| Name | Type | Required |", "| limit | 100 | no |", "a parameter table"),
    ],
)
def test_tables_that_are_not_code_tables_are_skipped_with_a_reason(
    headers: str, row: str, reason: str
) -> None:
    parsed = parse(f"{headers}\n|--|--|--|\n{row}\n")
    assert parsed.records == ()
    assert parsed.tables[0].skipped.startswith(reason)


def test_second_table_mapping_other_things_to_the_same_codes() -> None:
    page = (
        f"## Codes\n\n{CODES}| E_A | 1 | a |\n| E_B | 2 | b |\n\n"
        "## HTTP mapping\n\n| 错误码 | HTTP 状态码 |\n|--|--|\n| 1 | 400 |\n| 2 | 500 |\n"
    )
    records = parse(page).records
    assert [(r.table, r.name, r.value) for r in records] == [
        (0, "E_A", 1),
        (0, "E_B", 2),
        (1, "", 1),
        (1, "", 2),
    ]
    assert records[2].extra == {"HTTP 状态码": "400"}


def test_configuration_can_pin_column_roles_for_a_section() -> None:
    page = "## Odd\n\n| 甲 | 乙 | 丙 |\n|--|--|--|\n| E_A | 1 | a |\n"
    assert parse(page).records == ()
    pin = ColumnPin(
        files=None, section="Odd", roles={"name": "甲", "value": "乙", "description": "丙"}
    )
    assert rows(parse(page, Settings(pins=(pin,)))) == [("E_A", 1, "a")]
