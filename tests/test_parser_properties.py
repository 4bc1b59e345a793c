"""Property: records rendered as a Markdown table parse back to the same records."""

from __future__ import annotations

import re
import string

from hypothesis import example, given, settings
from hypothesis import strategies as st

from speclint.check.configure import build_rules
from speclint.check.plugins import load_rules
from speclint.check.run import run_rules
from speclint.config import Settings
from speclint.read import inline
from speclint.read.cells import _split_marked, bounds, split_row
from speclint.read.page import parse_text
from speclint.registry.build import group

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")

names = st.from_regex(r"\A[A-Z][A-Z0-9]{0,6}(_[A-Z0-9]{1,6}){0,4}\Z").filter(lambda n: len(n) > 1)
values = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.from_regex(r"\A0[0-9]{1,5}\Z"),  # zero-padded codes stay strings
)
texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),  # no line breaks or controls in a row
    ),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")


def escape(text: str) -> str:
    """Backslash-escape every ASCII punctuation character so nothing reads as markup."""
    return _PUNCTUATION.sub(r"\\\1", text)


def render(rows: list[tuple[str, int | str, str]]) -> str:
    lines = ["# Codes", "", "| 错误码 | 十进制数值 | 含义 |", "| --- | --- | --- |"]
    lines += [f"| {name} | {value} | {escape(text)} |" for name, value, text in rows]
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(names, values, texts), min_size=1, max_size=8, unique_by=lambda r: r[0]))
def test_rendered_records_parse_back(rows: list[tuple[str, int | str, str]]) -> None:
    page = render(rows)
    parsed = parse_text("p.md", page, Settings())
    assert parsed.problems == ()
    got = [(r.name, r.value, r.description) for r in parsed.records]
    assert got == [(name, value, " ".join(text.split())) for name, value, text in rows]
    lines = page.split("\n")
    for record in parsed.records:
        line = lines[record.line - 1]
        for cell in record.cells:
            # Every cell's column points at its raw text in the source line.
            assert line[cell.column - 1 :].startswith(cell.raw)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|| ab中\t-")), max_size=30))
def test_plain_row_split_agrees_with_the_general_one(row: str) -> None:
    # The fast path for rows without escapes or code spans must split exactly as the general one.
    assert split_row(row) == _split_marked(row, *bounds(row))


# Characters that decide whether a cell is plain: markup, underscores at and inside words,
# every kind of blank, letters of two scripts.
_CELL_CHARACTERS = st.sampled_from(
    [*"\\`*[]<>&~!_ aZ09.-(中", "\t", "\u3000", "\xa0", "\u2028", "\x85", "\u200b"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CELL_CHARACTERS, max_size=12).map("".join))
@example("ERRCODE_NOT_EXIST")
@example("_id")
@example("a _b")
@example("中_")
@example("a  b")
def test_cheap_plain_cell_test_never_calls_a_marked_cell_plain(cell: str) -> None:
    # The cheap tests may miss a plain cell (the general way then decides), never pass markup.
    assert inline.reduce_inline(cell) == inline._reduce(cell)


_PIECES = st.sampled_from(
    ["|", "||", " | ", "\\|", "`", "``", "---", ":--", "-:", "\n", "\n\n", "> ", "- ", "1. ",
     "    ", "\t", "# ", "<!--", "-->", "```", "~~~", "**", "0x1F", "-1", "0001", "E_A", "错误码",
     "十进制数值", "含义", "code", "name", "<br>", "[a](b)", "&amp;", "\r", "\ufeff", "\x00",
     "<!-- speclint-disable SL101 -->", "<!-- speclint-disable-next-table -->", "\u2028", "x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_any_page_parses_and_every_rule_runs_without_failing(text: str) -> None:
    # Odd pages must give records and findings, never a crash (a crash would be exit code 2).
    parsed = parse_text("f.md", text, Settings())
    _, errors = run_rules(build_rules(load_rules().rules, Settings()), group([parsed], ()))
    assert errors == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.from_regex(r"\A[0-9]{1,7}\Z"),
            st.sampled_from(["404", "200", "0", "00", "1.5", "-1", "0x1F", "E_A", "١٢", "5xx"]),
            st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_]{0,60}\Z"),
            st.text(alphabet="0123456789aZ_ .-(中é", min_size=1, max_size=6),
        ),
        max_size=12,
    )
)
@example(["ERRCODE_" + "X" * 45, "_private", "E", "404", "١٢"])  # a name too long to be a label
def test_column_tally_counts_plain_numbers_and_names_as_the_general_tests_do(
    cells: list[str],
) -> None:
    # The plain-decimal and plain-identifier shortcuts count exactly what the tests they skip do.
    from speclint.read import columns

    fast = columns._tally(cells)
    digits, identifier = columns._ASCII_DIGITS, columns._PLAIN_IDENTIFIER
    try:
        columns._ASCII_DIGITS = frozenset()
        columns._PLAIN_IDENTIFIER = re.compile(r"(?!)")  # matches nothing
        general = columns._tally(cells)
    finally:
        columns._ASCII_DIGITS, columns._PLAIN_IDENTIFIER = digits, identifier
    assert fast == general


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789-+xXaF\u2212 ", min_size=1, max_size=6))
def test_value_kind_of_a_cell_says_padded_exactly_where_value_kind_does(raw: str) -> None:
    # inconsistent-value-kind decides fixed-width columns from its own kinds.
    from speclint.read.values import value_kind
    from speclint.rules.inconsistent_value_kind import _kind

    assert (_kind(raw) == "padded") == (value_kind(raw) == "padded")
