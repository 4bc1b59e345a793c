"""Find the pipe tables a reader sees in a page, with their section and exact source lines.

markdown-it-py gives the block structure (headings, fences, indented code, HTML blocks and
comments, lists, block quotes, front matter), so a table inside a fence, an indented code block or
an HTML comment is never taken for a table. The inline pass is switched off: it is the costly part
of a parse and speclint splits table rows itself, from the source lines of each table (see
``table_lines``, speclint's copy of markdown-it's table rule that records those lines instead of
building cell tokens), which is also how every cell learns its column.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import add
from typing import overload

from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from speclint.model import SuspectFence, positional_builder
from speclint.read.inline import reduce_inline
from speclint.read.limits import MAX_NESTING
from speclint.read.source import normalise_newlines
from speclint.read.thresholds import UNSPACED_HEADING_MAX_CHARS
from speclint.read.values import is_code_token


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class SourceRow:
    """A table row as markdown-it saw it: container prefixes (``>``, list indent) removed.

    ``SourceRow(line, text, offset)``. A row of a Markdown table is ``cut`` from its page: its
    text is sliced when asked for rather than stored, as a page of 100,000 rows would otherwise
    hold every row twice while its records are built.
    """

    line: int  # 1-based
    offset: int  # 0-based character index in the line where ``text`` starts
    _page: str = field(repr=False)  # the whole page (shared by its rows), or the row's text
    _start: int = field(repr=False)
    _end: int = field(repr=False)

    def __init__(self, line: int, text: str, offset: int) -> None:
        self._set(line, offset, text, 0, len(text))

    @classmethod
    def cut(cls, line: int, page: str, start: int, end: int, offset: int) -> SourceRow:
        return _cut_row(line, offset, page, start, end)

    def _set(self, line: int, offset: int, page: str, start: int, end: int) -> None:
        set_field = object.__setattr__  # frozen: the fields are set once, here
        set_field(self, "line", line)
        set_field(self, "offset", offset)
        set_field(self, "_page", page)
        set_field(self, "_start", start)
        set_field(self, "_end", end)

    @property
    def text(self) -> str:
        return self._page[self._start : self._end]

    def _identity(self) -> tuple[int, str, int]:
        return (self.line, self.text, self.offset)

    def __repr__(self) -> str:
        return f"SourceRow(line={self.line}, text={self.text!r}, offset={self.offset})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceRow):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())


# SourceRow's fields in order, set through their slots (one row of every table is cut so).
_cut_row = positional_builder(SourceRow)


class SourceRows(Sequence[SourceRow]):
    """The rows of a Markdown table, held as three numbers each (line, start and end in the
    page) and cut from the page when asked for: a page of 100,000 rows would otherwise hold
    100,000 row objects and their numbers (about 15 MB) while its records are built."""

    __slots__ = ("_page", "_spans")

    def __init__(self, page: str, spans: array[int]) -> None:
        self._page = page
        self._spans = spans  # flat: 0-based line, start offset, end offset, of each row

    def __len__(self) -> int:
        return len(self._spans) // 3

    @overload
    def __getitem__(self, index: int) -> SourceRow: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[SourceRow, ...]: ...

    def __getitem__(self, index: int | slice) -> SourceRow | tuple[SourceRow, ...]:
        if isinstance(index, slice):
            return tuple(self._row(i) for i in range(*index.indices(len(self))))
        count = len(self)
        position = index + count if index < 0 else index
        if not 0 <= position < count:
            raise IndexError("table row index out of range")
        return self._row(position)

    def __iter__(self) -> Iterator[SourceRow]:
        return map(self._row, range(len(self)))

    def _row(self, index: int) -> SourceRow:
        spans, at = self._spans, 3 * index
        line, start, end = spans[at], spans[at + 1], spans[at + 2]
        line_start = self._page.rfind("\n", 0, start) + 1
        return SourceRow.cut(line + 1, self._page, start, end, start - line_start)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


@dataclass(frozen=True, slots=True)
class SourceTable:
    section: tuple[str, ...]
    header: SourceRow
    rows: Sequence[SourceRow]  # a tuple, or SourceRows for a Markdown table
    delimiter: SourceRow | None = None  # | --- | :---: |, for the fixer (speclint.fix)
    caption: str = ""  # the paragraph right before the table, as written ("Examples:")
    # The first line of a paragraph that runs on from the table without a blank line above it
    # (``glued_lines``); its lines are not among ``rows``.
    glued: SourceRow | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment block (where inline suppressions live)."""

    line: int
    end_line: int
    text: str


@dataclass(frozen=True, slots=True)
class Blocks:
    tables: tuple[SourceTable, ...]
    comments: tuple[Comment, ...]
    suspect_fences: tuple[SuspectFence, ...] = ()
    intros: tuple[Intro, ...] = ()
    cut_nesting: int = 0  # 1-based line where nesting reached MAX_NESTING (what is inside is lost)
    html_tables: tuple[HtmlBlock, ...] = ()  # HTML blocks holding a <table> (read/html_tables.py)
    # Lines that would open a pipe table but for a delimiter row of another width than the
    # header's: Markdown renders them as text (read/structure.py reports those headed as codes).
    unrendered_tables: tuple[UnrenderedTable, ...] = ()


@dataclass(frozen=True, slots=True)
class UnrenderedTable:
    """A header line and the delimiter row below it, of different widths, inside a paragraph."""

    line: int  # 1-based, the delimiter row's
    header: str
    delimiter: str
    section: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HtmlBlock:
    """An HTML block that opens a ``<table>``; the table may run past the block's end."""

    line: int  # 1-based
    offset: int  # character index in the page where the block starts
    section: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Intro:
    """What a section says about itself before its first table: its heading's title, or a
    paragraph under it ("Codes 2000-2999 are reserved for payments.")."""

    line: int  # 1-based
    section: tuple[str, ...]  # the headings down to (and including) the section's own
    text: str  # a heading's title as a reader sees it; a paragraph as written (Markdown)
    heading: bool


_RowSpans = array  # flat (0-based line, start offset, end offset) of each row, in the source


# speclint's own copy of markdown-it-py's GFM table rule (``markdown_it/rules_block/table.py``),
# mirroring markdown-it-py 4.3.0 check for check. The stock rule pushes thead/tr/th/td/inline
# tokens for every cell (about 1.2M pushes on the 1,000-page benchmark) that speclint never reads,
# since it splits rows itself from the source lines: deciding where a table starts and which lines
# it spans without building them makes the block parse about four times faster. Anything that
# changes those decisions upstream must be copied here; tests/test_blocks_table_rule.py compares
# this rule with the installed stock rule and says when markdown-it-py's version moves. The
# helpers it needs are copied too (``mdTrim`` only exists in recent markdown-it-py), so what
# speclint takes for a table does not depend on the markdown-it-py version installed.
MIRRORS_MARKDOWN_IT_PY = "4.3.0"

# common/utils.py MD_TRIM_CHARS: what ``mdTrim`` strips (JavaScript's ``trim`` minus U+FEFF).
_MD_TRIM_CHARS = "".join(
    chr(code)
    for code in sorted(
        {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000}
        | set(range(0x2000, 0x200B))
        | {0x2028, 0x2029}
    )
)
_SPACES = ("\t", " ")  # common/utils.py isStrSpace
_DELIMITER_CHARS = ("|", "-", ":")
_HEADER_LINE_RE = re.compile(r"^:?-+:?$")  # table.py headerLineRe
# table.py: at most this many empty cells filled in for short rows, see markdown-it issue #1000.
MAX_AUTOCOMPLETED_CELLS = 0x10000


def _get_line(state: StateBlock, line: int) -> str:
    """table.py ``getLine``: the line from its first non-space character (container prefixes gone)."""
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _cell_count(text: str) -> int:
    """``len(escapedSplit(text))`` after the stock rule drops an empty first and last cell.

    ``escapedSplit`` splits on every ``|`` that does not directly follow a backslash (it looks
    one character back only, so ``\\\\|`` is an escaped pipe too) and keeps an escaped ``|`` in
    its cell. A cell is therefore empty only when nothing lies between its separators: the first
    one exactly when ``text`` starts with ``|``, the last one exactly when ``text`` ends with an
    unescaped ``|``. Counting instead of splitting keeps the per-row cost in C.
    """
    if not text:
        return 0  # [""], and that empty first cell is dropped
    count = text.count("|") - text.count("\\|") + 1
    if text.startswith("|"):
        count -= 1
    if count and text.endswith("|") and not text.endswith("\\|"):
        count -= 1
    return count


def table_lines(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    """markdown-it-py's table rule without the cell tokens: one ``table_open`` token (nesting 0).

    Its ``map`` is the table's line range and its ``meta["spans"]`` holds, for every line the table
    consumed, ``(0-based line, start offset, end offset)`` in the source. markdown-it has already
    stripped block-quote markers and list indentation when it calls a rule (``bMarks``/``tShift``),
    so these spans are right inside any container.
    """
    # should have at least two lines
    if startLine + 2 > endLine:
        return False

    nextLine = startLine + 1

    if state.sCount[nextLine] < state.blkIndent:
        return False

    if state.is_code_block(nextLine):
        return False

    # The delimiter row: /^[-:|][-:|\s]*$/, where \s is a space or a tab.
    src = state.src
    pos = state.bMarks[nextLine] + state.tShift[nextLine]
    maximum = state.eMarks[nextLine]
    if pos >= maximum:
        return False
    first_ch = src[pos]
    pos += 1
    if first_ch not in _DELIMITER_CHARS:
        return False

    if pos >= maximum:
        return False
    second_ch = src[pos]
    pos += 1
    if second_ch not in _DELIMITER_CHARS and second_ch not in _SPACES:
        return False

    # if first character is '-', then second character must not be a space
    # (due to parsing ambiguity with list)
    if first_ch == "-" and second_ch in _SPACES:
        return False

    while pos < maximum:
        ch = src[pos]
        if ch not in _DELIMITER_CHARS and ch not in _SPACES:
            return False
        pos += 1

    # One alignment per delimiter cell; empty cells only at either end (` |---| `, not `---||---`).
    columns = _get_line(state, nextLine).split("|")
    last = len(columns) - 1
    align_count = 0
    for i, column in enumerate(columns):
        t = column.strip(_MD_TRIM_CHARS)
        if not t:
            if i == 0 or i == last:
                continue
            return False
        if not _HEADER_LINE_RE.search(t):
            return False
        align_count += 1

    lineText = _get_line(state, startLine).strip(_MD_TRIM_CHARS)
    if "|" not in lineText:
        return False
    if state.is_code_block(startLine):
        return False

    # header row will define an amount of columns in the entire table,
    # and align row should be exactly the same (the rest of the rows can differ)
    columnCount = _cell_count(lineText)
    if columnCount == 0 or columnCount != align_count:
        return False

    if silent:
        return True

    oldParentType = state.parentType
    state.parentType = "table"

    # use 'blockquote' lists for termination because it's
    # the most similar to tables
    terminatorRules = state.md.block.ruler.getRules("blockquote")

    autocompleted_cells = 0
    nextLine = startLine + 2
    while nextLine < endLine:
        if state.sCount[nextLine] < state.blkIndent:
            break

        # Not in the stock rule, same decisions: no terminator (fence ` ~, blockquote >, hr * - _,
        # list * - + digit, html_block <, heading #, front matter -) can start at a "|", and
        # most rows start with one; asking the six rules anyway was a tenth of the block parse.
        first = state.bMarks[nextLine] + state.tShift[nextLine]
        if first >= state.eMarks[nextLine] or src[first] != "|":
            terminate = False
            for rule in terminatorRules:
                if rule(state, nextLine, endLine, True):
                    terminate = True
                    break
            if terminate:
                break

        lineText = _get_line(state, nextLine).strip(_MD_TRIM_CHARS)
        if not lineText:
            break
        if state.is_code_block(nextLine):
            break

        # note: autocomplete count can be negative if user specifies more columns than header,
        # but that does not affect intended use (which is limiting expansion)
        autocompleted_cells += columnCount - _cell_count(lineText)
        if autocompleted_cells > MAX_AUTOCOMPLETED_CELLS:
            break

        nextLine += 1

    token = state.push("table_open", "table", 0)
    token.map = [startLine, nextLine]
    marks, shifts, ends = state.bMarks, state.tShift, state.eMarks
    spans = array("q", bytes(24 * (nextLine - startLine)))  # 3 zeros a row, filled below
    spans[0::3] = array("q", range(startLine, nextLine))
    spans[1::3] = array("q", map(add, marks[startLine:nextLine], shifts[startLine:nextLine]))
    spans[2::3] = array("q", ends[startLine:nextLine])
    token.meta = {"spans": spans}

    state.parentType = oldParentType
    state.line = nextLine
    return True


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    md = (
        MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
        .enable("table")
        .use(front_matter_plugin)
    )
    md.block.ruler.at("table", table_lines, {"alt": ["paragraph", "reference"]})
    # "normalize" rewrites the whole page with a pattern that matches every line end; its work
    # is done before the parse instead, only where there is any (see parse_blocks).
    md.disable(["normalize", "inline", "text_join"])
    return md


def parser_input(text: str) -> str:
    """What markdown-it's "normalize" rule would make of ``text`` (its line ends normalised
    already): NUL characters read as U+FFFD; and MkDocs' indented containers opened as list
    items (see ``open_containers``). The block parser is given this, every line as long as it
    was; the rows are still cut from ``text``."""
    text = text.replace("\0", "\ufffd") if "\0" in text else text
    if "!!!" in text or "???" in text or '=== "' in text:
        text = open_containers(text)
    return text


# MkDocs' admonitions (``!!! note "Title"``, collapsible ``??? tip`` and ``???+ tip``) and
# content tabs (``=== "Python"``): the lines indented four more spaces under such a marker are
# Markdown, rendered in a box or a tab. CommonMark reads them as indented code.
_CONTAINER = re.compile(r'^( *)(?:(?:!!!|\?\?\?\+?) +\S.*|===[!+]? +"[^"]*") *$')


def open_containers(text: str) -> str:
    """``text`` with each MkDocs container marker whose next non-blank line is indented four
    more spaces written as a list item of the same length (``- x``), so that the block parser
    reads the lines under it as the container's Markdown (a table in an admonition is a table,
    as a reader of the site sees it). Lines, and so every offset, keep their length."""
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        if not line or line.lstrip(" ")[:1] not in ("!", "?", "="):
            continue
        marker = _CONTAINER.match(line)
        if marker is None:
            continue
        indent = len(marker[1])
        body = next((rest for rest in lines[index + 1 :] if rest.strip()), "")
        if len(body) - len(body.lstrip(" ")) < indent + 4:
            continue  # nothing indented under it: no container, or not one MkDocs renders
        lines[index] = (" " * indent + "- x").ljust(len(line))
        changed = True
    return "\n".join(lines) if changed else text


def parse_blocks(text: str) -> Blocks:
    """Return the tables and HTML comments of a page, each table with its section path."""
    # markdown-it reads CR and CRLF as line ends: lines and offsets must be counted the same.
    text = normalise_newlines(text)
    tokens = _block_parser().parse(parser_input(text))
    tables: list[SourceTable] = []
    comments: list[Comment] = []
    suspect_fences: list[SuspectFence] = []
    headings: list[tuple[int, str]] = []  # (level, text) from the outermost down
    lines: list[str] = []  # split only if the page has a fence to judge
    cut_nesting = 0
    html_tables: list[HtmlBlock] = []
    intros: list[Intro] = []
    unrendered: list[UnrenderedTable] = []
    tabled: set[tuple[str, ...]] = set()  # sections whose first table has been seen
    for index, token in enumerate(tokens):
        if token.level >= MAX_NESTING - 1 and not cut_nesting:
            # markdown-it stopped reading inside the container this token opens.
            cut_nesting = _line_of(tokens, index)
        if token.type == "fence" and token.map is not None:
            lines = lines or text.split("\n")
            suspect = _suspect_fence(token.map, token.markup, token.info, lines)
            if suspect is not None:
                suspect_fences.append(suspect)
        unspaced = (
            _unspaced_heading(tokens[index + 1].content)
            if token.type == "paragraph_open" and token.map is not None and token.level == 0
            else None
        )
        if token.type == "html_block" and token.map is not None:
            unspaced = _html_heading(token.content)
        if token.type == "heading_open" or unspaced is not None:
            level, title = unspaced or (
                int(token.tag[1:]),
                reduce_inline(tokens[index + 1].content).strip(),
            )
            while headings and headings[-1][0] >= level:
                headings.pop()
            headings.append((level, title))
            if token.map is not None:
                section = tuple(title for _, title in headings)
                intros.append(Intro(token.map[0] + 1, section, title, heading=True))
        elif token.type == "paragraph_open" and token.map is not None:
            section = tuple(title for _, title in headings)
            unrendered.extend(_unrendered_tables(tokens[index + 1].content, token.map[0], section))
            if headings and section not in tabled:
                # Kept as written: only the few paragraphs that state a range are worth
                # reducing to plain text (speclint.read.declared does it).
                content = tokens[index + 1].content
                intros.append(Intro(token.map[0] + 1, section, content, heading=False))
        elif token.type == "table_open" and token.meta:
            section = tuple(title for _, title in headings)
            tabled.add(section)
            # The paragraph that ends right before the table (open, inline, close, table).
            caption = (
                tokens[index - 2].content
                if index >= 3 and tokens[index - 3].type == "paragraph_open"
                else ""
            )
            # Popped: a large table's spans are garbage once its rows exist (peak memory).
            tables.append(_source_table(text, token.meta.pop("spans"), section, caption))
        if token.type != "html_block" or token.map is None:
            continue
        # An HTML block, maybe opening with a heading (handled above): its comment or table.
        if token.content.lstrip().startswith("<!--"):
            comments.append(Comment(token.map[0] + 1, token.map[1], token.content.strip()))
        elif "<table" in token.content.lower():
            lines = lines or text.split("\n")
            offset = sum(len(line) + 1 for line in lines[: token.map[0]])
            section = tuple(title for _, title in headings)
            tabled.add(section)
            html_tables.append(HtmlBlock(token.map[0] + 1, offset, section))
    return Blocks(
        tuple(tables),
        tuple(comments),
        tuple(suspect_fences),
        tuple(intros),
        cut_nesting,
        tuple(html_tables),
        tuple(unrendered),
    )


# A heading written without the space after its #s (``###Raum Fehler``, ``##错误码``): CommonMark
# renders a paragraph, but its author, and a reader who sees it above a table, take it for the
# heading it was meant to be. Only a line of its own, outside lists and quotes, of two #s or
# more (one # opens a note, a channel, a colour, a comment: ``#TODO``, ``#fff``), whose title
# opens with a letter, holds no other # and no colon (``##Note: ...`` is a note), and is no
# preprocessor line of C (``##define`` pastes tokens).
_UNSPACED_HEADING = re.compile(r"(#{2,6})([^\W\d_][^#:\n]*)")
_PREPROCESSOR = frozenset(
    {"include", "define", "undef", "if", "ifdef", "ifndef", "elif", "else", "endif", "pragma"}
    | {"error", "warning", "import", "region", "endregion", "line"}
)


def _unspaced_heading(content: str) -> tuple[int, str] | None:
    """``(level, title)`` when a paragraph is one line written as a heading without its space."""
    if not content.startswith("#"):
        return None
    match = _UNSPACED_HEADING.fullmatch(content.strip())
    if match is None:
        return None
    title = reduce_inline(match[2]).strip()
    first_word = re.split(r"[\s<(]", title, maxsplit=1)[0].casefold()
    if len(title) > UNSPACED_HEADING_MAX_CHARS or first_word in _PREPROCESSOR:
        return None
    return len(match[1]), title


# An HTML block that opens with a heading element: <h3 id=CRVideo_ASTATUS>麦克风状态</h3>, maybe
# after blanks and comments.
_HTML_HEADING = re.compile(
    r"(?:\s|<!--.*?-->)*<h([1-6])(?:\s[^>]*)?>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL
)


def _html_heading(content: str) -> tuple[int, str] | None:
    """``(level, title)`` when an HTML block opens with a heading (``<h3 id=X>麦克风状态</h3>``,
    maybe indented or after a comment, maybe with text or a table below it in the block): a
    reader sees a heading, and the tables below it are a section of their own."""
    if "<h" not in content[:400].lower():
        return None
    match = _HTML_HEADING.match(content)
    if match is None:
        return None
    title = reduce_inline(" ".join(match[2].split())).strip()
    return (int(match[1]), title) if title else None


# A delimiter row as GFM writes one: cells of dashes, optionally colon-aligned, between pipes.
_DELIMITER_LINE = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*|\s*\|\s*:?-+:?\s*\|?\s*")


def _unrendered_tables(
    content: str, first_line: int, section: tuple[str, ...]
) -> list[UnrenderedTable]:
    """The header-and-delimiter pairs of a paragraph: lines markdown-it would have read as a
    table had their widths agreed (it reads any pair whose widths do)."""
    if "|" not in content or "-" not in content:
        return []
    lines = content.split("\n")
    return [
        UnrenderedTable(first_line + at + 1, lines[at - 1], line, section)
        for at, line in enumerate(lines)
        if at and "|" in line and "|" in lines[at - 1] and _DELIMITER_LINE.fullmatch(line)
    ]


def _line_of(tokens: list[Token], index: int) -> int:
    """The 1-based line of ``tokens[index]``, or of the nearest token before it with a map."""
    for token in reversed(tokens[: index + 1]):
        if token.map is not None:
            return token.map[0] + 1
    return 1


_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|")
# Fences that legitimately show Markdown, tables included.
_MARKDOWN_INFO = frozenset({"", "markdown", "md", "mdx", "text", "txt", "gfm", "commonmark"})


def _suspect_fence(
    span: list[int], opening: str, info: str, lines: list[str]
) -> SuspectFence | None:
    start, end = span
    end = min(end, len(lines))
    never_closed = end - 1 <= start or not _closes(lines[end - 1], opening)
    inside = lines[start + 1 : end]
    tables = sum(1 for line in inside if _DELIMITER_ROW.match(line))
    language = info.strip().split(" ")[0].lower()
    if never_closed or (tables and language not in _MARKDOWN_INFO):
        return SuspectFence(start + 1, never_closed, len(inside), tables)
    return None


def _closes(line: str, opening: str) -> bool:
    """Whether ``line`` is a closing fence for ``opening`` (same character, at least as long)."""
    # Container prefixes (list indentation, "> ") are markdown-it's business: it already
    # decided where the fence ends; only whether that line closes it is asked here.
    stripped = line.strip().lstrip(">").strip()
    return len(stripped) >= len(opening) and set(stripped) == {opening[0]}


# "Examples `Quantity` values:", "Example:", "示例：": one clause that says the table below
# shows examples (valid and invalid encodings, a sample response), not the codes themselves.
_EXAMPLE_CAPTION = re.compile(
    r"(?:(?:examples?|samples?)\b|示例|样例|举例|例子)[^.。!?\uff01\uff1f:\uff1a]{0,80}[:\uff1a]",
    re.IGNORECASE,
)


def shows_examples(source: SourceTable) -> bool:
    """Whether the text right before a table says it shows examples, not the codes."""
    return bool(source.caption) and _EXAMPLE_CAPTION.fullmatch(source.caption.strip()) is not None


def _source_table(
    text: str, spans: _RowSpans, section: tuple[str, ...], caption: str = ""
) -> SourceTable:
    rows = SourceRows(text, spans)
    end, shown = glued_lines(text, spans)
    # rows[1] is the delimiter row (| --- | :---: |): it holds no data.
    body = SourceRows(text, spans[6:end])
    return SourceTable(
        section=section,
        header=rows[0],
        rows=body,
        delimiter=rows[1],
        caption=caption,
        glued=SourceRows(text, spans[shown : shown + 3])[0] if shown is not None else None,
    )


# What a site generator reads after a table as markup of its own, not text: kramdown's and
# Python-Markdown's attribute lists ({: .reset-td-br-1 role="presentation" }), Liquid tags
# ({% endraw %}) and Hugo's shortcodes ({{< /tab >}}).
# One tag alone on its line: a shortcode wrapping text ({{% notice %}}Code 7003 ...{{% /notice
# %}}) shows that text.
_RENDERER_MARKUP = re.compile(r"\{:[^{}]*\}|\{%[^{}]*%\}|\{\{[<%][^{}]*[>%]\}\}")


def glued_lines(text: str, spans: _RowSpans) -> tuple[int, int | None]:
    """Where a table's own rows end in ``spans``, and the line to report there (or None):
    before the lines of words without a pipe that close it, when it has two columns or more.
    GFM reads such lines as rows, but they are a paragraph that lost its blank line ("code
    的具体解释, 参考 err-msg." under the last code), not codes; read/structure.py reports the
    first. A line of cells split by tabs is a row pasted from a spreadsheet, reported as such,
    a line that is one code (6001) a row that lost its pipes, and a line of no letter or digit
    shows nothing. A site generator's markup (``{: .class }``, ``{% endraw %}``) ends the
    rows without being text: nothing to report when only such lines follow."""
    end = len(spans)
    if _cell_count(text[spans[1] : spans[2]].strip(_MD_TRIM_CHARS)) < 2:
        return end, None  # | Code | over 200, 404: a one-column table may omit its pipes
    cut = end
    while cut > 6:
        line = text[spans[cut - 2] : spans[cut - 1]]
        if "|" in line or "\t" in line or is_code_token(line.strip()):
            break
        cut -= 3
    glued = text[spans[cut + 1] : spans[end - 1]] if cut < end else ""
    if not any(c.isalnum() for c in glued):
        return end, None
    said = (
        i
        for i in range(cut, end, 3)
        if not _RENDERER_MARKUP.fullmatch(text[spans[i + 1] : spans[i + 2]].strip())
    )
    return cut, next(said, None)
