"""Table shapes that break a pipe table, read as a reader would or reported at their line.

- Merge-conflict markers committed inside a table (``<<<<<<< HEAD``, ``=======``,
  ``>>>>>>> branch``, diff3's ``||||||| base``): a ``>>>>>>>`` line starts a block quote and
  would end the table, hiding the rows after it. Before parsing, each marker next to a table row
  is replaced by an empty row (which the table reading skips), so the rest of the table is still
  read, and each marker is reported. Lines and columns do not move.
- A row split across lines, and a line of tab-separated cells pasted from a spreadsheet: the
  table reading sees a row with too few cells; the message then says what happened.
- A header row that is a code (``| ERRCODE_OK | 0 | 成功 |`` above the delimiter row): the first
  code is taken for headers and not checked; reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from speclint.model import RowProblem, Table
from speclint.read.cells import split_row
from speclint.read.columns import HeaderAliases, normalise_header

_MARKER = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?:[ \t].*)?$")
_CODE_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
_NUMBER = re.compile(r"^-?(?:[0-9]+|0[xX][0-9a-fA-F]+)$")


_MARKERS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)
_MARKER_LINE = re.compile(r"^(<{7}|={7}|>{7}|\|{7})", re.MULTILINE)


def neutralise_conflict_markers(path: str, text: str) -> tuple[str, list[RowProblem]]:
    """``text`` with the conflict markers inside tables replaced by empty rows, and a problem
    for each. A page without markers is returned as it is, at the cost of one search."""
    if not any(marker in text for marker in _MARKERS) or not _MARKER_LINE.search(text):
        return text, []  # most pages: a substring search or four (in C) tells
    lines = text.split("\n")
    problems = []
    for number, line in enumerate(lines):
        if not _MARKER.match(line):
            continue
        row = _neighbouring_row(lines, number)
        if row is None:
            continue
        problems.append(
            RowProblem(
                path, number + 1, 1, (),
                f"merge-conflict marker {line.strip()!r} committed in a table: the rows of "
                "both sides are read; resolve the conflict",
                line.strip(),
            )
        )  # fmt: skip
        lines[number] = "|" + " |" * max(len(split_row(row)), 1)
    return "\n".join(lines), problems


def _neighbouring_row(lines: Sequence[str], number: int) -> str | None:
    """The nearest table row above the marker (other markers skipped), if the marker sits
    between table rows."""
    above = next((lines[i] for i in range(number - 1, -1, -1) if not _MARKER.match(lines[i])), "")
    below = next(
        (lines[i] for i in range(number + 1, len(lines)) if not _MARKER.match(lines[i])), ""
    )
    if "|" in above and ("|" in below or not below.strip()):
        return above
    return None


def explain_problems(problems: Sequence[RowProblem], text: str) -> list[RowProblem]:
    """The table reading's problems, with the message saying what happened where it can tell:
    a row split across lines, or cells separated by tabs."""
    about_cells = [p for p in problems if "cell" in p.message]
    above = _lines(text, {p.line - 1 for p in about_cells if p.line >= 2})
    explained = []
    for problem in problems:
        if "cell" not in problem.message:
            explained.append(problem)
            continue
        current = problem.text
        previous = above.get(problem.line - 1, "").strip()
        if "\t" in current and "|" not in current:
            message = (
                "this line separates its cells with tabs, not pipes (pasted from a spreadsheet?): "
                "write it as a table row, | a | b |"
            )
        elif (
            not current.startswith("|") and previous.startswith("|") and not previous.endswith("|")
        ):
            message = (
                "this line looks like the rest of the row above, split across lines: a table row "
                "must stay on one line (write <br> for a line break in a cell)"
            )
        else:
            explained.append(problem)
            continue
        explained.append(replace(problem, message=f"{message} ({problem.message})"))
    return explained


def _lines(text: str, wanted: set[int]) -> dict[int, str]:
    """The lines of ``text`` numbered ``wanted`` (1-based), found in one walk: a page of 100,000
    rows split into a list of lines would hold a second copy of itself."""
    found: dict[int, str] = {}
    last = max(wanted, default=0)
    line, start = 1, 0
    while line <= last and start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if line in wanted:
            found[line] = text[start:end]
        line, start = line + 1, end + 1
    return found


def header_is_a_code(
    path: str, tables: Sequence[Table], aliases: HeaderAliases
) -> list[RowProblem]:
    """A table whose header row holds a code's name and number rather than column titles."""
    known = aliases.name | aliases.value | aliases.code | aliases.description | aliases.parameter
    problems = []
    for table in tables:
        headers = [h for h in table.headers if h]
        if any(normalise_header(h) in known for h in headers):
            continue
        if any(_CODE_NAME.match(h) for h in headers) and any(_NUMBER.match(h) for h in headers):
            shown = " | ".join(headers)
            problems.append(
                RowProblem(
                    path, table.line, 1, table.section,
                    f"the first row of this table is a code ({shown}), not a header row: it is "
                    "not checked; add a header row above it",
                    shown,
                )
            )  # fmt: skip
    return problems
