"""What a page's structure hides from the records: problems found beside the table reading.

These become ``RowProblem``s (reported by ``SL002 malformed-table``) at their line, so that a
page speclint could not read as a reader does is never silently passed:

- nesting so deep that markdown-it stopped reading inside it (``speclint.read.limits``);
- a table headed like a code table (``错误码 | 十进制数值 | 含义``) whose rows yield no code,
  typically because every value cell holds prose ("见下文", "TBD"): without this it is skipped
  and the page passes with "No problems found".
"""

from __future__ import annotations

from collections.abc import Sequence

from speclint.model import RowProblem, Table
from speclint.read.blocks import Blocks, SourceTable, shows_examples
from speclint.read.cells import split_row
from speclint.read.columns import HeaderAliases, names_error_codes, normalise_header
from speclint.read.inline import reduce_inline
from speclint.read.limits import MAX_NESTING
from speclint.read.values import is_code_token, parse_range


def structure_problems(
    path: str, blocks: Blocks, tables: Sequence[Table], aliases: HeaderAliases | None = None
) -> list[RowProblem]:
    problems = []
    if blocks.cut_nesting:
        problems.append(
            RowProblem(
                path,
                blocks.cut_nesting,
                1,
                (),
                f"lists and quotes nest more than {MAX_NESTING} levels deep here; speclint "
                "stops reading inside them, so tables nested deeper, or further down the same "
                "list, are not checked",
            )
        )
    vocabulary = aliases or HeaderAliases()
    for unrendered in blocks.unrendered_tables:
        headers = [reduce_inline(cell.raw) for cell in split_row(unrendered.header)]
        width = len(split_row(unrendered.delimiter))
        # Headed as codes, or right under a heading naming codes (# 错误码定义 over
        # |枚举ID|枚举定义|): a code table Markdown does not render. Elsewhere (a roadmap under
        # # Project status), a broken table of anything else.
        own_heading = unrendered.section[-1] if unrendered.section else ""
        if width != len(headers) and (
            any(names_error_codes(header) for header in headers) or names_error_codes(own_heading)
        ):
            shown = ", ".join(h for h in headers if h)
            message = (
                f"the delimiter row has {width} cells but the header ({shown}) has "
                f"{len(headers)}: Markdown renders no table here, its rows show as text"
            )
            problems.append(
                RowProblem(path, unrendered.line, 1, unrendered.section, message, shown)
            )
    for source in blocks.tables:
        if source.glued is not None:
            message = (
                "this line follows the table without a blank line and holds no pipe: Markdown "
                "shows it as a row of the table; put a blank line before it"
            )
            shown = source.glued.text.strip()
            line = source.glued.line
            problems.append(RowProblem(path, line, 1, source.section, message, shown))
    sources = {source.header.line: source for source in blocks.tables}
    for table in tables:
        source = sources.get(table.line)
        if not table.skipped or source is None or not _has_data(source):
            continue
        if shows_examples(source):
            continue  # "Examples:" above it: not the codes, and not meant to be
        width = _uniform_width(source)
        if width > len(table.headers) and _names_a_role(table.headers, vocabulary):
            # | 错误代号 | 含义 | over rows of three cells: the code column has no header, so
            # the table cannot be read at all. One problem, at the header.
            shown = ", ".join(h for h in table.headers if h)
            message = (
                f"every row has {width} cells but the header ({shown}) has "
                f"{len(table.headers)}: a header cell is missing, so the table is not read"
            )
            problems.append(RowProblem(path, table.line, 1, table.section, message, shown))
        elif (
            not table.known_other
            and _headed_like_code_table(table.headers, vocabulary)
            and not _about_codes(source)
        ):
            shown = ", ".join(h for h in table.headers if h)
            message = (
                f"this table is headed like a code table ({shown}) but no row holds a "
                "readable code, so none of it is checked"
            )
            problems.append(RowProblem(path, table.line, 1, table.section, message, shown))
    return problems


def _uniform_width(source: SourceTable) -> int:
    """The number of cells every non-blank row has (0 when they differ or there is one row)."""
    split = [split_row(row.text) for row in source.rows]
    rows = [cells for cells in split if any(c.raw for c in cells)]
    widths = {len(cells) for cells in rows}
    return widths.pop() if len(rows) >= 2 and len(widths) == 1 else 0


def _names_a_role(headers: Sequence[str], aliases: HeaderAliases) -> bool:
    folded = {normalise_header(header) for header in headers}
    roles = aliases.code | aliases.value | aliases.name | aliases.description
    return bool(folded & roles) and not folded & aliases.parameter


def _about_codes(source: SourceTable) -> bool:
    """Whether a table headed like a code table is about codes rather than a list of them: most
    of its rows give a range or a class (``100***``, ``0 - 255``), or hold no code-like token at
    all (a table of modules linking to their code pages). Neither is a code table that failed
    to read."""
    rows = [[reduce_inline(cell.raw) for cell in split_row(row.text)] for row in source.rows]
    rows = [cells for cells in rows if any(cells)]
    if not rows:
        return False
    ranged = sum(1 for cells in rows if any(parse_range(c) for c in cells if c))
    coded = sum(1 for cells in rows if any(is_code_token(c) for c in cells if c))
    return ranged * 2 >= len(rows) or coded * 2 < len(rows)


def _has_data(source: SourceTable) -> bool:
    return any(cell.raw for row in source.rows for cell in split_row(row.text))


def _headed_like_code_table(headers: Sequence[str], aliases: HeaderAliases) -> bool:
    """Whole headers (not words inside them) name a code or value column and a name or meaning
    column, and none names a parameter: the vocabulary of code tables, nothing else."""
    folded = {normalise_header(header) for header in headers}
    coded = bool(folded & (aliases.code | aliases.value))
    described = bool(folded & (aliases.name | aliases.description))
    return coded and described and not folded & aliases.parameter
