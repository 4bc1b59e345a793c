from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from speclint.model import Diagnostic, Location, Record, Severity, Table
from speclint.registry.changes import ChangeRule, Changes, with_base_location
from speclint.rule import RecordSet


class RemovedCode(ChangeRule):
    """## What it does
    Flags a code that existed at the base revision and is gone: no row of its registry has its
    name any more (or, in a table without names, its value). It runs when a base is given
    (`speclint diff BASE`, `speclint check --base BASE`) and does nothing otherwise. A code that
    was marked deprecated or reserved at the base may be removed.

    Codes are matched by name across the whole registry, so a row moved to another table or a
    table moved to another page is not removed. The finding points at the table of the code's
    section on the page where it was (its header row), or at the first line of that page when
    the section is gone (even when the page itself was deleted); its related location is where
    the code was at the base, `BASE:path:line`. When that table is still there but no longer
    read as a code table (`speclint check -v` says why), the message says so: the rows may not
    be gone at all.

    ## Why it matters
    A published code is a contract. Clients built against the base still switch on it, and a
    server that still returns it now returns a code the documentation no longer explains.

    ## Example
    At the base:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |
    | ERRCODE_USER_NOTEXIST | 300225 | 用户不存在 |
    ```

    Now:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |
    ```

    ## How to fix
    Put the row back. To retire a code, first mark it deprecated (a word such as `已废弃` or
    `Deprecated` in its meaning or in a status column; see `[markers]`), publish that, and remove
    the row in a later release. If the code was never published, suppress the finding at its
    table with the reason (`<!-- speclint-disable-next-table SL401 -- never released -->`).

    ## Options
    - `markers`: the words that mark a code deprecated or reserved, as `{deprecated = [...],
      reserved = [...]}`; by default the configuration's `[markers]`.
    """

    code = "SL401"
    name = "removed-code"
    severity = Severity.ERROR

    def changed(self, records: RecordSet, changes: Changes) -> Iterator[Diagnostic]:
        for before in changes.removed:
            if self.markers.is_deprecated(before) or self.markers.is_reserved(before):
                continue
            where = f" from {before.section_title}" if before.section_name else ""
            message = f"{before.title} was removed{where} since {records.base_revision}"
            table = _table_it_was_in(records, before)
            if table is not None and table.skipped and table.headers == _headers(before):
                # The rows may well be there: the table stopped being read as a code table.
                message += f" (its table is still there, but not read as codes: {table.skipped})"
            finding = self.report(before, message, field="name")
            finding = with_base_location(
                finding, records, before, f"{before.title} at {records.base_revision}", "name"
            )
            where_now = Location(before.file, table.line if table else 1, 1)
            yield replace(finding, location=where_now)


def _headers(record: Record) -> tuple[str, ...]:
    return tuple(cell.header for cell in record.cells)


def _table_it_was_in(records: RecordSet, before: Record) -> Table | None:
    """The table that holds the code's section on its page today: one with the code's headers
    first, then a code table, then one that is skipped (emptied of its rows, say)."""
    tables = sorted(
        (t for t in records.tables if t.file == before.file),
        key=lambda t: (t.headers != _headers(before), bool(t.skipped)),
    )
    same = next((t for t in tables if t.section == before.section), None)
    return same or next((t for t in tables if t.section[-1:] == before.section[-1:]), None)
