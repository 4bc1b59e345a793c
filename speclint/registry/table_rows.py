"""A registry's records table by table, and the columns a configuration names.

Rules that read a column besides the code's (a finer code, a category) look at whole tables:
these helpers gather the rows of the tables asked about, and find a column by a configured
header, folded as headers are compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from speclint.model import Record
from speclint.read.columns import normalise_header


def rows_of_tables(
    records: Iterable[Record], tables: set[tuple[str, int]]
) -> dict[tuple[str, int], list[Record]]:
    """The records of each of ``tables`` (``(file, table)``), in the registry's order."""
    rows: dict[tuple[str, int], list[Record]] = {table: [] for table in tables}
    for record in records:
        found = rows.get((record.file, record.table))
        if found is not None:
            found.append(record)
    return rows


def pinned_header(headers: Sequence[str], pinned: Sequence[str]) -> str | None:
    """The first of ``headers`` a configured list names (as headers are compared: folded)."""
    wanted = {normalise_header(header) for header in pinned}
    return next((header for header in headers if normalise_header(header) in wanted), None)


def extra_column(
    members: Sequence[Record],
    pinned: Sequence[str] | None,
    fits: Callable[[Sequence[Record], str], bool],
) -> str | None:
    """The header of a column of a table (``members``, two rows at least) that plays no role:
    the first that ``pinned`` names when the configuration pins them, else the first that
    ``fits`` the table."""
    if len(members) < 2:
        return None
    headers = [cell.header for cell in members[0].cells if not cell.role]
    if pinned is not None:
        return pinned_header(headers, pinned)
    return next((header for header in headers if fits(members, header)), None)
