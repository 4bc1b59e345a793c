from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Record
from speclint.rule import RecordSet, Rule, Scope


class DuplicateName(Rule):
    """## What it does
    Flags a code listed twice with the same name and the same value under one heading: a
    redundant row. The same code listed again under another heading or on another page (the
    codes each endpoint returns, with its own wording) cites it, and is not reported.

    ## Why it matters
    A repeated row usually means a table was merged or copied by hand. If the two rows ever
    drift apart (one meaning is edited, the other is not), readers cannot tell which is true, and
    generated constants are declared twice.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_MISS_USERID | 300201 | 缺少用户ID |
    | ERRCODE_MISS_USERNAME | 300202 | 缺少用户名 |
    | ERRCODE_MISS_USERID | 300201 | 缺少用户ID |
    ```

    ## How to fix
    Delete the later row. If its meaning says something the first row does not, merge the two
    meanings into the row that stays.
    """

    code = "SL102"
    name = "duplicate-name"
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        first: dict[tuple[object, ...], Record] = {}
        for record in records.records:
            if not record.name:
                continue
            # The value itself, not value_key: an int never equals a str, and no tuple a record.
            key = (record.file, record.section, record.name, record.value)
            earlier = first.setdefault(key, record)
            if earlier is record:
                continue
            yield self.report(
                record,
                f"{record.name} = {record.raw_value} is listed again{_difference(earlier, record)}",
                field="name",
                related=[(earlier, f"{earlier.name} = {earlier.raw_value} is first listed here")],
            )


def _difference(earlier: Record, record: Record) -> str:
    """What the repeated row says differently, if anything: it decides which row to keep."""
    if earlier.description == record.description:
        return ""
    return f", there meaning {earlier.description!r} and here {record.description!r}"
