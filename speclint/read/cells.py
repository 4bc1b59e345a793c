"""Split a table row into cells, each with the column where it starts.

Like GFM, an escaped pipe ``\\|`` does not split a cell. Unlike GFM, neither does a pipe inside a
code span: pages write ``a|b`` in backticks and every reader sees one cell there. Columns count
characters (not bytes, not display width), so CJK text and tabs do not shift them.
"""

from __future__ import annotations

from typing import NamedTuple


class RawCell(NamedTuple):
    """A cell as split from its row. A named tuple: every cell of every row makes one, and a
    tuple is made several times faster than a frozen dataclass."""

    raw: str  # stripped of surrounding blanks, markup kept
    start: int  # 0-based index in the row text of the first non-blank character


def split_row(text: str) -> list[RawCell]:
    """Split one row's text (``| a | b |`` or ``a | b``) into cells."""
    pos, end = bounds(text)
    if "\\" not in text and "`" not in text:
        return _split_plain(text, pos, end)
    return _split_marked(text, pos, end)


def bounds(text: str) -> tuple[int, int]:
    """Where a row's cells start and end: inside its blanks and its outer pipes."""
    end = len(text.rstrip())
    pos = len(text) - len(text.lstrip())
    if pos < end and text[pos] == "|":
        pos += 1
    if end > pos and text[end - 1] == "|" and not _escaped(text, end - 1):
        end -= 1
    return pos, end


def _split_plain(text: str, pos: int, end: int) -> list[RawCell]:
    """Most rows have no escapes and no code spans: every pipe splits."""
    cells = []
    for chunk in text[pos:end].split("|"):
        rest = chunk.lstrip()
        # tuple.__new__ makes the named tuple without its Python-level __new__ (every cell of
        # every row is one).
        if rest:
            cells.append(_tuple_new(RawCell, (rest.rstrip(), pos + len(chunk) - len(rest))))
        else:
            cells.append(_tuple_new(RawCell, ("", pos)))
        pos += len(chunk) + 1
    return cells


_tuple_new = tuple.__new__


def _split_marked(text: str, pos: int, end: int) -> list[RawCell]:
    cells: list[RawCell] = []
    cell_start = pos
    while pos < end:
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "`":
            pos = _skip_code_span(text, pos, end)
            continue
        if char == "|":
            cells.append(_cell(text, cell_start, pos))
            cell_start = pos + 1
        pos += 1
    cells.append(_cell(text, cell_start, end))
    return cells


def _cell(text: str, start: int, end: int) -> RawCell:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return RawCell("", start)
    return RawCell(stripped, start + len(chunk) - len(chunk.lstrip()))


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index > 0 and text[index - 1] == "\\":
        backslashes += 1
        index -= 1
    return backslashes % 2 == 1


def _skip_code_span(text: str, pos: int, end: int) -> int:
    """Return the index after the code span opening at ``pos``, or after its backticks if unclosed."""
    run = pos
    while run < end and text[run] == "`":
        run += 1
    width = run - pos
    search = run
    while True:
        close = text.find("`" * width, search, end)
        if close < 0:
            return run
        after = close + width
        if after >= end or text[after] != "`":
            return after
        while after < end and text[after] == "`":
            after += 1
        search = after
