"""Turn the tables of a page into located records, and the rows that can't be into problems.

A table is read as a reader reads it: spacer rows (every cell empty) are gaps, bold one-cell rows
head the rows below them, a row whose value is a range (``-32099 to -32000``, ``5xx``) documents
reserved codes rather than defining one, a header written twice side by side
(``| 设备编号 | 设备名称 | 设备编号 | 设备名称 |``) holds two entries per row, and a header that
disagrees with every row about the number of columns is one problem, not one per row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from speclint.model import (
    Cell,
    DeclaredRange,
    Record,
    RowProblem,
    Table,
    build_cell,
    build_record,
)
from speclint.read.blocks import SourceRow, SourceTable, shows_examples
from speclint.read.cells import RawCell, split_row
from speclint.read.columns import (
    DESCRIPTION,
    NAME,
    VALUE,
    HeaderAliases,
    NotCodes,
    Roles,
    detect_roles,
    holds_string_codes,
    is_code_header,
    names_a_meaning,
    names_a_title,
    normalise_header,
    success_status,
)
from speclint.read.enums import Numbering, int_expression, is_enum_header
from speclint.read.headings import about_settings, heading_kinds
from speclint.read.inline import reduce_inline
from speclint.read.thresholds import (
    CLEARLY,
    CONTINUATION_MIN_BLANKS,
    MOSTLY,
    PLAIN_GROUP_MIN_ROWS,
    SECOND_HEADER_MAX_CHARS,
    SHORT_TEXT_CHARS,
    SMALL_TABLE_ROWS,
    SPANNED_MIN_ROWS,
    TRAILING_OMITTED_MIN_ROWS,
    TRAILING_OMITTED_SHARE,
)
from speclint.read.values import (
    CLOSING_BRACKETS,
    PLACEHOLDERS,
    RANGE_STARTS,
    is_code_token,
    is_identifier,
    is_numeric,
    name_without_remark,
    parse_range,
    parse_value,
    reason_phrase,
    split_compound,
    split_list,
    split_status_title,
    without_remark,
)

# A table of more rows than this keeps only its rows' texts until it is read (each row is split
# again then, about 2 microseconds a row): 100,000 rows' split cells are about 30 MB held at once,
# while a table of the usual tens or hundreds of rows is read at no cost.
KEEP_CELLS_MAX_ROWS = 2_000

# Given a table's section path, the column roles the configuration pins for it, if any.
PinnedRoles = Callable[[tuple[str, ...]], Mapping[str, str] | None]


@dataclass(frozen=True, slots=True)
class Extracted:
    records: tuple[Record, ...]
    tables: tuple[Table, ...]
    problems: tuple[RowProblem, ...]
    ranges: tuple[DeclaredRange, ...] = ()  # rows whose value is a range of reserved codes


class _Row(NamedTuple):
    """A row split (a named tuple: one for every row of every table, made fast)."""

    source: SourceRow
    cells: list[RawCell] | None  # None in a long table until its rows are read (``cells_of``)
    texts: list[str]  # each cell's text as a reader sees it
    group: str | None  # the title when the row heads the rows below it
    width: int  # how many cells it has

    def cells_of(self) -> list[RawCell]:
        """Its cells: kept, or split again from its text."""
        return self.cells if self.cells is not None else split_row(self.source.text)

    @property
    def blank(self) -> bool:
        """``| | | |``, ``|||``: a visual gap, whatever its number of cells (a stray byte-order
        mark or zero-width space shows nothing either)."""
        return not any(text.strip(_INVISIBLE) for text in self.texts)


def _cell_texts(cells: Sequence[RawCell]) -> list[str]:
    """Each cell's text as a reader sees it (one call per row, not per cell: every row of a
    page is read so). Inside a table an escaped pipe is a pipe, code span or not (as in GFM).
    A string literal written as code (`` `"buy"` ``, a Go or TypeScript enum's value) reads as
    what it holds; quotes in prose (``"Redirect"``, a message as the source prints it) stay."""
    texts = [
        (
            (
                reduce_inline(raw.replace("\\|", "|") if "\\" in raw else raw)
                if "<" not in raw
                else _text_with_tags(raw)
            )
            if (raw := c.raw)
            else ""
        )
        for c in cells
    ]
    if any(text[:1] in _QUOTES for text in texts if text):
        texts = [_unquoted(text, c.raw) for text, c in zip(texts, cells, strict=True)]
    return texts


_QUOTES = "\"'"


def _unquoted(text: str, raw: str) -> str:
    """``buy`` for `` `"buy"` `` or `` `'buy'` ``, ``cancel requested`` for
    `` `"cancel requested"` ``: what a string literal written as code holds (one literal,
    short: no quote of its kind inside)."""
    quote, held, code = text[:1], text[1:-1], raw.strip()
    if (
        quote in _QUOTES
        and 2 < len(text) <= SHORT_TEXT_CHARS
        and text[-1] == quote
        and quote not in held
        and held.strip() == held
        and code[:1] == "`"
        and code.lstrip("`").lstrip()[:1] == quote
    ):
        return held
    return text


# Where a string literal written as code opens: a backtick run, then a quote.
_LITERAL_OPENING = re.compile(r"`+\s*[\"']")


def _literal_code(raw: str, text: str) -> bool:
    """Whether a cell was a string literal written as code (its text unquoted by ``_unquoted``)
    that holds one code token, neither a number nor an identifier: ``1m``, ``2fa-sms``."""
    code = raw.strip()
    return (
        code[:1] == "`"
        and code.lstrip("`").lstrip()[:1] in _QUOTES
        and text[:1] not in _QUOTES
        and is_code_token(text)
        and not is_numeric(text)
        and not is_identifier(text)
    )


_LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
# A cell of one identifier broken at its underscores (``CREATE_ROOM_FAIL_ALREADY_<br/>JOINED_ROOM``):
# a long name wrapped to keep its column narrow. A reader reads one name.
_IDENTIFIER_PIECE = re.compile(r"`?[A-Za-z0-9_]+`?")


def _unwrapped(raw: str) -> str:
    """A cell that is one identifier broken by line breaks at its underscores, joined."""
    parts = _LINE_BREAK.split(raw.strip())
    if len(parts) < 2 or not all(_IDENTIFIER_PIECE.fullmatch(part) for part in parts):
        return raw
    pieces = [part.strip("`") for part in parts]
    if all(a.endswith("_") or b.startswith("_") for a, b in pairwise(pieces)):
        return "".join(pieces)
    return raw


def _text_with_tags(raw: str) -> str:
    """A cell's text when it holds HTML: codes listed one per line (``A <br> B``) read as a
    list, ``A, B``, as a reader sees them (a line break is otherwise a blank, which cannot be
    told from a code with a blank in it)."""
    raw = raw.replace("\\|", "|") if "\\" in raw else raw
    if "_" in raw:
        raw = _unwrapped(raw)
    if _LINE_BREAK.search(raw) is None:
        return reduce_inline(raw)  # other HTML (<font>, <code>): a plain cell's text
    parts = [reduce_inline(part) for part in _LINE_BREAK.split(raw)]
    filled = [part for part in parts if part]
    if len(filled) >= 2 and all(
        is_code_token(part) or is_numeric(part) or parse_range(part) for part in filled
    ):
        return ", ".join(filled)
    return reduce_inline(raw)


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
    ranges: list[DeclaredRange] = []
    readers = [_TableReader(path, source) for source in tables]
    pins = [pinned(source.section) if pinned else None for source in tables]
    # Tables of a page headed alike are read alike, as a reader reads them: their roles are
    # decided on all their cells together (a one-row table whose Meaning and Description are
    # both filled is read as its siblings, where Description is mostly empty).
    alike: dict[tuple[object, ...], list[_TableReader]] = {}
    for reader, pin in zip(readers, pins, strict=True):
        alike.setdefault(reader.layout(pin), []).append(reader)
    pooled: dict[tuple[object, ...], Roles | NotCodes | None] = {}
    for reader, pin in zip(readers, pins, strict=True):
        layout = reader.layout(pin)
        if layout not in pooled:
            siblings = alike[layout]
            # Only when the tables read differently on their own is there anything to settle.
            readings = {reader.own_roles(aliases, pin) for reader in siblings}
            pooled[layout] = (
                detect_roles(
                    reader.first_headers,
                    _pool(siblings),
                    aliases,
                    pin,
                    reader.codes_heading,
                    reader.settings_heading,
                    _pooled_literals(siblings),
                )
                if len(readings) > 1
                else None
            )
        reader.index = sum(1 for t in found if not t.skipped)
        table = reader.detect(aliases, pin, pooled[layout])
        found.append(table)
        if not table.skipped:
            reader.read(records, problems, ranges)
        # Its records are built: the split rows go, before the next table's records are made
        # (on a page of 100,000 rows they are half of what reading it holds at its peak).
        reader.rows = []
    return Extracted(tuple(records), tuple(found), tuple(problems), tuple(ranges))


class _TableReader:
    """One table: its shape, its column roles, then its rows."""

    def __init__(self, path: str, source: SourceTable) -> None:
        self.path = path
        self.source = source
        self.index = -1
        self.headers = tuple(_cell_texts(split_row(source.header.text)))
        # A long table keeps only its rows' texts while its columns' roles are decided, and
        # splits each row again to read it: its split cells would otherwise be held all at once.
        keep_cells = len(source.rows) <= KEEP_CELLS_MAX_ROWS
        rows = _bold_style_rows([_read_row(row, keep_cells) for row in source.rows])
        self.rows = _plain_group_rows(_bold_group_rows(rows), len(self.headers))
        data = [r for r in self.rows if r.group is None and not r.blank]
        self.groups = column_groups(self.headers)
        # (Nearly) every data row has the same number of cells, but not the header's: one defect
        # of the header (a column missing or extra, such as a 备注 no row fills), not one per row;
        # a row of yet another width (two rows run together) is still its own.
        widths = Counter(r.width for r in data)
        common, sharing = widths.most_common(1)[0] if widths else (0, 0)
        self.uniform_width = (
            common if len(data) >= 2 and sharing >= CLEARLY * len(data) else len(self.headers)
        )
        self.rows_of_uniform_width = sharing
        self.data_rows = len(data)
        self.roles: Roles | None = None
        self.string_values = False  # the codes are strings, numbers or not (SQLSTATE)
        self.titled_statuses = False  # "400 No Recipients": the titles are the codes (see read)
        self.enum = False  # the table lists an enum's members (see ``roles``)
        # Columns of meanings besides the description, messages before titles, and per column
        # the texts several rows give.
        self.second_meanings: tuple[int, ...] = ()
        self.shared_messages: dict[int, frozenset[str]] = {}
        self._columns: list[list[str]] | None = None
        self._literal_codes: tuple[int, ...] | None = None
        self._numbers: bool | None = None  # whether the code column holds numbers
        self._widths: frozenset[int] | None = None  # how many digits its numbers are written with
        self._own_roles: Roles | NotCodes | None = None
        # The heading says the table lists codes (全局返回码): numbers under 参数 are codes; or
        # a heading says settings and none above or below it codes (地图参数): a Value column
        # gives each name's setting. A category named so on a page of codes (# 全局状态码 /
        # ## 设置模块) is a category of codes.
        self.codes_heading = "codes" in heading_kinds(source.section)
        self.settings_heading = not self.codes_heading and about_settings(source.section)

    @property
    def first_headers(self) -> tuple[str, ...]:
        return self.headers[self.groups[0]]

    def layout(self, pinned: Mapping[str, str] | None) -> tuple[object, ...]:
        """What makes two tables of a page alike: the same headers (and the same pin), under
        headings that say alike whether they list codes."""
        pins = tuple(sorted(pinned.items())) if pinned else ()
        return (
            tuple(normalise_header(h) for h in self.first_headers),
            pins,
            self.codes_heading,
            self.settings_heading,
        )

    def columns(self) -> list[list[str]]:
        """Each column's cells as column detection sees them (every group of a side-by-side
        table stacked). Computed once."""
        if self._columns is None:
            self._columns = self._detectable_columns()
        return self._columns

    def _detectable_columns(self) -> list[list[str]]:
        texts = [r.texts for r in self.rows if r.group is None]
        width = len(self.first_headers)
        if self.groups == [slice(0, width)]:
            # One group of every column (most tables): a row's cells unsliced.
            return [[_detectable(t[i]) if i < len(t) else "" for t in texts] for i in range(width)]
        return [
            [
                _detectable(t[group][i]) if i < len(t[group]) else ""
                for t in texts
                for group in self.groups
            ]
            for i in range(len(self.first_headers))
        ]

    def own_roles(
        self, aliases: HeaderAliases, pinned: Mapping[str, str] | None
    ) -> Roles | NotCodes:
        """The roles this table's own cells give (decided once)."""
        if self._own_roles is None:
            self._own_roles = detect_roles(
                self.first_headers,
                self.columns(),
                aliases,
                pinned,
                self.codes_heading,
                self.settings_heading,
                self.literal_codes(),
            )
        return self._own_roles

    def literal_codes(self) -> tuple[int, ...]:
        """Per column, the cells that are one string literal written as code holding neither a
        number nor an identifier (`` `"1m"` ``, `` `'2fa-sms'` ``): string codes, which column
        detection counts as it counts identifiers. Computed once."""
        if self._literal_codes is None:
            counts = [0] * len(self.first_headers)
            for row in self.rows:
                if row.group is not None or _LITERAL_OPENING.search(row.source.text) is None:
                    continue  # most rows: no literal written as code in them
                cells = row.cells_of()
                for group in self.groups:
                    pairs = zip(cells[group], row.texts[group], strict=False)
                    for i, (cell, text) in enumerate(pairs):
                        if i < len(counts) and _literal_code(cell.raw, text):
                            counts[i] += 1
            self._literal_codes = tuple(counts)
        return self._literal_codes

    def detect(
        self,
        aliases: HeaderAliases,
        pinned: Mapping[str, str] | None,
        pooled: Roles | NotCodes | None,
    ) -> Table:
        """Decide the column roles from this table's cells, or take ``pooled`` (the roles read
        from every table of the page headed alike) when it agrees on where the codes are, or
        when this table is too small to say (SMALL_TABLE_ROWS)."""
        headers = self.first_headers
        where = (self.path, self.source.header.line, self.source.section, self.headers)
        if shows_examples(self.source):
            return Table(*where, skipped="an example: the text right before it says so")
        roles = self.own_roles(aliases, pinned)
        if isinstance(roles, Roles) and isinstance(pooled, Roles):
            agrees = (pooled.value, pooled.compound) == (roles.value, roles.compound)
            if agrees or (self._small() and self._coded(pooled.value)):
                roles = pooled
        if isinstance(roles, NotCodes):
            return Table(*where, skipped=roles.reason, known_other=roles.recognised)
        values = [r.texts[roles.value] for r in self.rows if len(r.texts) > roles.value]
        ranges = sum(1 for v in values if parse_range(v) is not None)
        if ranges > len(values) - ranges:
            # | 码段 | 位数 | 含义 | with 1~8, 9~10, 14: the layout of a code, not codes.
            return Table(*where, skipped="a table of code ranges (most rows are ranges), not codes")
        self.roles = roles
        self.keys = tuple(roles.role_of(i) or "" for i in range(len(headers)))
        # A SQLSTATE is five characters, whatever they are: 42000 is no number beside 42S02.
        self.string_values = holds_string_codes(headers[roles.value])
        if roles.compound and self._titled_statuses(roles.value):
            self.titled_statuses = self.string_values = True
        # | 状态码 | 状态信息 | 描述 |: a row whose description is blank means what its message says,
        # or else its title (| Sub Code | Title | Message |).
        meanings = [i for i, h in enumerate(headers) if not self.keys[i] and names_a_meaning(h)]
        self.second_meanings = tuple(sorted(meanings, key=lambda i: names_a_title(headers[i])))
        for at in self.second_meanings:
            # A message several rows share ("invalid request") is a class of errors, not what
            # one of them means.
            told = Counter(r.texts[at] for r in self.rows if r.group is None and at < r.width)
            self.shared_messages[at] = frozenset(text for text, n in told.items() if n > 1)
        self.group_headers = headers  # each entry's headers (the first group's)
        # | Enumerator | Value |: members without a value take the next number, as C gives it.
        self.enum = roles.name is not None and is_enum_header(headers[roles.name])
        return Table(*where, self.keys * len(self.groups), self.index, titled=self.titled_statuses)

    def read(
        self, records: list[Record], problems: list[RowProblem], ranges: list[DeclaredRange]
    ) -> None:
        assert self.roles is not None
        roles = self.roles
        # One group of every column (most tables): a row's own lists are its entry's, unsliced.
        whole = len(self.groups) == 1 and self.groups[0] == slice(0, len(self.headers))
        trailing: frozenset[int] = frozenset()
        if self.uniform_width != len(self.headers):
            problems.append(self._shape_problem())
        elif whole:
            trailing = self._trailing_omissions(roles)
        section = self.source.section
        widths = (len(self.headers), self.uniform_width)
        numbering = Numbering() if self.enum else None
        above: list[str] | None = None  # the cells of the row last read as a code
        last: SourceRow | None = None  # that row, or the last row continuing it
        # Only a pipe table merges cells with blanks: HTML has rowspan, and its <td></td> is empty.
        piped = self.source.delimiter is not None
        # An enum's members without a value take the next number instead (see ``Numbering``).
        spans = roles.value == 0 and whole and piped and not self.enum
        spanned = self._spanned() if spans else frozenset()
        for position, row in enumerate(self.rows):
            if row.group is not None:
                section = (*self.source.section, row.group)
                above = None
                continue
            if row.blank:
                continue  # a gap, or an empty line of a cell wrapped below its row
            if position in spanned:
                continue  # | | InvalidNodeIdError | ... |: under -32000, whose cell spans it
            if position == 0:
                first = row.texts[self.groups[0]]
                if _second_header(first, roles.value, self.columns()[roles.value]):
                    continue
            row_cells = row.cells_of()
            ragged = row.width not in widths and position not in trailing
            for group in self.groups:
                if whole and row.width <= widths[0]:
                    cells, texts = row_cells, row.texts
                else:
                    cells, texts = row_cells[group], row.texts[group]
                if not any(texts):
                    continue  # the empty right half of a side-by-side table's last row
                value = texts[roles.value] if roles.value < len(texts) else ""
                if numbering is not None and roles.value < len(texts):
                    given = numbering.value_text(value)
                    if given is None:
                        continue  # a member whose value the page does not give
                    if given != value:
                        texts = [*texts[: roles.value], given, *texts[roles.value + 1 :]]
                        value = given
                if value[:1] in RANGE_STARTS and not value.isdigit():
                    # Only such a cell can hold a range (most hold one plain number).
                    declared = self._range_row(row, texts, section)
                    if declared:
                        ranges.extend(declared)
                        continue
                elif (
                    value
                    and not value.isdigit()
                    and self._numbered()
                    and (beside := self._range_beside(texts))
                ):
                    # | 0x40-0x5F | Vendor-specific | ... |: the range written in another
                    # column, words where the number goes. It reserves the range, as above.
                    ranges.extend(self._range_row(row, beside, section))
                    continue
                if (
                    not value
                    and above is not None
                    and last is not None
                    and self._continues(texts, above, _marked_continued(last))
                ):
                    last = row.source  # | | | | :::tip |: the cell above, on a row of its own
                    continue
                kept = False
                for each in [texts] if value.isdigit() else self._each_value(texts):
                    made = _record(self, section, row.source, cells, each)
                    if isinstance(made, Record):
                        records.append(made)
                        kept = True
                    elif made is not None:
                        problems.append(made)
                above, last = (texts, row.source) if kept else (None, None)
                if ragged and (kept or _markup_only(value)):
                    # A row split by a stray pipe ("**| `0x2*` Find**"): the row is the problem,
                    # whether or not a code was read from it.
                    shifted = row.width < len(self.headers)
                    problems.append(
                        _problem(
                            self.path,
                            section,
                            row.source,
                            row_cells,
                            self._ragged(row),
                            shifted=shifted,
                        )
                    )
                    ragged = False  # one problem per row, however many entries it holds

    def _spanned(self) -> frozenset[int]:
        """The rows of runs of at least SPANNED_MIN_ROWS rows that leave the first cell, the
        code's, blank right below a row whose first cell is a number, while filling the others
        (one cell per header): the code's cell spans them, as a merged cell would (``| -32000
        | WSRPCNotRunningError |`` then ``| | InvalidNodeIdError |``, ``| |
        BlockNotFoundError |``). They share that code, written once on purpose, and define none
        of their own. One such row is a code that went missing, and so is a run the numbering
        around it leaves room for (4001, blank, blank, 4004)."""
        found: list[int] = []
        run: list[int] = []
        above: int | None = None  # the number the run would share
        width = len(self.headers)
        for i, (_, _, texts, group, filled_width) in enumerate(self.rows):
            first = texts[0] if group is None else "?"
            if first:
                below = int(first) if first.lstrip("-").isdigit() else None
                if len(run) >= SPANNED_MIN_ROWS and not _numbered_gap(above, below, len(run)):
                    found.extend(run)
                run, above = [], below
            elif above is not None and filled_width == width and any(texts):
                run.append(i)
            elif any(texts):
                run, above = [], None  # a shifted row (| | 5002 | ... |): codes of their own
        if len(run) >= SPANNED_MIN_ROWS:
            found.extend(run)
        return frozenset(found)

    def _continues(self, texts: list[str], above: list[str], marked: bool) -> bool:
        """Whether a row without a code or a name, right below a code's row, continues that
        row's cell: it fills one cell, after a run of blank cells holding at least
        CONTINUATION_MIN_BLANKS of the cells the row above fills, the code's among them
        (``| | | | 调用时返回此错误码 |``), or after any blanks when the row above ends with a
        backslash (``marked``). A row with a label of its own in its first cell, or blanking
        only its code (``| | Token expired | |``), is a code that went missing."""
        assert self.roles is not None
        name = self.roles.name
        if name is not None and name < len(texts) and texts[name].strip():
            return False
        filled = [i for i, text in enumerate(texts) if text.strip()]
        if len(filled) != 1 or filled[0] <= self.roles.value:
            return False  # | | | 签名校验失败 | 重新签名 |: a row of its own, its code lost
        start = filled[0]
        if marked:
            return True
        blanked = sum(1 for text in above[:start] if text.strip())
        return blanked >= CONTINUATION_MIN_BLANKS

    def _each_value(self, texts: list[str]) -> list[list[str]]:
        """The row's texts once per code it lists: ``500, 502, 503, 504`` is four codes that
        share a meaning, as a reader reads it."""
        assert self.roles is not None
        value = self.roles.value
        listed = split_list(texts[value]) if value < len(texts) else None
        if listed is None:
            return [texts]
        return [[*texts[:value], part, *texts[value + 1 :]] for part in listed]

    def _range_row(
        self, row: _Row, texts: list[str], section: tuple[str, ...]
    ) -> list[DeclaredRange]:
        """A row whose value is a range (or lists ranges: ``102***, 103***``) documents
        reserved codes; it defines none."""
        assert self.roles is not None
        value = texts[self.roles.value] if self.roles.value < len(texts) else ""
        bounds = parse_range(value)
        if bounds is not None:
            listed = [bounds]
        elif "," in value:
            parts = [parse_range(part) for part in value.split(",")]
            listed = [b for b in parts if b is not None] if all(parts) else []
        else:
            listed = []
        meaning = self.roles.description
        text = texts[meaning] if meaning is not None and meaning < len(texts) else ""
        return [DeclaredRange(self.path, row.source.line, section, *b, "row", text) for b in listed]

    def _small(self) -> bool:
        """Whether the table has too few rows to say on its own where its codes are."""
        return sum(1 for row in self.rows if not row.blank and row.group is None) < SMALL_TABLE_ROWS

    def _coded(self, column: int) -> bool:
        """Whether every data row holds a code in ``column``: a small table whose siblings'
        code column it leaves empty (a summary of HTTP statuses) is no table of such codes."""
        for row in self.rows:
            if row.blank or row.group is not None:
                continue
            text = row.texts[column] if column < len(row.texts) else ""
            if not text or text in PLACEHOLDERS or _is_remark(text):
                return False
        return True

    def _numbered(self) -> bool:
        """Whether the code column holds numbers (CLEARLY of its filled cells). Computed once."""
        if self._numbers is None:
            assert self.roles is not None
            filled = [c for c in self.columns()[self.roles.value] if c]
            self._numbers = sum(1 for c in filled if is_numeric(c)) >= CLEARLY * len(filled)
        return self._numbers

    def _code_widths(self) -> frozenset[int]:
        """How many digits the code column's numbers are written with. Computed once."""
        if self._widths is None:
            assert self.roles is not None
            cells = self.columns()[self.roles.value]
            self._widths = frozenset(
                width for c in cells if is_numeric(c) and (width := _digits_written(c))
            )
        return self._widths

    def _range_beside(self, texts: list[str]) -> list[str] | None:
        """The row's texts with the range another column holds in the value's place, when its
        value cell holds no number (None otherwise). The range must be written with as many
        digits as the codes are: ``0x40-0x5F`` beside ``0x01``, never an HTTP status's ``5xx``
        beside ``1001``, which says nothing of the codes."""
        assert self.roles is not None
        value = texts[self.roles.value]
        if any(ch.isdigit() for ch in value):
            return None  # a code a number is part of (E0x01): no range row
        for index, text in enumerate(texts):
            if (
                index not in (self.roles.value, self.roles.description)
                and _digits_written(text) in self._code_widths()
                and parse_range(text)
            ):
                return [*texts[: self.roles.value], text, *texts[self.roles.value + 1 :]]
        return None

    def _ragged(self, row: _Row) -> str:
        return _ragged(row.cells_of(), self.headers)

    def _titled_statuses(self, value: int) -> bool:
        """Whether the code cells are HTTP statuses and errors' titles (``400 No Recipients``,
        ``403 Access Denied``), CLEARLY of them, many sharing a status (under CLEARLY of the
        statuses distinct, as ``_sent_with`` asks of a column of statuses): the status is how
        an error is sent, its title what a client tells it by. A list of statuses each with
        its reason phrase (``200 OK``, ``404 Not Found``; half or more of the titles HTTP's
        own phrases), repeated or not, stays a list of statuses."""
        cells = [c for c in self.columns()[value] if c]
        split = [pair for c in cells if (pair := split_status_title(c)) is not None]
        # 200 OK, 404 Not Found: each status's own reason phrase; a response table lists
        # statuses, whatever repeats.
        phrases = sum(1 for status, title in split if reason_phrase(status) == title.casefold())
        statuses = [status for status, _ in split]
        return (
            len(statuses) >= 2
            and len(statuses) >= CLEARLY * len(cells)
            and len(set(statuses)) < CLEARLY * len(statuses)
            and phrases * 2 < len(statuses)
        )

    def _trailing_omissions(self, roles: Roles) -> frozenset[int]:
        """The rows that leave off only trailing cells of columns holding no key, their code
        where the codes are (| `AL001` | Alarm 2 | 警报2 | under a fourth header, Description),
        when at least TRAILING_OMITTED_MIN_ROWS and TRAILING_OMITTED_SHARE of its rows do, each
        written with pipes (a line glued under a table is no row of it): the table's style,
        read as GFM renders it, those cells empty (an empty description is then SL001's to
        say). A row whose cells do not hold what their columns hold lost a cell before its
        last and stays ragged: | 4005 | The method is not allowed | under Name, Code, Message
        (no code under Code), | 1003 | The session has expired | under Code, Name, Description
        (a sentence under a column of names)."""
        keys = max(roles.value, roles.name if roles.name is not None else -1)
        numbers = self._numbered()
        # What each column holds, from the whole rows: the short ones may have shifted cells.
        whole = [r.texts for r in self.rows if r.group is None and r.width == len(self.headers)]
        kinds = [_column_kind([_detectable(t[i]) for t in whole]) for i in range(len(self.headers))]
        found = [
            position
            for position, row in enumerate(self.rows)
            if row.group is None
            and keys < row.width < len(self.headers)
            and not row.blank
            and "|" in row.source.text
            and _reads_as_code(row.texts[roles.value], numbers)
            and all(
                _fits(text, kinds[i])
                for i, text in enumerate(row.texts)
                if i < len(kinds) and i != roles.description
            )
        ]
        least = max(TRAILING_OMITTED_MIN_ROWS, TRAILING_OMITTED_SHARE * self.data_rows)
        return frozenset(found) if len(found) >= least else frozenset()

    def _shape_problem(self) -> RowProblem:
        header = self.source.header
        have, want = self.uniform_width, len(self.headers)
        rows = (
            "every row has"
            if self.rows_of_uniform_width == self.data_rows
            else f"{self.rows_of_uniform_width} of the {self.data_rows} rows have"
        )
        if have > want:
            message = (
                f"{rows} {have} cells but the header has {want}: the header is missing "
                f"{_plural(have - want, 'column')}"
            )
        else:
            message = (
                f"{rows} {have} cells but the header has {want}: the rows are missing "
                f"{_plural(want - have, 'column')}"
            )
        column = header.offset + 1
        return RowProblem(
            self.path, header.line, column, self.source.section, message, header.text.strip()
        )


def _pool(readers: Sequence[_TableReader]) -> list[list[str]]:
    """The cells of tables headed alike, column by column."""
    columns: list[list[str]] = [[] for _ in readers[0].first_headers]
    for reader in readers:
        for column, cells in zip(columns, reader.columns(), strict=True):
            column.extend(cells)
    return columns


def _column_kind(cells: Sequence[str]) -> str:
    """What CLEARLY of a column's filled cells are: ``number``, ``token`` (one code token:
    names, codes) or ``text`` (anything)."""
    filled = [c for c in cells if c]
    if not filled:
        return "text"
    if sum(1 for c in filled if is_numeric(c)) >= CLEARLY * len(filled):
        return "number"
    if sum(1 for c in filled if is_code_token(c)) >= CLEARLY * len(filled):
        return "token"
    return "text"


def _fits(text: str, kind: str) -> bool:
    """Whether a cell holds what its column holds (see ``_column_kind``); a blank fits any."""
    cell = _detectable(text)
    if not cell or kind == "text":
        return True
    return is_numeric(cell) if kind == "number" else is_code_token(cell)


def _reads_as_code(text: str, numbers: bool) -> bool:
    """Whether a code cell holds what the code column holds: a number where the codes are
    numbers, one code token otherwise."""
    code = _detectable(text)
    return bool(code) and (is_numeric(code) if numbers else is_code_token(code))


def _pooled_literals(readers: Sequence[_TableReader]) -> list[int]:
    """The string literals each column of tables headed alike holds (see ``literal_codes``)."""
    pooled = [0] * len(readers[0].first_headers)
    for reader in readers:
        for i, count in enumerate(reader.literal_codes()):
            pooled[i] += count
    return pooled


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# A value written as a condition on the number (> 0, < -100, ≥ 1, 大于0, 非0): every value that
# meets it (a queue position, a driver's own codes), not one code, as a range row is.
_COMPARISON = re.compile(
    r"(?:[<>]=?|[≤≥≠]|!=|大于|小于|不等于|非)\s*[-+]?(?:0[xX][0-9a-fA-F]+|[0-9]+)"
)
_COMPARISON_STARTS = frozenset("<>≤≥≠!大小不非")


def _detectable(text: str) -> str:
    """A cell as column detection sees it, as the row is read: a range row says nothing about
    the column's kind, nor does a condition (> 0) or a remark where no code is; a code's
    remark is left out."""
    if not text:
        return text
    first = text[0]
    if first not in RANGE_STARTS and not first.isspace():
        # Most cells (asked of every cell of every table): no number or range starts so.
        if first in _COMPARISON_STARTS and _COMPARISON.fullmatch(text):
            return ""
        if first == "(" and (number := int_expression(text)) is not None:
            return str(number)  # "( 1 << 16)": an enum member's value as a C header writes it
        if _is_remark(text):
            return ""  # "(base class, not raised directly)"
        return text
    if text[-1] in _CLOSING:
        text = without_remark(text)  # "1 (default)"
    return "" if parse_range(text) is not None else text


def column_groups(headers: Sequence[str]) -> list[slice]:
    """The column groups of a side-by-side table, or one group of every column.

    ``| Code | Name | Code | Name |`` is two entries per row: the header is a group of columns
    (of at least two, not all blank) written two or more times over.
    """
    folded = [normalise_header(h) for h in headers]
    for size in range(2, len(folded) // 2 + 1):
        if len(folded) % size:
            continue
        group = folded[:size]
        if sum(1 for h in group if h) < 2:
            continue
        if all(folded[i : i + size] == group for i in range(size, len(folded), size)):
            return [slice(i, i + size) for i in range(0, len(folded), size)]
    return [slice(0, len(folded))]


# What pages write in a cell that has nothing to say.
_ELLIPSES = frozenset({"...", "\u2026", "\u2026\u2026", "\u00b7\u00b7\u00b7"})
# ... and every other run of dots: ``....``, ``......``, ``. . .``, ``。。。``, ``⋯``.
_DOTS = re.compile(r"[.\u3002\u00b7\u2026\u22ef](?: ?[.\u3002\u00b7\u2026\u22ef])*")


def _is_ellipsis(text: str) -> bool:
    """Whether a cell is an ellipsis: any of _ELLIPSES or another run of dots (_DOTS covers
    them all), not a lone full stop or middle dot."""
    return _DOTS.fullmatch(text) is not None and text not in ".\u3002\u00b7"


# Characters that show nothing: a byte-order mark left mid-file, zero-width spaces, the
# object replacement character an editor leaves where an embedded object was.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\ufffc"
# Brackets around a remark in a value cell, ASCII and full-width.
_OPENING = frozenset("(\uff08")
_CLOSING = CLOSING_BRACKETS


def _is_remark(text: str) -> bool:
    """Whether a cell is only a remark in brackets: ``(base class, not raised directly)``."""
    return bool(text) and text[0] in _OPENING and text[-1] in _CLOSING


# A row for every code the table does not list ("| 其他 | 其他未知错误 |"), not a code itself.
# OTHER in capitals is a string code of its own (a reason among INVALID_ARGUMENT, NOT_FOUND).
_CATCH_ALL = frozenset({"其他", "其它", "其他错误", "other", "others", "Other", "Others"})
# The digits a number or a range's first bound is written with: 0x40 and 0x01 have two, 5xx
# three (its placeholders count), 1001 four.
_WRITTEN_NUMBER = re.compile(r"[-+]?(?:0[xX])?([0-9A-Fa-f]+[xX*]*)")


def _digits_written(text: str) -> int:
    match = _WRITTEN_NUMBER.match(text.strip())
    return len(match.group(1)) if match else 0


_BOLD = re.compile(r"(\*\*|__)(?P<text>.+)\1")
# A letter or digit of any script: a value cell without one holds no code.
_ALNUM = re.compile(r"[^\W_]")


def _read_row(row: SourceRow, keep_cells: bool = True) -> _Row:
    """A row's cells, their reduced texts, and the group heading it is (if it is one)."""
    cells = split_row(row.text)
    if len(cells) > 1 and cells[-1].raw == "\\":
        cells = cells[:-1]  # |...|含义 |\: a row continued on the next line (Volcengine's docs)
    texts = _cell_texts(cells)
    kept = cells if keep_cells else None
    # tuple.__new__: the named tuple without its Python-level __new__ (one per row of a page).
    return _tuple_new(_Row, (row, kept, texts, _group_heading(cells), len(cells)))


_tuple_new = tuple.__new__


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


def _bold_style_rows(rows: list[_Row]) -> list[_Row]:
    """``rows`` with no bold title among them when bold is the first column's style: where
    (MOSTLY) every row's first cell is bold (``| **STG_E_QUOTA** | 0x80030003 | ... |``), one
    whose other cells are empty lost them; it is no title. Asked only of tables with a title."""
    if all(r.group is None for r in rows):
        return rows
    filled = [r for r in rows if r.texts and r.texts[0]]
    bold = sum(1 for r in filled if r.source.text.lstrip().lstrip("|").lstrip().startswith("**"))
    if bold < MOSTLY * len(filled) or bold - sum(1 for r in rows if r.group) < 2:
        return rows
    return [r._replace(group=None) if r.group is not None else r for r in rows]


def _group_heading(cells: list[RawCell]) -> str | None:
    """A row whose only cell is bold text, such as ``| **Class 08 - Connection** | |``, heads
    the rows below it rather than being a record; so does a row of bold titles whose first is
    no code, having a blank in it (``| **Class 08** | **Connection Exception** |``)."""
    if not cells or not cells[0].raw.startswith(("**", "__")):
        return None
    if not any(c.raw for c in cells[1:]):
        match = _BOLD.fullmatch(cells[0].raw)
        title = reduce_inline(match["text"]) if match else None
        # | **4003** | | |: a bold code whose name and meaning are missing, not a title.
        return None if title is None or is_numeric(title) else title
    filled = [c.raw for c in cells if c.raw]
    titles = [reduce_inline(m["text"]) for m in map(_BOLD.fullmatch, filled) if m is not None]
    if len(titles) < len(filled) or " " not in titles[0].strip():
        return None  # | **08004** | **Server rejected** |: a code written in bold
    if any(is_numeric(title) for title in titles):
        return None  # | **Not Found** | **404** | ... |: a record written in bold
    return " ".join(titles)


def _bold_group_rows(rows: list[_Row]) -> list[_Row]:
    """``rows`` with the bold titles in another column than the first read as group headings:
    a row whose first cell is blank and whose one filled cell is a bold title
    (``|   | **General errors** |``) heads the rows below it, when the column's other cells are
    not bold too (where every meaning is bold, bold is the table's style: such a row lost its
    code). A title has words, no digit and no closing stop: a bold number or identifier is a
    code, and a bold sentence (``**Deprecated: treat 2006 as 2010.**``) a remark."""
    # Only rows opening with a blank cell are asked (most rows of 100,000 fill their first).
    maybe = [i for i, r in enumerate(rows) if r.group is None and r.texts and not r.texts[0]]
    titles: dict[int, tuple[int, str]] = {}
    for i in maybe:
        found = _bold_title_elsewhere(rows[i].cells_of())
        if found is not None and not _in_numbering_gap(rows, i):
            titles[i] = found
    if not titles:
        return rows
    for column in {at for at, _ in titles.values()}:
        cells = [
            raw
            for i, r in enumerate(rows)
            if i not in titles and r.group is None and not r.blank
            for raw in [_raw_cell(r, column)]
            if raw
        ]
        if sum(1 for raw in cells if raw.startswith(("**", "__"))) * 2 > len(cells):
            titles = {i: t for i, t in titles.items() if t[0] != column}
    for i, (_, title) in titles.items():
        rows[i] = rows[i]._replace(group=title)
    return rows


def _in_numbering_gap(rows: list[_Row], at: int) -> bool:
    """Whether the codes of the rows around ``rows[at]`` leave room for exactly one code
    (2003, then it, then 2005): a meaning in bold for emphasis, its code forgotten."""

    def number(step: int) -> int | None:
        i = at + step
        while 0 <= i < len(rows) and (rows[i].blank or not rows[i].texts[0]):
            i += step
        if not 0 <= i < len(rows) or rows[i].group is not None:
            return None
        first = rows[i].texts[0].strip()
        return int(first) if first.lstrip("-").isdigit() else None

    return _numbered_gap(number(-1), number(1), 1)


def _raw_cell(row: _Row, column: int) -> str:
    cells = row.cells_of()
    return cells[column].raw if column < len(cells) else ""


# How a bold remark, not a title, ends.
_CLOSING_STOP = (".", ":", ";", "\u3002", "\uff1a", "\uff1b")


def _bold_title_elsewhere(cells: list[RawCell]) -> tuple[int, str] | None:
    """The column and title of a row filling one cell, not its first, with a bold title."""
    filled = [(at, c.raw) for at, c in enumerate(cells) if c.raw]
    if len(filled) != 1 or filled[0][0] == 0:
        return None
    at, raw = filled[0]
    match = _BOLD.fullmatch(raw)
    if match is None:
        return None
    title = reduce_inline(match["text"]).strip()
    if (
        not any(ch.isalpha() for ch in title)
        or any(ch.isdigit() for ch in title)
        or title.endswith(_CLOSING_STOP)
        or is_code_token(title)
    ):
        return None
    return at, title


def _plain_group_rows(rows: list[_Row], width: int) -> list[_Row]:
    """``rows`` with the unformatted titles among them read as group headings: a row that
    fills only its first cell, with words (``| Local system issues ||``, ``|通用``), heads the
    rows below it when the table's other rows each fill more and open with one token (a code, a
    name). Where the others open with words too (``| Not Found | Resource missing |``) it is a
    row missing its code or meaning, a problem of its own."""
    if width < 2:
        return rows
    # Most rows fill their second cell: only the others are asked more (100,000 rows a page).
    maybe = [i for i, (_, _, texts, _, cells) in enumerate(rows) if cells < 2 or not texts[1]]
    titles = [i for i in maybe if rows[i].group is None and _plain_title(rows[i])]
    if len(titles) < PLAIN_GROUP_MIN_ROWS:
        return rows
    asked = set(titles)
    others = [
        r.texts for i, r in enumerate(rows) if r.group is None and not r.blank and i not in asked
    ]
    keyed = sum(1 for texts in others if _opens_with_token(texts) and any(texts[1:]))
    if len(titles) > len(others) or keyed < CLEARLY * len(others):
        return rows
    for i in titles:
        rows[i] = rows[i]._replace(group=rows[i].texts[0].strip())
    return rows


def _numbered_gap(above: int | None, below: int | None, run: int) -> bool:
    """Whether the codes around a run of blank code cells leave exactly its room (4001, blank,
    blank, 4004): codes forgotten, not one code spanning the rows."""
    return above is not None and below is not None and below - above == run + 1


def _marked_continued(row: SourceRow) -> bool:
    """|...| 含义 |\\: the row says itself that the next one continues it (Volcengine)."""
    return row.text.endswith("|\\")


def _plain_title(row: _Row) -> bool:
    """Words in the first cell alone, no code: ``| Direct object errors ||``, ``|通用``."""
    texts = row.texts
    first = texts[0].strip() if texts else ""
    return (
        bool(first)
        and "\t" not in row.source.text  # E_B<tab>2<tab>b: pasted from a spreadsheet, no title
        and not any(t.strip() for t in texts[1:])
        and not is_code_token(first)
        and not any(ch.isdigit() for ch in first.split()[0])  # 1003 (since v2): a code
        and any(ch.isalpha() for ch in first)
    )


def _opens_with_token(texts: Sequence[str]) -> bool:
    first = texts[0].strip() if texts else ""
    return is_code_token(first) or is_numeric(first)


def _record(
    table: _TableReader,
    section: tuple[str, ...],
    row: SourceRow,
    cells: list[RawCell],
    texts: list[str],
) -> Record | RowProblem | None:
    roles = table.roles
    assert roles is not None
    headers = table.group_headers
    path = table.path
    if roles.value >= len(cells):
        return _problem(path, section, row, cells, _ragged(cells, headers) + ", so it has no value")
    raw_value = texts[roles.value]
    if raw_value in PLACEHOLDERS or raw_value in _ELLIPSES:
        return None  # "| ... | 待补充 |": a row to be filled in later, not a code
    if raw_value[:1] in _COMPARISON_STARTS and _COMPARISON.fullmatch(raw_value):
        return None  # "> 0": every positive value (a queue position), a condition, not a code
    if not raw_value[:1].isalnum():  # most values start with a digit or a letter
        if _markup_only(raw_value):
            return None  # "**" of a bold row a stray pipe split: markup alone, no code
        if raw_value[:1] == "(" and (number := int_expression(raw_value)) is not None:
            raw_value = str(number)  # "(1 << 2)": the value as a C header computes it
    elif raw_value in _CATCH_ALL:
        return None  # "| 其他 | 如出现其他未知错误 ... |": what every other code means
    elif not raw_value[0].isdigit() and _column_word(raw_value):
        return None  # "| 业务异常 | 200 | 业务码 |": the column's own word, where any code goes
    if _is_remark(raw_value):
        return None  # "(base class, not raised directly)": a remark where no code is
    if not roles.compound and raw_value[-1:] in _CLOSING:
        raw_value = without_remark(raw_value)  # "1 (default)": the code is 1
    if not raw_value:
        if success_status(headers, texts):
            return None  # | 200 | | OK |: the request succeeded, there is no error code
        if _elision(texts):
            return None  # | ... | | |: codes left out of the list here, not a row
        message = f"row has no value in column {headers[roles.value]!r}"
        return _problem(path, section, row, cells, message, at=roles.value)
    base = row.offset + 1
    if len(cells) == len(headers):  # most rows: one cell under each header
        # A plain cell's text is its raw text: one string for both (a row split again, in a
        # long table, has a second copy of it).
        record_cells = tuple(
            [
                build_cell(
                    key,
                    header,
                    text,
                    text if cell.raw == text else cell.raw,
                    base + cell.start if cell.raw else 0,
                )
                for key, header, text, cell in zip(table.keys, headers, texts, cells, strict=True)
            ]
        )
    else:
        record_cells = tuple(
            Cell(
                role=table.keys[i],
                header=headers[i],
                text=texts[i] if i < len(cells) else "",
                raw=cells[i].raw if i < len(cells) else "",
                column=base + cells[i].start if i < len(cells) and cells[i].raw else 0,
            )
            for i in range(len(headers))
        )

    at, count = roles.name, len(texts)
    name = texts[at] if at is not None and at < count else ""
    # "—", "(Click)": no name, or a remark where the name would be; "OLD_NAME (deprecated)":
    # the name, and a remark about it (the cell keeps it, for lifecycle markers)
    name = "" if name in PLACEHOLDERS or _is_remark(name) else name_without_remark(name)
    at = roles.description
    description = texts[at] if at is not None and at < count else ""
    if not description.strip():
        description = next(
            (
                texts[at]
                for at in table.second_meanings
                if at < count and texts[at].strip() and texts[at] not in table.shared_messages[at]
            ),
            description,
        )
    if table.titled_statuses and (titled := split_status_title(raw_value)) is not None:
        name, raw_value = "", titled[1]  # | `400 No Recipients` |: the error is No Recipients
    elif roles.compound:
        name, raw_value = split_compound(raw_value) or ("", raw_value)
    return build_record(
        path,
        row.line,
        section,
        table.index,
        name,
        raw_value if table.string_values else parse_value(raw_value),
        raw_value,
        description,
        record_cells,
    )


def _elision(texts: Sequence[str]) -> bool:
    """Whether a row's filled cells are ellipses (``| ... | | |``, ``| … | | … |``), besides a
    remark in brackets (``| ... | | (vendor codes omitted) |``): the list skips codes there, as
    a reader sees it."""
    filled = [text for text in texts if text and not _is_remark(text)]
    return bool(filled) and all(_is_ellipsis(text) for text in filled)


def _column_word(value: str) -> bool:
    """Whether a code cell holds, whole, a header's word for codes (业务码, error code) and is
    not one token (InvalidCode, ERR_CODE are codes; 验证码错误 is a message where a code goes)."""
    return not is_code_token(value) and is_code_header(value)


def _markup_only(value: str) -> bool:
    """A value cell with text but no letter or digit ("**", "~~"), and no placeholder ("—")."""
    return (
        bool(value)
        and not _ALNUM.search(value)
        and value not in PLACEHOLDERS
        and value not in _ELLIPSES
    )


def _ragged(cells: Sequence[RawCell], headers: Sequence[str]) -> str:
    cells_text = "1 cell" if len(cells) == 1 else f"{len(cells)} cells"
    return f"row has {cells_text} but the header has {len(headers)}"


def _problem(
    path: str,
    section: tuple[str, ...],
    row: SourceRow,
    cells: Sequence[RawCell],
    message: str,
    at: int = 0,
    shifted: bool = False,
) -> RowProblem:
    column = row.offset + (cells[at].start if at < len(cells) else 0) + 1
    return RowProblem(path, row.line, column, section, message, row.text.strip(), shifted)


__all__ = [
    "DESCRIPTION",
    "NAME",
    "VALUE",
    "Extracted",
    "PinnedRoles",
    "column_groups",
    "extract_records",
]
