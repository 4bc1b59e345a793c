"""Categories a table gives its rows in a column of their own.

Some pages file a section's codes under categories written in a column rather than as headings:
``| 错误分类 | 错误码 | 错误信息 |`` with ``基础错误 | 500`` on the first row, ``身份验证错误 | 1000``
on the next and blank cells below it, continuing it (a merged cell, as the page was written in a
spreadsheet). A code the column files under a category of its own stands apart from the section's
other codes as a heading would set it apart: ``500`` beside ``1000..1999`` is the page's one
basic error, not a stray.

A column is read as such when its header names a category (``Category``, ``分类``, ``类别``)
and it groups rows (``ROW_CATEGORY_MAX_LABEL_SHARE``); category-range's ``category-columns``
names the headers instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from speclint.model import Record
from speclint.read.columns import normalise_header
from speclint.registry.table_rows import extra_column, rows_of_tables
from speclint.registry.thresholds import ROW_CATEGORY_MAX_LABEL_SHARE

# Header words of a column of categories (folded as headers are). A type column is not one: its
# cells are often a kind of outcome (Error, Warning) that numbering does not follow.
_CATEGORY_WORDS = (
    "categor", "catégor", "group", "module", "分类", "类别", "分组", "模块", "分類", "類別",
    "カテゴリ", "分類", "분류", "카테고리", "категор", "группа", "kategor", "kategori",
)  # fmt: skip


def category_columns(
    records: Iterable[Record], tables: set[tuple[str, int]], pinned: Sequence[str] | None = None
) -> dict[tuple[str, int], tuple[str, list[Record]]]:
    """Of ``tables`` (``(file, table)``), those a column files under categories: its header,
    and the table's records in order.

    ``pinned`` (category-range's ``category-columns``) names the headers of such columns,
    inferring nothing; an empty list reads none."""
    if not tables or pinned == ():
        return {}
    columns = {}
    for table, members in rows_of_tables(records, tables).items():
        members.sort(key=lambda r: r.line)
        header = _category_header(members, pinned)
        if header is not None:
            columns[table] = (header, members)
    return columns


def row_categories(
    records: Iterable[Record], tables: set[tuple[str, int]], pinned: Sequence[str] | None = None
) -> dict[int, str]:
    """For the records of ``tables`` that a category column labels, the label (by ``id`` of the
    record): its own cell, or the last filled one above it (``category_columns``)."""
    labels: dict[int, str] = {}
    for header, members in category_columns(records, tables, pinned).values():
        label = ""
        for record in members:
            cell = record.cell(header)
            label = (cell.text.strip() if cell is not None else "") or label
            if label:
                labels[id(record)] = label
    return labels


def _category_header(members: Sequence[Record], pinned: Sequence[str] | None) -> str | None:
    return extra_column(
        members,
        pinned,
        lambda rows, header: _names_categories(header) and _groups_rows(rows, header),
    )


def _names_categories(header: str) -> bool:
    folded = normalise_header(header)
    return any(word in folded for word in _CATEGORY_WORDS)


def _groups_rows(members: Sequence[Record], header: str) -> bool:
    """Whether the column starts a new label on few enough rows, and has two labels at least."""
    starts = 0
    seen: set[str] = set()
    previous = ""
    for record in members:
        cell = record.cell(header)
        text = cell.text.strip() if cell is not None else ""
        if text and text != previous:
            starts += 1
            seen.add(text)
            previous = text
    return len(seen) >= 2 and starts <= ROW_CATEGORY_MAX_LABEL_SHARE * len(members)
