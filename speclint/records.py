"""Turn the tables of a page into located records, and the rows that can't be into problems."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from speclint.blocks import SourceRow, SourceTable
from speclint.cells import RawCell, split_row
from speclint.columns import DESCRIPTION, NAME, VALUE, HeaderAliases, Roles, detect_roles
from speclint.inline import reduce_inline
from speclint.model import Cell, Record, RowProblem, Table
from speclint.values import parse_value

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
        rows = [(row, split_row(row.text)) for row in source.rows]
        texts = [[_cell_text(c.raw) for c in cells] for _, cells in rows]
        columns = [[t[i] if i < len(t) else "" for t in texts] for i in range(len(headers))]
        roles = detect_roles(headers, columns, aliases, pinned(source.section) if pinned else None)
        line = source.header.line
        if isinstance(roles, str):
            found.append(Table(path, line, source.section, headers, skipped=roles))
            continue
        index = sum(1 for t in found if not t.skipped)
        keys = tuple(roles.role_of(i) or headers[i] for i in range(len(headers)))
        found.append(Table(path, line, source.section, headers, keys, index))
        for (row, cells), row_texts in zip(rows, texts, strict=True):
            record = _record(path, source, index, row, cells, row_texts, headers, keys, roles)
            if isinstance(record, RowProblem):
                problems.append(record)
                continue
            if len(cells) != len(headers):
                problems.append(_problem(path, source, row, cells, _ragged(cells, headers)))
            records.append(record)
    return Extracted(tuple(records), tuple(found), tuple(problems))


def _record(
    path: str,
    source: SourceTable,
    index: int,
    row: SourceRow,
    cells: list[RawCell],
    texts: list[str],
    headers: tuple[str, ...],
    keys: tuple[str, ...],
    roles: Roles,
) -> Record | RowProblem:
    if roles.value >= len(cells):
        return _problem(path, source, row, cells, _ragged(cells, headers) + ", so it has no value")
    raw_value = texts[roles.value]
    if not raw_value:
        message = f"row has no value in column {headers[roles.value]!r}"
        return _problem(path, source, row, cells, message, at=roles.value)
    record_cells = tuple(
        Cell(
            key=keys[i],
            header=headers[i],
            text=texts[i] if i < len(cells) else "",
            raw=cells[i].raw if i < len(cells) else "",
            column=row.offset + cells[i].start + 1 if i < len(cells) and cells[i].raw else 0,
        )
        for i in range(len(headers))
    )

    def text_of(role_index: int | None) -> str:
        return texts[role_index] if role_index is not None and role_index < len(texts) else ""

    return Record(
        file=path,
        line=row.line,
        section=source.section,
        table=index,
        name=text_of(roles.name),
        value=parse_value(raw_value),
        raw_value=raw_value,
        description=text_of(roles.description),
        cells=record_cells,
    )


def _ragged(cells: list[RawCell], headers: tuple[str, ...]) -> str:
    return f"row has {len(cells)} cells but the header has {len(headers)}"


def _problem(
    path: str,
    source: SourceTable,
    row: SourceRow,
    cells: list[RawCell],
    message: str,
    at: int = 0,
) -> RowProblem:
    column = row.offset + (cells[at].start if at < len(cells) else 0) + 1
    return RowProblem(path, row.line, column, source.section, message, row.text.strip())


__all__ = ["DESCRIPTION", "NAME", "VALUE", "Extracted", "PinnedRoles", "extract_records"]
