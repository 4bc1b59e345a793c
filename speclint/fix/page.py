"""Fix one page: its code tables re-aligned (and sorted where asked), every other byte kept.

The page is split into lines the way the read stage counts them (CRLF, CR and LF all end a
line), and only the table lines' text after their container prefix (``> ``, list indentation)
is replaced: line ends, the byte order mark, the encoding and everything outside the tables are
written back as they were. Before a fix is accepted the fixed page is read again and must give
the same tables and records (the same cells, in the same order unless the table was sorted): a
fix that would change how any code reads is dropped, whatever the reason.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from speclint.config import Settings
from speclint.fix.tables import Unsafe, aligned
from speclint.model import ParsedFile, Record
from speclint.read.blocks import SourceTable, parse_blocks
from speclint.read.page import parse_text
from speclint.read.source import SourceError, decode

_LINE_END = re.compile(r"(\r\n|\r|\n)")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class FixError(Exception):
    """A page that cannot be fixed; the message names it."""


@dataclass(frozen=True, slots=True)
class PageFix:
    fixed: bytes
    tables: int  # tables changed
    sorted: int  # of which sorted
    unsafe: tuple[tuple[int, str], ...]  # (header line, why) of code tables left as they are


def encoding_of(data: bytes) -> tuple[bytes, str]:
    """The byte order mark a page starts with (b"" for none) and the codec of the rest."""
    return next(((bom, codec) for bom, codec in _BOMS if data.startswith(bom)), (b"", "utf-8"))


def fix_page(
    data: bytes, name: str, key: str, settings: Settings, sort_lines: Collection[int] = ()
) -> PageFix:
    """Re-align the code tables of the page ``data`` (``name`` as the user names it, ``key``
    relative to the configuration) and sort by value the tables holding a line of
    ``sort_lines`` (where unsorted-values reported a row)."""
    bom, encoding = encoding_of(data)
    try:
        raw = data[len(bom) :].decode(encoding)
        read = decode(data, name).text  # the text the reader saw: lines as it counts them
        before = parse_text(key, read, settings)
    except (UnicodeDecodeError, SourceError) as exc:
        raise FixError(f"{name}: cannot be fixed: {exc}") from None
    parts = _LINE_END.split(raw)
    lines, ends = parts[0::2], [*parts[1::2], ""]
    blocks = parse_blocks(read)
    code_tables = {t.line: t for t in before.tables if not t.skipped}
    changed = sorted_count = 0
    unsafe: list[tuple[int, str]] = []
    sorted_tables: set[int] = set()
    for table in blocks.tables:
        found = code_tables.get(table.header.line)
        if found is None or table.delimiter is None:
            continue
        try:
            texts, reordered = _fixed_texts(table, lines, before.records, found.index, sort_lines)
        except Unsafe as exc:
            unsafe.append((table.header.line, str(exc)))
            continue
        rows = (table.header, table.delimiter, *table.rows)
        new_lines = [lines[r.line - 1][: r.offset] + t for r, t in zip(rows, texts, strict=True)]
        if new_lines == [lines[r.line - 1] for r in rows]:
            continue
        changed += 1
        if reordered:
            sorted_count += 1
            sorted_tables.add(found.index)
        for row, line in zip(rows, new_lines, strict=True):
            lines[row.line - 1] = line
    if not changed:
        return PageFix(data, 0, 0, tuple(unsafe))
    fixed = bom + "".join(line + end for line, end in zip(lines, ends, strict=True)).encode(
        encoding
    )
    after = parse_text(key, decode(fixed, name).text, settings)
    if _meaning(before, sorted_tables) != _meaning(after, sorted_tables):
        raise FixError(
            f"{name}: left unchanged: the re-aligned tables would not read the same (a bug in "
            "speclint: please report it with the page)"
        )
    return PageFix(fixed, changed, sorted_count, tuple(unsafe))


def _fixed_texts(
    table: SourceTable,
    lines: Sequence[str],
    records: Sequence[Record],
    index: int,
    sort_lines: Collection[int],
) -> tuple[list[str], bool]:
    """The table's lines re-aligned (after their container prefix), and whether its rows were
    put in another order."""
    assert table.delimiter is not None
    for row in (table.header, table.delimiter, *table.rows):
        if lines[row.line - 1][row.offset :] != row.text:
            raise Unsafe("its lines are not where the reader found them")
    bodies = [row.text for row in table.rows]
    last = table.rows[-1].line if table.rows else table.header.line
    if any(table.header.line < line <= last for line in sort_lines):
        ordered = _sorted_rows(table, [r for r in records if r.table == index])
        reordered = ordered != bodies
        bodies = ordered
    else:
        reordered = False
    return aligned(table.header.text, table.delimiter.text, bodies), reordered


def _sorted_rows(table: SourceTable, records: Sequence[Record]) -> list[str]:
    """The table's row texts in ascending order of value, if sorting cannot change what any row
    means: every row is a code (no group rows heading the rows below them, no blank rows), and
    the values are all numbers or all text. Equal values keep their order."""
    by_line = {record.line: record for record in records}
    if len(by_line) != len(records):
        raise Unsafe("a row holds more than one code (a side-by-side table)")
    if any(row.line not in by_line for row in table.rows):
        raise Unsafe("not every row is a code, so sorting could move rows between groups")
    kinds = {type(by_line[row.line].value) for row in table.rows}
    if len(kinds) != 1:
        raise Unsafe("numbers and text values have no order between them")
    ordered = sorted(table.rows, key=lambda row: by_line[row.line].value)
    return [row.text for row in ordered]


Meaning = tuple[object, ...]


def _meaning(parsed: ParsedFile, sorted_tables: Collection[int]) -> Meaning:
    """What a fix must not change: every table as the reader takes it, and every record's
    cells, in order (as a multiset in a table that was sorted)."""
    tables = tuple((t.section, t.headers, t.roles, t.index, t.skipped) for t in parsed.tables)
    by_table: dict[int, list[tuple[object, ...]]] = {}
    for record in parsed.records:
        cells = tuple((c.role, c.header, c.text, c.raw) for c in record.cells)
        entry = (record.section, record.name, record.value_key, record.description, cells)
        by_table.setdefault(record.table, []).append(entry)
    records = tuple(
        (
            index,
            tuple(sorted(Counter(map(repr, rows)).items()))
            if index in sorted_tables
            else tuple(rows),
        )
        for index, rows in sorted(by_table.items())
    )
    problems = tuple((p.line, p.section, p.message) for p in parsed.problems)
    return (tables, records, problems)
