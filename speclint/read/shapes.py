"""Table shapes that break a pipe table, read as a reader would or reported at their line.

- Merge-conflict markers committed inside a table (``<<<<<<< HEAD``, ``=======``,
  ``>>>>>>> branch``, diff3's ``||||||| base``): a ``>>>>>>>`` line starts a block quote and
  would end the table, hiding the rows after it. Before parsing, the markers, and the rows of a
  conflict's base and other side, are replaced by empty rows (which the table reading skips),
  so the table is read as its first side and the rows after the conflict, and each conflict is
  reported once. Lines and columns do not move.
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
    """``text`` with each merge conflict committed inside a table read as its first side only,
    and one problem per conflict. A page without markers is returned as it is, at the cost of
    one search."""
    if not any(marker in text for marker in _MARKERS) or not _MARKER_LINE.search(text):
        return text, []  # most pages: a substring search or four (in C) tells
    lines = text.split("\n")
    problems = []
    number = 0
    while number < len(lines):
        marker = _MARKER.match(lines[number])
        row = _neighbouring_row(lines, number) if marker else None
        if marker is None or row is None:
            number += 1
            continue
        end = _conflict_end(lines, number) if marker.group(1) == "<" * 7 else None
        if end is None and lines[number].rstrip() == "|" * 7 and len(split_row(row)) == 6:
            # Seven pipes and no label, outside a conflict, in a table of six columns: a row
            # of six empty cells (a translated page ends its tables so), not diff3's "|||||||
            # base", which git labels. In a table of another width it is a marker left over.
            number += 1
            continue
        if end is None:
            # A marker with no conflict around it (one side pasted, a stray line): its own row.
            problems.append(_conflict_problem(path, number, lines[number].strip(), ""))
            lines[number] = _empty_row(row)
            number += 1
            continue
        # One conflict, one problem. The lines from the first "|||||||" or "=======" to
        # ">>>>>>>" (the base and the other side) are read as empty rows: reading both sides
        # would report every code the conflict changes as a duplicate of itself.
        other = next(i for i in range(number + 1, end) if lines[i][:7] in ("|" * 7, "=" * 7))
        problems.append(
            _conflict_problem(
                path, number, lines[number].strip(), f" (lines {number + 1}-{end + 1})"
            )
        )
        for index in [number, *range(other, end + 1)]:
            if "|" in lines[index] or _MARKER.match(lines[index]):
                lines[index] = _empty_row(row)
        number = end + 1
    return "\n".join(lines), problems


def _conflict_end(lines: Sequence[str], start: int) -> int | None:
    """The line of the ">>>>>>>" closing the conflict opened at ``start``, when a "======="
    comes between them; None otherwise."""
    divided = False
    for index in range(start + 1, len(lines)):
        head = lines[index][:7]
        if head == "<" * 7 or (head == ">" * 7 and not divided):
            return None
        if head == "=" * 7 and _MARKER.match(lines[index]):
            divided = True
        elif head == ">" * 7 and _MARKER.match(lines[index]):
            return index
    return None


def _conflict_problem(path: str, number: int, marker: str, span: str) -> RowProblem:
    read = "its first side is read" if span else "the rows around it are read"
    return RowProblem(
        path,
        number + 1,
        1,
        (),
        f"merge conflict committed in a table{span}, marker {marker!r}: {read}; resolve "
        "the conflict",
        marker,
    )


def _empty_row(row: str) -> str:
    return "|" + " |" * max(len(split_row(row)), 1)


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
