"""Find the pipe tables a reader sees in a page, with their section and exact source lines.

markdown-it-py gives the block structure (headings, fences, indented code, HTML blocks and
comments, lists, block quotes, front matter), so a table inside a fence, an indented code block or
an HTML comment is never taken for a table. The inline pass is switched off: it is the costly part
of a parse and speclint splits table rows itself, from the source lines markdown-it's own table rule
consumed (see ``_capture_table_rows``), which is also how every cell learns its column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import table as gfm_table
from mdit_py_plugins.front_matter import front_matter_plugin

from speclint.inline import reduce_inline


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A table row as markdown-it saw it: container prefixes (``>``, list indent) removed."""

    line: int  # 1-based
    text: str
    offset: int  # 0-based character index in the line where ``text`` starts


@dataclass(frozen=True, slots=True)
class SourceTable:
    section: tuple[str, ...]
    header: SourceRow
    rows: tuple[SourceRow, ...]


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


_RowSpans = list[tuple[int, int, int]]  # (0-based line, start offset, end offset) in the source


def _capture_table_rows(
    rule: Callable[[StateBlock, int, int, bool], bool],
) -> Callable[[StateBlock, int, int, bool], bool]:
    """Wrap markdown-it's table rule to record the exact span of every line it consumes.

    markdown-it has already stripped block-quote markers and list indentation when it calls the
    rule (``bMarks``/``tShift``), so these spans are right inside any container. The cell tokens
    the rule pushed are dropped: speclint splits rows itself, and not building them halves the cost.
    """

    def table_with_spans(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        first_token = len(state.tokens)
        if not rule(state, start, end, silent):
            return False
        if silent:
            return True
        spans: _RowSpans = [
            (line, state.bMarks[line] + state.tShift[line], state.eMarks[line])
            for line in range(start, state.line)
        ]
        opening = state.tokens[first_token]
        del state.tokens[first_token + 1 :]
        opening.meta = {"spans": spans}
        opening.nesting = 0
        return True

    return table_with_spans


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
    md.block.ruler.at("table", _capture_table_rows(gfm_table), {"alt": ["paragraph", "reference"]})
    md.disable(["inline", "text_join"])
    return md


def parse_blocks(text: str) -> Blocks:
    """Return the tables and HTML comments of a page, each table with its section path."""
    tokens = _block_parser().parse(text)
    tables: list[SourceTable] = []
    comments: list[Comment] = []
    headings: list[tuple[int, str]] = []  # (level, text) from the outermost down
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            level = int(token.tag[1:])
            title = reduce_inline(tokens[index + 1].content).strip()
            while headings and headings[-1][0] >= level:
                headings.pop()
            headings.append((level, title))
        elif token.type == "table_open" and token.meta:
            section = tuple(title for _, title in headings)
            tables.append(_source_table(text, token.meta["spans"], section))
        elif token.type == "html_block" and token.content.lstrip().startswith("<!--"):
            assert token.map is not None
            comments.append(Comment(token.map[0] + 1, token.map[1], token.content.strip()))
    return Blocks(tuple(tables), tuple(comments))


def _source_table(text: str, spans: _RowSpans, section: tuple[str, ...]) -> SourceTable:
    rows = []
    for line, start, end in spans:
        line_start = text.rfind("\n", 0, start) + 1
        rows.append(SourceRow(line + 1, text[start:end], start - line_start))
    # rows[1] is the delimiter row (| --- | :---: |): it holds no data.
    return SourceTable(section=section, header=rows[0], rows=tuple(rows[2:]))
