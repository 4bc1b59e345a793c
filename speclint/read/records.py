"""Turn the tables of a page into located records, and the rows that can't be into problems."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from speclint.model import Cell, Record, RowProblem, Table
from speclint.read.blocks import SourceRow, SourceTable
from speclint.read.cells import RawCell, split_row
from speclint.read.columns import DESCRIPTION, NAME, VALUE, HeaderAliases, Roles, detect_roles
from speclint.read.inline import reduce_inline
from speclint.read.thresholds import CLEARLY, SECOND_HEADER_MAX_CHARS
from speclint.read.values import is_numeric, parse_value, split_compound

# Given a table's section path, the column roles the configuration pins for it, if any.
PinnedRoles = Callable[[tuple[str, ...]], Mapping[str, str] | None]


@dataclass(frozen=True, slots=True)
class Extracted:
    records: tuple[Record, ...]
    tables: tuple[Table, ...]
    problems: tuple[RowProblem, ...]


def _cell_text(raw: str) -> str:
    # Inside a table an escaped pipe is a pipe, code span or not (as in GFM).
    return reduce_inline(raw.replace("\\|", "|")) if raw else ""


def extract_records(
    path: str,
    tables: tuple[SourceTable, ...],
    aliases: HeaderAliases,
    pinned: PinnedRoles | None = None,
) -> Extracted:
    """Return the records of every code table in ``tables`` (the tables of one file)."""
    records: list[Record] = []
    found: list[Table] = []
    problems: list[RowProblem] = []
    for source in tables:
        headers = tuple(_cell_text(c.raw) for c in split_row(source.header.text))
        rows = [_read_row(row) for row in source.rows]
        texts = [texts for _, _, group, texts in rows if group is None]
        columns = [[t[i] if i < len(t) else "" for t in texts] for i in range(len(headers))]
        roles = detect_roles(headers, columns, aliases, pinned(source.section) if pinned else None)
        line = source.header.line
        if isinstance(roles, str):
            found.append(Table(path, line, source.section, headers, skipped=roles))
            continue
        index = sum(1 for t in found if not t.skipped)
        keys = tuple(roles.role_of(i) or "" for i in range(len(headers)))
        found.append(Table(path, line, source.section, headers, keys, index))
        section = source.section
        for position, (row, cells, group, row_texts) in enumerate(rows):
            if group is not None:
                section = (*source.section, group)
                continue
            if position == 0 and _second_header(row_texts, roles.value, columns[roles.value]):
                continue
            if len(cells) == len(headers) and not any(row_texts):
                continue  # | | | |: an empty row is clutter, not a code without a value
            record = _record(path, section, index, row, cells, row_texts, headers, keys, roles)
            if record is None:
                continue
            if isinstance(record, RowProblem):
                problems.append(record)
                continue
            if len(cells) != len(headers):
                problems.append(_problem(path, section, row, cells, _ragged(cells, headers)))
            records.append(record)
    return Extracted(tuple(records), tuple(found), tuple(problems))


# What pages write in a cell that has nothing to say.
_ELLIPSES = frozenset({"...", "\u2026", "\u2026\u2026", "\u00b7\u00b7\u00b7"})
_PLACEHOLDERS = frozenset({"-", "--", "\u2014", "\u2013", "/", "N/A", "n/a", "无"})
_BOLD = re.compile(r"(\*\*|__)(?P<text>.+)\1")


def _read_row(row: SourceRow) -> tuple[SourceRow, list[RawCell], str | None, list[str]]:
    """A row's cells, the group heading it is (if it is one), and its cells' reduced texts."""
    cells = split_row(row.text)
    return row, cells, _group_heading(cells), [_cell_text(c.raw) for c in cells]


def _second_header(texts: list[str], value: int, values: list[str]) -> bool:
    """A first row of short words, a word where the numbers go, continues the header
    (``| Dec | Hex | | |`` under ``| Identifier | | Name | Description |``)."""
    if value >= len(texts) or not texts[value] or is_numeric(texts[value]):
        return False
    numbers = sum(1 for v in values if is_numeric(v))
    words = [t for t in texts if t]
    return numbers >= CLEARLY * max(len(values) - 1, 1) and all(
        len(t) <= SECOND_HEADER_MAX_CHARS and not any(ch.isdigit() for ch in t) for t in words
    )


def _group_heading(cells: list[RawCell]) -> str | None:
    """A row whose only cell is bold text, such as ``| **Class 08 - Connection** | |``, heads
    the rows below it rather than being a record."""
    if not cells or not cells[0].raw or any(c.raw for c in cells[1:]):
        return None
    match = _BOLD.fullmatch(cells[0].raw)
    return reduce_inline(match["text"]) if match else None


def _record(
    path: str,
    section: tuple[str, ...],
    index: int,
    row: SourceRow,
    cells: list[RawCell],
    texts: list[str],
    headers: tuple[str, ...],
    keys: tuple[str, ...],
    roles: Roles,
) -> Record | RowProblem | None:
    if roles.value >= len(cells):
        return _problem(path, section, row, cells, _ragged(cells, headers) + ", so it has no value")
    raw_value = texts[roles.value]
    if raw_value in _PLACEHOLDERS or raw_value in _ELLIPSES:
        return None  # "| ... | 待补充 |": a row to be filled in later, not a code
    if not raw_value:
        message = f"row has no value in column {headers[roles.value]!r}"
        return _problem(path, section, row, cells, message, at=roles.value)
    record_cells = tuple(
        Cell(
            role=keys[i],
            header=headers[i],
            text=texts[i] if i < len(cells) else "",
            raw=cells[i].raw if i < len(cells) else "",
            column=row.offset + cells[i].start + 1 if i < len(cells) and cells[i].raw else 0,
        )
        for i in range(len(headers))
    )

    def text_of(role_index: int | None) -> str:
        return texts[role_index] if role_index is not None and role_index < len(texts) else ""

    name = text_of(roles.name)
    if name in _PLACEHOLDERS:
        name = ""
    if roles.compound:
        name, raw_value = split_compound(raw_value) or ("", raw_value)
    return Record(
        file=path,
        line=row.line,
        section=section,
        table=index,
        name=name,
        value=parse_value(raw_value),
        raw_value=raw_value,
        description=text_of(roles.description),
        cells=record_cells,
    )


def _ragged(cells: list[RawCell], headers: tuple[str, ...]) -> str:
    cells_text = "1 cell" if len(cells) == 1 else f"{len(cells)} cells"
    return f"row has {cells_text} but the header has {len(headers)}"


def _problem(
    path: str,
    section: tuple[str, ...],
    row: SourceRow,
    cells: list[RawCell],
    message: str,
    at: int = 0,
) -> RowProblem:
    column = row.offset + (cells[at].start if at < len(cells) else 0) + 1
    return RowProblem(path, row.line, column, section, message, row.text.strip())


__all__ = ["DESCRIPTION", "NAME", "VALUE", "Extracted", "PinnedRoles", "extract_records"]
