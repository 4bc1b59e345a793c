from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from speclint.model import Diagnostic, Record
from speclint.registry.repeats import by_earlier_and_table
from speclint.registry.subcodes import subtype_header, told_apart
from speclint.rule import RecordSet, Rule, Scope
from speclint.wording import listed


@dataclass(frozen=True)
class NameCollisionOptions:
    # The headers of columns numbering the variants of one error (Subtype); by default the
    # columns whose header says so, [] for none.
    refined_by: tuple[str, ...] | None = None


class NameCollision(Rule):
    """## What it does
    Flags a name that is given different values, usually in different sections of the page. A
    name given several other values in one table is one finding, naming the rows.
    Names with blanks are labels for people (an event type, an HTTP reason phrase) and may head
    several codes; only identifiers are checked. Rows of one table that share a name but not
    their subtype (a column headed `Subtype`, `Sub code`, `子类型`: `SHT3X_NAN_ERROR` with
    subtype 1 and 2) are variants of one error, each with its full code.

    ## Why it matters
    Generated client constants can hold only one of the values, so code compiled against the
    constant silently disagrees with the server for the other.

    ## Example
    ```markdown
    ### 基础错误码

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_INVALID_REQUEST | 5 | 错误的请求 |

    ### 请求验证

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_INVALID_REQUEST | 100003 | 错误的请求 |
    ```

    ## How to fix
    Rename one of the codes (for example with its category as a prefix), or remove the stale row
    if both mean the same error.

    ## Options
    - `refined-by`: the headers of columns numbering the variants of one error
      (`["Subtype"]`), instead of the columns whose header says so; `[]` for none.
    """

    code = "SL103"
    name = "name-collision"
    scope = Scope.REGISTRY
    Options = NameCollisionOptions

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        first: dict[str, Record] = {}
        collisions: list[tuple[Record, Record]] = []
        for record in records.records:
            # A label ("Failed Exchange", "Bad Request") may head many codes; only an identifier
            # must name exactly one.
            if not record.name or _BLANK.search(record.name):
                continue
            earlier = first.setdefault(record.name, record)
            if earlier is record or earlier.value == record.value:
                continue
            if earlier.line == record.line and earlier.file == record.file:
                continue  # | 9/34 | PIO0_05 |: one row listing two values, not two definitions
            if told_apart(earlier, record, self.options.refined_by):
                continue  # SHT3X_NAN_ERROR of subtype 1 and of subtype 2: two variants
            collisions.append((earlier, record))
        # One name given several other values in a table (and under one of its group rows) is
        # one finding (by_earlier_and_table): the message names the one place they are.
        for earlier, later in by_earlier_and_table(collisions, by_section=True):
            yield self._finding(earlier, later)

    def explain(self, records: RecordSet) -> Iterator[str]:
        lines = {(table.file, table.index): table.line for table in records.tables}
        seen: set[tuple[str, int]] = set()
        for record in records.records:
            table = (record.file, record.table)
            if table in seen:
                continue
            seen.add(table)
            header = subtype_header(record, self.options.refined_by)
            if header is not None:
                where = f"{record.file}:{lines.get(table, record.line)}"
                yield (
                    f"table at {where}: rows sharing a name but not their {header!r} are "
                    "variants of one error"
                )

    def _finding(self, earlier: Record, later: list[Record]) -> Diagnostic:
        record = later[0]
        values = listed([other.raw_value for other in later])
        if record.section == earlier.section and record.file == earlier.file:
            where = f"{values} here but {earlier.raw_value} on line {earlier.line}"
        else:
            where = f"{values} in {record.section_title} but {earlier.raw_value} in " + (
                earlier.section_title
            )
        return self.report(
            record,
            f"{record.name} is {where}",
            field="name",
            related=[
                (earlier, f"{earlier.name} is {earlier.raw_value} here"),
                *((other, f"{other.name} is {other.raw_value} here too") for other in later[1:]),
            ],
        )


_BLANK = re.compile(r"\s")
