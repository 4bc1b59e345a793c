"""A Markdown table's rows are kept as numbers and cut from the page when asked for: they must
behave as the tuple of rows they stand for, wherever a table's rows are read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speclint.read.blocks import SourceRow, SourceRows, parse_blocks

PAGE = """# Codes

> | 名称 | 值 |
> | --- | --- |
> | A | 1 |
> | B | 2 |

- | name | value |
  | ---- | ----- |
  | C    | 3     |
"""


def _rows_as_cut(page: str) -> list[list[SourceRow]]:
    """Each table's rows, built the way rows were built before SourceRows: one by one."""
    lines = page.split("\n")
    tables = []
    for table in parse_blocks(page).tables:
        rows = []
        for row in table.rows:
            line = lines[row.line - 1]
            assert line[row.offset :].startswith(row.text)
            rows.append(SourceRow(row.line, row.text, row.offset))
        tables.append(rows)
    return tables


def test_rows_are_cut_where_the_page_has_them() -> None:
    tables = parse_blocks(PAGE).tables
    assert [len(t.rows) for t in tables] == [2, 1]
    quoted, listed = tables
    assert [(r.line, r.text, r.offset) for r in quoted.rows] == [
        (5, "| A | 1 |", 2),
        (6, "| B | 2 |", 2),
    ]
    assert [(r.line, r.text, r.offset) for r in listed.rows] == [(10, "| C    | 3     |", 2)]
    assert quoted.header.text == "| 名称 | 值 |"
    assert quoted.delimiter is not None


def test_rows_behave_as_the_tuple_they_stand_for() -> None:
    table = parse_blocks(PAGE).tables[0]
    rows = table.rows
    assert isinstance(rows, SourceRows)
    expected = tuple(_rows_as_cut(PAGE)[0])
    assert tuple(rows) == expected
    assert rows == expected
    assert expected == rows
    assert rows[-1] == expected[-1]
    assert rows[0] == expected[0]
    assert rows[1:] == expected[1:]
    assert rows[::-1] == expected[::-1]
    assert hash(rows) == hash(expected)
    assert bool(rows)
    assert len(rows) == 2
    with pytest.raises(IndexError):
        rows[2]
    with pytest.raises(IndexError):
        rows[-3]


@given(st.lists(st.tuples(st.sampled_from(["A", "名", "x y", "`a|b`"]), st.integers(-5, 9999))))
def test_any_table_reads_the_same_rows_as_cut_one_by_one(cells: list[tuple[str, int]]) -> None:
    page = "| name | value |\n| --- | --- |\n" + "".join(f"| {n} | {v} |\n" for n, v in cells)
    tables = parse_blocks(page).tables
    assert [list(t.rows) for t in tables] == _rows_as_cut(page)
