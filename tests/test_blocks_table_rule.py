"""speclint's own table rule (``blocks.table_lines``) decides exactly as markdown-it-py's does.

The reference is the installed stock rule (``markdown_it.rules_block.table.table``), wrapped the
way ``blocks.py`` used to wrap it: record the span of every line it consumed, drop the cell tokens.
Both parsers must give the same token stream (so the same tables, with the same line spans, and
the same blocks around them) on generated pages full of lines that sit near a table's edge, and
on every real page the tests and examples hold.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown_it
import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS, escapedSplit
from markdown_it.rules_block.table import table as stock_table
from mdit_py_plugins.front_matter import front_matter_plugin

from speclint.read import blocks
from speclint.read.source import decode, normalise_newlines

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(
    [*(ROOT / "tests" / "fixtures" / "wild").glob("*.md"), *(ROOT / "examples").rglob("*.md")]
)

Rule = Callable[[StateBlock, int, int, bool], bool]


def _stock_with_spans(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """The stock rule, wrapped as blocks.py did before it had its own rule."""
    first_token = len(state.tokens)
    if not stock_table(state, start, end, silent):
        return False
    if silent:
        return True
    spans = array(  # flat, as speclint keeps them: (line, start, end) of each row
        "q",
        [
            number
            for line in range(start, state.line)
            for number in (line, state.bMarks[line] + state.tShift[line], state.eMarks[line])
        ],
    )
    opening = state.tokens[first_token]
    del state.tokens[first_token + 1 :]
    opening.meta = {"spans": spans}
    opening.nesting = 0
    return True


def _reference_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
    md.block.ruler.at("table", _stock_with_spans, {"alt": ["paragraph", "reference"]})
    md.disable(["inline", "text_join"])
    return md


REFERENCE = _reference_parser()
OURS = blocks._block_parser()


def _stream(md: MarkdownIt, text: str) -> list[tuple[Any, ...]]:
    if md is OURS:
        # speclint's parser leaves markdown-it's "normalize" to parse_blocks.
        text = blocks.parser_input(normalise_newlines(text))
    return [
        (t.type, t.tag, t.nesting, t.level, t.map, t.markup, t.info, t.content, t.meta)
        for t in md.parse(text)
    ]


def _tables(stream: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [(t[4], t[8]) for t in stream if t[0] == "table_open"]


def assert_same_parse(text: str) -> int:
    """Both parsers agree on ``text``; return how many tables they found."""
    ours, reference = _stream(OURS, text), _stream(REFERENCE, text)
    assert _tables(ours) == _tables(reference), text  # the clearer message first
    assert ours == reference, text
    return len(_tables(ours))


def test_the_parsers_differ_only_in_the_table_rule() -> None:
    for chain in ("", "paragraph", "reference", "blockquote", "list"):
        names = [rule.__name__ for rule in OURS.block.ruler.getRules(chain)]
        reference = [rule.__name__ for rule in REFERENCE.block.ruler.getRules(chain)]
        assert [n.replace("table_lines", "_stock_with_spans") for n in names] == reference
    core = REFERENCE.core.ruler.get_active_rules()
    assert OURS.core.ruler.get_active_rules() == [rule for rule in core if rule != "normalize"]


def test_the_rule_mirrors_the_installed_markdown_it_py() -> None:
    # A new major markdown-it-py may change how tables are found: read its rules_block/table.py,
    # bring blocks.table_lines in line with it, then update MIRRORS_MARKDOWN_IT_PY. Within a
    # major version the property tests below hold the two rules together.
    mirrored_major = blocks.MIRRORS_MARKDOWN_IT_PY.split(".")[0]
    assert markdown_it.__version__.split(".")[0] == mirrored_major
    assert blocks.MAX_AUTOCOMPLETED_CELLS == MAX_AUTOCOMPLETED_CELLS
    assert blocks._MD_TRIM_CHARS == MD_TRIM_CHARS


# --- generated pages ----------------------------------------------------------------------------

# Container prefixes: block quotes (lazy lines when dropped), list items, indentation up to code.
PREFIXES = [
    "",
    "",
    "",
    "",
    "> ",
    ">",
    "> > ",
    ">\t",
    "  ",
    "   ",
    "    ",
    "\t",
    "- ",
    "1. ",
    "  - ",
]

RISKY_LINES = [
    "",
    " ",
    "\t",
    # rows
    "| a | b |",
    "|a|b|",
    "a | b",
    "a|b|",
    "| a |",
    "| a | b | c |",
    "|",
    "||",
    "| |",
    "| a \\| b |",
    "| a \\\\| b |",
    "\\| a | b |",
    "| a | b \\|",
    "| `a|b` | c |",
    "| a | b |\u00a0",
    "\u3000| a | b |",
    "｜ a ｜ b ｜",
    "| 错误码 | 含义 |",
    # delimiter rows
    "|---|---|",
    "| --- | --- |",
    "|:--|--:|",
    "| :-: | :-: |",
    ":-:|:-",
    "---|---",
    "|---|",
    "|-|",
    "--",
    "-:",
    ":-",
    "-",
    "---",
    "- -",
    "-\t-",
    "|---||---|",
    "| --- | -x- |",
    "|:---:|",
    "|--- --|",
    "| ---:| :--- |",
    # setext underlines, thematic breaks
    "===",
    "***",
    "___",
    # lists
    "- item",
    "* item",
    "+ item",
    "1. item",
    "2) item",
    "404. Not found",
    "- | a | b |",
    "1. | a | b |",
    # block quotes
    ">",
    "> quote",
    "> | a | b |",
    "> |---|---|",
    # fences
    "```",
    "```md",
    "~~~",
    "    ```",
    # headings
    "# Heading",
    "## | a | b |",
    "### 错误码",
    # HTML
    "<!--",
    "-->",
    "<!-- | a | b | -->",
    "<div>",
    "</div>",
    "<table>",
    # lazy continuation and plain text
    "lazy text",
    "text | with pipe",
    "[ref]: /url",
    "[ref]: /url 'title | x'",
]

_cell = st.text(alphabet=list("ab1 \t\\`-:中\u00a0"), max_size=5)
_good_delimiter_cell = st.from_regex(r"\A[ \t]{0,2}:?-{1,3}:?[ \t]{0,2}\Z")
_bad_delimiter_cell = st.sampled_from(["", " ", "- -", "::", ":", "-:-", "-x-", "\t"])


def _mostly(common: st.SearchStrategy[Any], rare: st.SearchStrategy[Any]) -> Any:
    """``common`` seven times in eight, else ``rare``."""
    return st.integers(0, 7).flatmap(lambda n: rare if n == 0 else common)


_delimiter_cell = _mostly(_good_delimiter_cell, _bad_delimiter_cell)


@st.composite
def _row(draw: st.DrawFn, cell: st.SearchStrategy[str]) -> str:
    cells = draw(st.lists(cell, max_size=5))
    separator = draw(st.sampled_from(["|", " | ", "\\|", "||"]))
    outer = draw(st.sampled_from([("|", "|"), ("", ""), ("|", ""), ("", "|"), ("| ", " |")]))
    return outer[0] + separator.join(cells) + outer[1]


_line_body = st.one_of(st.sampled_from(RISKY_LINES), _row(_cell), _row(_delimiter_cell))


@st.composite
def _chunk(draw: st.DrawFn) -> list[str]:
    """One line, or a table-shaped run of lines, usually under one container prefix."""
    prefix = draw(st.sampled_from(PREFIXES))
    if draw(st.booleans()):
        bodies = [draw(_line_body)]
    else:
        columns = draw(st.integers(min_value=1, max_value=3))
        header = draw(_mostly(st.just("|" + " h |" * columns), _row(_cell)))
        delimiter_columns = draw(_mostly(st.just(columns), st.integers(0, 4)))
        delimiter = "|" + "|".join(draw(_delimiter_cell) for _ in range(delimiter_columns)) + "|"
        bodies = [header, delimiter, *draw(st.lists(_line_body, max_size=5))]
    # Now and then a line leaves the container (a lazy line) or moves to another one.
    return [draw(_mostly(st.just(prefix), st.sampled_from(PREFIXES))) + body for body in bodies]


_front_matter = st.sampled_from(
    ["", "", "---\ntitle: x\n---\n", "---\ntitle: | a | b |\n---\n", "---\n|a|\n", "+++\n"]
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = [line for chunk in draw(st.lists(_chunk(), min_size=1, max_size=8)) for line in chunk]
    newline = draw(st.sampled_from(["\n", "\n", "\n", "\r\n"]))
    ending = draw(st.sampled_from(["", newline, newline * 2]))
    return draw(_front_matter) + newline.join(lines) + ending


@settings(max_examples=400, deadline=None)
@given(pages())
@example("| a |\n---\n")  # a one-cell row over `---` is a table, not a setext heading
@example("| a | b |\n|---|---|\nNote: not a row\n")  # any non-blank line continues a table
@example("| a | b |\n|---|---|\n| 1 | 2 |\n1. x\n")  # a list item ends it
@example("| a | b |\n|---|---|\n| 1 | 2 |\n200. x\n")  # any ordered start, not just 1
@example("| a | b |\n|---|---|\n# h\n")
@example("| a | b |\n|---|---|\n```\n| 1 | 2 |\n```\n")
@example("| a | b |\n|---|---|\n<!-- x -->\n")
@example("> | a | b |\n> |---|---|\n| 1 | 2 |\n")  # no lazy table rows
@example("- | a | b |\n  |---|---|\n  | 1 | 2 |\n| 3 | 4 |\n")
@example("text\n| a | b |\n|---|---|\n")  # a table interrupts a paragraph
@example("| a \\\\| b |\n|---|\n")  # `\\|` is an escaped pipe too: one cell
@example("| a | b |\n|---|---|\r\n| 1 | 2 |\r\n")
@example("| a | b |\n|---|---|\n| \x00 | 2 |\r| 3 | 4 |\n")
@example("# a \x00 b\r\ntext \x00\n")
@example("---\n| a |\n|---|\n---\n| b |\n|---|\n")
def test_table_lines_finds_the_tables_markdown_it_finds(page: str) -> None:
    tables = assert_same_parse(page)
    event(f"tables: {min(tables, 3)}{'+' if tables >= 3 else ''}")


def test_the_autocompleted_cells_limit_ends_a_table_at_the_same_row() -> None:
    columns = 1000
    header = "|" + "a|" * columns
    delimiter = "|" + "-|" * columns
    rows = ["x"] * 100  # one cell each: 999 cells filled in per row
    page = "\n".join([header, delimiter, *rows]) + "\n"
    assert assert_same_parse(page) == 1
    (table,) = [t for t in OURS.parse(page) if t.type == "table_open"]
    body_rows = MAX_AUTOCOMPLETED_CELLS // (columns - 1)
    assert table.map == [0, 2 + body_rows]  # the limit, not the page, ended it

    # Rows with more cells than the header pay some of it back.
    wide = "|" + "y|" * (columns + 1)
    page = "\n".join([header, delimiter, *(["x", wide] * 100)]) + "\n"
    assert assert_same_parse(page) == 1


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("|\\ a`\t"), max_size=20))
def test_cell_count_is_the_stock_split_count(text: str) -> None:
    columns = escapedSplit(text)
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    assert blocks._cell_count(text) == len(columns)


# --- real pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_table_lines_agrees_on_real_pages(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = decode(page.read_bytes(), page.name).text
    assert_same_parse(text)
    ours = blocks.parse_blocks(text)
    monkeypatch.setattr(blocks, "_block_parser", lambda: REFERENCE)
    assert blocks.parse_blocks(text) == ours
