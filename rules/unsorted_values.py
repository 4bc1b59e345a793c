from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from speclint.model import Diagnostic, Record, Severity
from speclint.rule import RecordSet, Rule, Scope


class UnsortedValues(Rule):
    """## What it does
    Flags a row whose value is lower than the value of the row above it in the same table.
    Off by default: some teams order tables by topic rather than by value.

    ## Why it matters
    Readers scan a sorted table for a code the way they look up a word in a dictionary. One row
    out of place hides that code from them, and makes gaps and duplicates hard to see when the
    next code is numbered.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_MISS_USERID | 300201 | 缺少用户ID |
    | ERRCODE_MISS_USERLIST | 300204 | 缺少用户列表 |
    | ERRCODE_MISS_USERNAME | 300202 | 缺少用户名 |
    ```

    ## How to fix
    Move the row to where its value belongs. Only the row that breaks the order is reported,
    not every row after it; integer values and text values are each compared among their own.
    """

    code = "SL303"
    name = "unsorted-values"
    severity = Severity.WARNING
    scope = Scope.FILE
    enabled_by_default = False

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        for above, record in pairwise(records.records):
            if (above.file, above.table) != (record.file, record.table):
                continue
            if _descends(above, record):
                yield self.report(
                    record,
                    f"{record.title} comes after {above.title}: the table is not "
                    "in ascending order",
                    related=[(above, f"{above.title} is the row above")],
                    subject=[record],
                )


def _descends(above: Record, record: Record) -> bool:
    # 300201 and "E0001" have no order between them: only like is compared with like.
    if isinstance(above.value, int) and isinstance(record.value, int):
        return record.value < above.value
    if isinstance(above.value, str) and isinstance(record.value, str):
        return record.value < above.value
    return False
