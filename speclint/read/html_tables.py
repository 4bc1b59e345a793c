"""Read the HTML ``<table>``s of a page the way a browser lays them out.

Many docs write code tables in HTML (merged cells, cells holding lists). Each table is parsed
with the standard library's ``html.parser``: it is a real, forgiving HTML tokenizer (unclosed
``<td>`` and ``<tr>`` as browsers accept them, character references decoded), it reports the
line and column of every tag, and it needs no dependency. ``rowspan`` and ``colspan`` are
expanded, so every row has a cell per column as a reader sees it.

The tables then go through the same record building as pipe tables: each becomes a
``SourceTable`` of synthetic pipe rows (cell text escaped so that no Markdown but a code span
is read into it),
and the records' columns are mapped back to the HTML cells afterwards. Each synthetic row is
placed at its own far-away offset (``_ROW_BASE``), which is how a record's column says which
HTML row and cell it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from speclint.model import Record, RowProblem
from speclint.read.blocks import Blocks, HtmlBlock, SourceRow, SourceTable

# Synthetic row r sits at offset r * _ROW_BASE: far beyond any real line's length.
_ROW_BASE = 10**12
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# A backslash before ASCII punctuation in a cell's text: a Markdown escape that docs converted
# from HTML write into their HTML tables (INVALID\_API\_KEY), and that the sites rendering them
# (MDX, Docusaurus, Mintlify) resolve. A reader sees INVALID_API_KEY.
_MARKDOWN_ESCAPE = re.compile(r"\\" + _PUNCTUATION.pattern)
# `101` in a <td>: a code span, which the sites rendering these pages (MDX, Docusaurus) render
# inside HTML as in Markdown: a reader sees the code 101 in code type, as in a pipe table.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_MAX_SPAN = 1000  # rowspan/colspan above this are typos (or attacks): clamp them
_BOLD_TAGS = frozenset({"b", "strong"})


@dataclass(frozen=True, slots=True)
class HtmlCell:
    text: str
    line: int  # 1-based, of the cell's tag
    column: int  # 1-based, of the cell's tag
    bold: bool = False  # all its text inside <b> or <strong>


@dataclass(frozen=True, slots=True)
class HtmlRow:
    line: int  # 1-based, of the row's <tr>
    cells: tuple[HtmlCell, ...]


@dataclass(frozen=True, slots=True)
class HtmlTable:
    line: int
    header: HtmlRow
    rows: tuple[HtmlRow, ...]
    end: int  # character index in the page after </table>


@dataclass
class _RawCell:
    text: list[str]
    line: int
    column: int
    rowspan: int
    colspan: int
    header: bool
    bold_depth: int = 0  # <b>, <strong> open around the text now
    bold_text: bool = False  # some text was inside them
    plain_text: bool = False  # some text was outside them


@dataclass
class _RawRow:
    cells: list[_RawCell]
    in_head: bool
    line: int


class _TableParser(HTMLParser):
    """Collects the first top-level ``<table>`` fed to it; nested tables become cell text."""

    def __init__(self, first_line: int, first_column: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.first_column = first_column
        self.depth = 0
        self.rows: list[_RawRow] = []
        self.cell: _RawCell | None = None
        self.in_head = False
        self.done = False
        self.start_line = 0

    def _where(self) -> tuple[int, int]:
        line, offset = self.getpos()
        column = offset + (self.first_column if line == 1 else 0) + 1
        return self.first_line + line - 1, column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.start_line = self._where()[0]
            return
        if self.depth != 1:
            if self.cell is not None and tag in ("br", "p", "li", "div", "tr"):
                self.cell.text.append(" ")
            return
        if tag == "thead":
            self.in_head = True
        elif tag in ("tbody", "tfoot"):
            self.in_head = False
        elif tag == "tr":
            self._close_cell()
            self.rows.append(_RawRow([], self.in_head, self._where()[0]))
        elif tag in ("td", "th"):
            self._close_cell()
            line, column = self._where()
            if not self.rows:
                self.rows.append(_RawRow([], self.in_head, line))
            spans = dict(attrs)
            self.cell = _RawCell(
                [], line, column, _span(spans.get("rowspan")), _span(spans.get("colspan")),
                tag == "th",
            )  # fmt: skip
            self.rows[-1].cells.append(self.cell)
        elif tag in ("br", "p", "li", "div") and self.cell is not None:
            self.cell.text.append(" ")
        elif tag in _BOLD_TAGS and self.cell is not None:
            self.cell.bold_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "table":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        if tag == "table":
            self.depth -= 1
            if self.depth == 0:
                self._close_cell()
                self.done = True
        elif self.depth == 1 and tag in ("td", "th", "tr"):
            self._close_cell()
        elif self.depth == 1 and tag == "thead":
            self.in_head = False
        elif tag in _BOLD_TAGS and self.cell is not None and self.cell.bold_depth:
            self.cell.bold_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.done:
            self.cell.text.append(data)
            if data.strip():
                if self.cell.bold_depth and self.depth == 1:
                    self.cell.bold_text = True
                else:
                    self.cell.plain_text = True

    def _close_cell(self) -> None:
        self.cell = None


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), _MAX_SPAN))
    except ValueError:
        return 1


def read_html_table(text: str, block: HtmlBlock) -> HtmlTable | None:
    """The table starting in the HTML block at ``block.offset`` of the page ``text``."""
    start = text.lower().find("<table", block.offset)
    if start < 0:
        return None
    line = block.line + text.count("\n", block.offset, start)
    column = start - (text.rfind("\n", 0, start) + 1)
    parser = _TableParser(line, column)
    # Feed line by line so that the parser stops reading at </table>.
    end = start
    while end < len(text) and not parser.done:
        next_end = text.find("\n", end)
        next_end = len(text) if next_end < 0 else next_end + 1
        parser.feed(text[end:next_end])
        end = next_end
    parser.close()
    grid = _expand(parser.rows)
    if not grid:
        return None
    # A row of no cell (<tr></tr>, or the <tr> a page writes where </tr> goes) heads nothing.
    heads = sum(
        1 for row in parser.rows if row.cells and (row.in_head or all(c.header for c in row.cells))
    )
    heads = max(1, min(heads, len(grid) - 1)) if len(grid) > 1 else 1
    return HtmlTable(parser.start_line or line, grid[heads - 1], tuple(grid[heads:]), end)


def html_tables(text: str, blocks: Blocks) -> list[tuple[HtmlTable, tuple[str, ...]]]:
    """Every HTML table of the page, with its section, in page order (each once)."""
    found: list[tuple[HtmlTable, tuple[str, ...]]] = []
    read_to = 0
    for block in blocks.html_tables:
        if block.offset < read_to:
            continue  # inside a table already read (a table with blank lines spans blocks)
        table = read_html_table(text, block)
        if table is not None:
            found.append((table, block.section))
            read_to = table.end
    return found


def _expand(rows: Sequence[_RawRow]) -> list[HtmlRow]:
    """The grid a browser lays out: ``rowspan`` and ``colspan`` cells repeated where they reach."""
    pending: dict[int, tuple[int, HtmlCell]] = {}  # column -> (rows still to cover, cell)
    grid: list[HtmlRow] = []
    for row in rows:
        placed: list[HtmlCell] = []
        # A row of one cell spanning columns, none reaching down from above, is a title
        # (<td colspan="2">Раздел 1</td>): the text once, where a reader sees it begin.
        title = len(row.cells) == 1 and row.cells[0].colspan > 1 and not pending
        for raw in row.cells:
            _fill_spanned(pending, placed)
            text = _outside_code_spans(
                " ".join("".join(raw.text).split()), lambda part: _MARKDOWN_ESCAPE.sub(r"\1", part)
            )
            # A row's one cell spanning columns is a title, set apart as a bold one is.
            bold = title or (raw.bold_text and not raw.plain_text)
            cell = HtmlCell(text, raw.line, raw.column, bold)
            for spanned in range(raw.colspan):
                if raw.rowspan > 1:
                    pending[len(placed)] = (raw.rowspan - 1, cell)
                placed.append(HtmlCell("", raw.line, raw.column) if title and spanned else cell)
        _fill_spanned(pending, placed)
        if placed:
            grid.append(HtmlRow(row.line, tuple(placed)))
    return grid


def _fill_spanned(pending: dict[int, tuple[int, HtmlCell]], placed: list[HtmlCell]) -> None:
    """Place the cells that rows above span into this row, from its next column on."""
    while len(placed) in pending:
        column = len(placed)
        left, cell = pending[column]
        placed.append(cell)
        if left <= 1:
            del pending[column]
        else:
            pending[column] = (left - 1, cell)


def source_table(table: HtmlTable, section: tuple[str, ...], number: int) -> SourceTable:
    """The table as synthetic pipe rows for ``extract_records``; ``number`` keeps the rows of
    every HTML table of a page apart (see ``relocate``)."""

    def row(html: HtmlRow, index: int) -> SourceRow:
        escaped = " | ".join(_synthetic(c) for c in html.cells)
        return SourceRow(html.line, f"| {escaped} |", index * _ROW_BASE)

    rows = tuple(row(html, _row_key(number, i + 1)) for i, html in enumerate(table.rows))
    return SourceTable(section, row(table.header, _row_key(number, 0)), rows)


def _synthetic(cell: HtmlCell) -> str:
    """A cell as its synthetic pipe row writes it. A cell all in <b> is bold, as a reader
    sees it: a title row's one cell (<b>DRM</b>) reads as a pipe table's bold title row does."""
    text = _pipe_cell(cell.text)
    return f"**{text}**" if cell.bold and text else text


def _pipe_cell(text: str) -> str:
    """A cell's text as a pipe table cell that reads as the HTML cell does: every punctuation
    mark escaped, so that no Markdown is read into it, but for code spans."""
    return _outside_code_spans(
        text,
        lambda part: _PUNCTUATION.sub(r"\\\1", part),
        lambda span: span.replace("|", "\\|"),  # a pipe ends a pipe table's cell
    )


def _outside_code_spans(
    text: str, outside: Callable[[str], str], inside: Callable[[str], str] = str
) -> str:
    """``text`` with ``outside`` applied to what is not a code span and ``inside`` to the code
    spans (kept as they are by default): in a code span, Markdown means nothing."""
    if "`" not in text:
        return outside(text)
    parts: list[str] = []
    end = 0
    for span in _CODE_SPAN.finditer(text):
        parts.append(outside(text[end : span.start()]))
        parts.append(inside(span.group()))
        end = span.end()
    parts.append(outside(text[end:]))
    return "".join(parts)


_CODE_ROLES = ("name", "value")


def _spanned_from_above(
    code: tuple[HtmlCell | None, ...], above: tuple[HtmlCell | None, ...]
) -> bool:
    """Whether a row's code cells (name and value) are all the very cells of the row above,
    reaching down by ``rowspan`` (``_expand`` places the same cell in each row it spans)."""
    return (
        bool(code)
        and len(code) == len(above)
        and all(cell is not None and cell is other for cell, other in zip(code, above, strict=True))
    )


def _row_key(table_number: int, row_index: int) -> int:
    # One million rows per table is beyond any page; the key is decoded by relocate().
    return (table_number + 1) * 1_000_000 + row_index


def relocate(
    records: Sequence[Record],
    problems: Sequence[RowProblem],
    tables: Sequence[HtmlTable],
) -> tuple[list[Record], list[RowProblem]]:
    """Point the records and problems of HTML tables at the HTML cells they came from."""
    if not tables:
        return list(records), list(problems)  # the common page: nothing to move

    def where(column: int) -> tuple[HtmlCell | None, int]:
        key, start = divmod(column - 1, _ROW_BASE)
        number, index = divmod(key, 1_000_000)
        if number == 0 or number > len(tables):
            return None, column
        table = tables[number - 1]
        cells = (table.header if index == 0 else table.rows[index - 1]).cells
        # The synthetic row is "| c0 | c1 | ...": find the cell whose text starts at `start`.
        position = 2
        for cell in cells:
            if position >= start:
                return cell, cell.column
            position += len(_synthetic(cell)) + 3
        return (cells[-1], cells[-1].column) if cells else (None, column)

    moved = []
    # The HTML cells that identify the last record of each table (its name and value cells),
    # and the synthetic row it came from.
    last_code: dict[int, tuple[int, tuple[HtmlCell | None, ...]]] = {}
    for record in records:
        if all(cell.column < _ROW_BASE for cell in record.cells):
            moved.append(record)
            continue
        cells = []
        code: list[HtmlCell | None] = []
        for cell in record.cells:
            found, column = where(cell.column) if cell.column else (None, 0)
            raw = found.text if found is not None else cell.raw
            cells.append(replace(cell, column=column, raw=raw))
            if cell.role in _CODE_ROLES:
                code.append(found)
        code_cells = tuple(code)
        row = next(((c.column - 1) // _ROW_BASE for c in record.cells if c.column), -1)
        above = last_code.get(record.table)
        if above is not None and above[0] != row and _spanned_from_above(code_cells, above[1]):
            # <td rowspan="4">ACLNN_ERR_PARAM_INVALID</td><td rowspan="4">161002</td>: one
            # code spanning rows that each give a cause of it, as a reader sees it; not the
            # code listed four times. (The codes of one cell, "1002, 1003", are one row's.)
            continue
        last_code[record.table] = (row, code_cells)
        moved.append(replace(record, cells=tuple(cells)))
    fixed = [
        replace(problem, column=where(problem.column)[1], text=problem.text.replace("\\", ""))
        if problem.column >= _ROW_BASE
        else problem
        for problem in problems
    ]
    return moved, fixed
