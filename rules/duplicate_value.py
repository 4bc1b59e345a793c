from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from speclint.model import Diagnostic, Record, Value
from speclint.registry.spaces import shared_status_tables
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class DuplicateValueOptions:
    scope: Literal["section", "file", "registry"] = "registry"


class DuplicateValue(Rule):
    """## What it does
    Flags a value used by more than one code in the same code space.

    ## Why it matters
    Clients switch on the value. One value with two meanings means a client cannot tell the two
    errors apart, and whichever it handles, it mishandles the other in production.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_REPEAT_USERID | 300311 | 重复的userId |
    | ERRCODE_NOTEXIST_JOBID | 300311 | jobId不存在 |
    ```

    ## How to fix
    Give the newer code a free value in its category. If both are already published and can never
    change, record the finding in a baseline (`speclint check --write-baseline`) so that only new
    duplicates fail.

    ## Options
    - `scope`: where a value must be unique: `"section"`, `"file"` or `"registry"` (the code space
      the file belongs to; default).
    """

    code = "SL101"
    name = "duplicate-value"
    scope = Scope.REGISTRY
    Options = DuplicateValueOptions

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        scope: Callable[[Record], tuple[object, ...]] = {
            "section": lambda r: (r.file, r.section),
            "file": lambda r: (r.file,),
            "registry": lambda r: (),
        }[self.options.scope]
        # A row without a name has no identity but its value: listed again in another table
        # (a summary, an HTTP mapping) it cites the code rather than defining a second one.
        # So a named record is compared with the first named one, and any record with the
        # first of its own table.
        # Keyed by scope (or table), then by value: the values are objects the records hold
        # already, where a key tuple per record would be 100,000 new objects on a large page.
        first_named: dict[tuple[object, ...], dict[Value, Record]] = {}
        first_in_table: dict[tuple[str, int], dict[Value, Record]] = {}
        unkeyed = shared_status_tables(records.records)
        for record in records.records:
            table = (record.file, record.table)
            if not record.name and table in unkeyed:
                continue
            # The value itself, not value_key: an int never equals a str.
            value = record.value
            in_table = _index(first_in_table, table).setdefault(value, record)
            earlier = None
            if record.name:
                earlier = _index(first_named, scope(record)).setdefault(value, record)
                if earlier is record:
                    earlier = None
            earlier = earlier or (in_table if in_table is not record else None)
            if earlier is None or (record.name and record.name == earlier.name):
                continue  # the same name twice is a redundant row: duplicate-name reports it
            yield self._finding(record, earlier)

    def _finding(self, record: Record, earlier: Record) -> Diagnostic:
        value = _show(record.value)
        if record.name or earlier.name:
            message = f"value {value} of {record.label} is already used by {earlier.label}"
        else:
            message = f"value {value} is listed twice in this table"
        return self.report(
            record,
            message,
            related=[(earlier, f"{earlier.title} is listed here")],
        )


def _index(indexes: dict[Any, dict[Value, Record]], key: object) -> dict[Value, Record]:
    """The records by value under ``key`` (made on first use, not a new dict per record)."""
    index = indexes.get(key)
    if index is None:
        index = indexes[key] = {}
    return index


def _show(value: Value) -> str:
    return str(value) if isinstance(value, int) else repr(value)
