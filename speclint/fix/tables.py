"""Re-align one table: the same cells in the same order, only the blanks around them changed.

A row is split exactly as the read stage splits it (``speclint.read.cells.split_row``). A table
is left alone unless every character outside its cells' contents is a space, a tab or a cell
separator, and every row has the header's number of cells: then padding and pipes are all that
change. Cells are padded to the column's display width (``display_width``), the delimiter row
is rewritten as ``---`` runs keeping each column's alignment colons, and every row gets outer
pipes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from speclint.read.cells import split_row

_PADDING = frozenset(" \t|")
_ALIGNMENT = re.compile(r":?-+:?")
MIN_WIDTH = 3  # the shortest delimiter cell: ---


class Unsafe(Exception):
    """Why a table is left as it is."""


@dataclass(frozen=True, slots=True)
class Column:
    left: bool  # :---
    right: bool  # ---:


def display_width(text: str) -> int:
    """Columns a monospaced editor gives ``text``: East Asian wide and full-width characters
    take two, combining marks and format characters (zero-width joiner) none, the rest one.
    (Emoji sequences and ambiguous-width characters may still differ between editors.)"""
    width = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def cells_of(text: str) -> list[str]:
    """The cells of a row, as written (markup kept), if re-padding it cannot change them."""
    cells = split_row(text)
    outside: list[str] = []
    position = 0
    for cell in cells:
        if not cell.raw:
            continue
        if text[cell.start : cell.start + len(cell.raw)] != cell.raw:
            raise Unsafe("a cell is not where the reader found it")
        outside.append(text[position : cell.start])
        position = cell.start + len(cell.raw)
        if cell.raw.endswith("\\"):
            # "a\\|": speclint splits after the escaped backslash, GFM sees an escaped pipe;
            # padding would settle the question one way.
            raise Unsafe("a cell ends with a backslash")
    outside.append(text[position:])
    if not set("".join(outside)) <= _PADDING:
        raise Unsafe("a cell is padded with blanks other than spaces and tabs")
    return [cell.raw for cell in cells]


def columns_of(delimiter: str, count: int) -> list[Column]:
    parts = [part.strip(" \t") for part in delimiter.strip(" \t").strip("|").split("|")]
    if len(parts) != count or not all(_ALIGNMENT.fullmatch(part) for part in parts):
        raise Unsafe("the delimiter row does not match the header")
    return [Column(part.startswith(":"), part.endswith(":")) for part in parts]


def aligned(header: str, delimiter: str, rows: Sequence[str]) -> list[str]:
    """The header, delimiter and rows (texts without their container prefix) re-aligned;
    ``Unsafe`` says why a table cannot be."""
    table = [cells_of(header), *(cells_of(row) for row in rows)]
    count = len(table[0])
    if any(len(cells) != count for cells in table):
        raise Unsafe("a row has more or fewer cells than the header")
    columns = columns_of(delimiter, count)
    widths = [
        max(MIN_WIDTH, column.left + column.right + 1, *(display_width(r[i]) for r in table))
        for i, column in enumerate(columns)
    ]
    lines = [_row(table[0], widths, columns)]
    lines.append(
        "| "
        + " | ".join(
            (":" if c.left else "") + "-" * (w - c.left - c.right) + (":" if c.right else "")
            for c, w in zip(columns, widths, strict=True)
        )
        + " |"
    )
    lines += [_row(cells, widths, columns) for cells in table[1:]]
    return lines


def _row(cells: Sequence[str], widths: Sequence[int], columns: Sequence[Column]) -> str:
    padded = []
    for text, width, column in zip(cells, widths, columns, strict=True):
        room = width - display_width(text)
        if column.right and column.left:
            padded.append(" " * (room // 2) + text + " " * (room - room // 2))
        elif column.right:
            padded.append(" " * room + text)
        else:
            padded.append(text + " " * room)
    return "| " + " | ".join(padded) + " |"
