"""Real-world table shapes: HTML tables, conflict markers, split rows, tab-separated lines,
a header row that is a code. Each is read as a reader would or reported at its line."""

from __future__ import annotations

from speclint.config import Settings
from speclint.model import ParsedFile
from speclint.read.page import parse_text

HEAD = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"


def parse(page: str) -> ParsedFile:
    return parse_text("p.md", page, Settings())


def rows(parsed: ParsedFile) -> list[tuple[int, str, object, str]]:
    return [(r.line, r.name, r.value, r.description) for r in parsed.records]


def problems(parsed: ParsedFile) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in parsed.problems]


HTML = """\
# 错误码

<table>
  <thead>
    <tr><th>错误码</th><th>十进制数值</th><th>含义</th></tr>
  </thead>
  <tbody>
    <tr><td>ERRCODE_OK</td><td>0</td><td>成功 &amp; <b>*ok*</b></td></tr>
    <tr><td rowspan="2">ERRCODE_A</td><td>1</td><td>a|b</td></tr>
    <tr><td>2</td><td>second<br>line</td></tr>

    <tr><td colspan="2">ERRCODE_B</td><td>spans</td></tr>
    <tr><td>ERRCODE_C<td>3<td>unclosed cells
  </tbody>
</table>

| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| ERRCODE_D | 4 | pipe |
"""


def test_html_table_records_with_lines_and_columns() -> None:
    parsed = parse(HTML)
    assert rows(parsed) == [
        (8, "ERRCODE_OK", 0, "成功 & *ok*"),
        (9, "ERRCODE_A", 1, "a|b"),
        (10, "ERRCODE_A", 2, "second line"),  # rowspan: the name reaches this row
        (12, "ERRCODE_B", "ERRCODE_B", "spans"),  # colspan: the cell fills both columns
        (13, "ERRCODE_C", 3, "unclosed cells"),
        (19, "ERRCODE_D", 4, "pipe"),
    ]
    ok = parsed.records[0]
    line = HTML.split("\n")[7]
    for cell in ok.cells:
        assert line[cell.column - 1 :].startswith("<td>")
    assert ok.cell("description").raw == "成功 & *ok*"  # type: ignore[union-attr]
    # One table index per code table, in page order, HTML and pipe alike.
    assert [r.table for r in parsed.records] == [0, 0, 0, 0, 0, 1]


def test_html_layout_tables_and_nested_tables() -> None:
    page = (
        "<table><tr><td>Logo</td><td>Menu</td></tr></table>\n\n"
        "<table><tr><th>code</th><th>description</th></tr>\n"
        "<tr><td>100</td><td><table><tr><td>inner</td></tr></table> text</td></tr>\n"
        "<tr><td>200</td><td>two</td></tr></table>\n"
    )
    parsed = parse(page)
    assert rows(parsed) == [(4, "", 100, "inner text"), (5, "", 200, "two")]


def test_html_spans_are_clamped() -> None:
    page = '<table><tr><th>code</th><th>description</th></tr><tr><td colspan="99999999">1</td></tr></table>\n'
    parsed = parse(page)
    assert len(parsed.records[0].cells) == 2


def test_html_table_in_a_comment_or_fence_is_not_read() -> None:
    table = "<table><tr><th>code</th><th>description</th></tr><tr><td>1</td><td>a</td></tr></table>"
    assert parse(f"<!--\n{table}\n-->\n").records == ()
    assert parse(f"```html\n{table}\n```\n").records == ()


def test_conflict_markers_in_a_table_are_reported_and_the_rest_read() -> None:
    page = (
        HEAD
        + "| E_A | 1 | a |\n<<<<<<< HEAD\n| E_B | 2 | b |\n||||||| base\n| E_B | 9 | b |\n"
        + "=======\n| E_B | 3 | b |\n>>>>>>> feature\n| E_C | 4 | c |\n"
    )
    parsed = parse(page)
    # One conflict, one problem; its first side is read (both would make E_B a name with three
    # values, three findings of the one conflict), and the rows after it.
    assert [(r.line, r.name, r.value) for r in parsed.records] == [
        (3, "E_A", 1), (5, "E_B", 2), (11, "E_C", 4),
    ]  # fmt: skip
    assert problems(parsed) == [
        (
            4,
            (
                "merge conflict committed in a table (lines 4-10), marker '<<<<<<< HEAD': its "
                "first side is read; resolve the conflict"
            ),
        )
    ]


def test_a_stray_conflict_marker_in_a_table_is_reported_alone() -> None:
    parsed = parse(HEAD + "| E_A | 1 | a |\n=======\n| E_B | 2 | b |\n")
    assert [(r.line, r.name) for r in parsed.records] == [(3, "E_A"), (5, "E_B")]
    assert [line for line, _ in problems(parsed)] == [4]


def test_conflict_markers_away_from_tables_are_left_alone() -> None:
    page = "```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> feature\n```\n\n" + HEAD
    assert parse(page + "| E_A | 1 | a |\n").problems == ()


def test_a_row_split_across_lines_is_explained() -> None:
    parsed = parse(HEAD + "| E_A | 1 | a long\nmeaning |\n| E_B | 2 | b |\n")
    assert [r.name for r in parsed.records] == ["E_A", "E_B"]
    assert problems(parsed) == [
        (
            4,
            (
                "this line looks like the rest of the row above, split across lines: a table row "
                "must stay on one line (write <br> for a line break in a cell) (row has 1 cell but "
                "the header has 3, so it has no value)"
            ),
        )
    ]


def test_tab_separated_lines_next_to_a_table_are_explained() -> None:
    parsed = parse(HEAD + "| E_A | 1 | a |\nE_B\t2\tb\n")
    assert problems(parsed)[0][0] == 4
    assert problems(parsed)[0][1].startswith(
        "this line separates its cells with tabs, not pipes (pasted from a spreadsheet?)"
    )


def test_a_header_row_that_is_a_code_is_reported() -> None:
    parsed = parse("| ERRCODE_OK | 0 | 成功 |\n| --- | --- | --- |\n| ERRCODE_A | 1 | a |\n")
    assert problems(parsed) == [
        (
            1,
            (
                "the first row of this table is a code (ERRCODE_OK | 0 | 成功), not a header row: it "
                "is not checked; add a header row above it"
            ),
        )
    ]


def test_ordinary_headers_are_not_taken_for_codes() -> None:
    assert parse(HEAD + "| E_A | 1 | a |\n").problems == ()
    assert parse("| Code | 2024 | Notes |\n| --- | --- | --- |\n| 1 | a | b |\n").problems == ()
