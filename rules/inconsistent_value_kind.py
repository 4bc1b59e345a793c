from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import pairwise

from speclint.model import Diagnostic, Record
from speclint.read.columns import holds_string_codes
from speclint.read.thresholds import CLEARLY, LONE_KIND_MAX, VALUE_KIND_MIN_VALUES
from speclint.read.values import value_kind
from speclint.rule import RecordSet, Rule, Scope


def _strings_by_definition(record: Record) -> bool:
    """Whether the column's header says its codes are strings (SQLSTATE: 42000 beside 42S02)."""
    cell = record.cell("value")
    return cell is not None and holds_string_codes(cell.header)


_KINDS_NAMED = {
    "decimal": "decimal numbers",
    "hex": "hex numbers",
    "padded": "zero-padded numbers",
    "string": "string codes",
}
_KIND_NAMES = {
    "decimal": "a decimal number",
    "hex": "a hex number",
    "padded": "a zero-padded number",
    "string": "a string code",
}


class InconsistentValueKind(Rule):
    """## What it does
    Flags a value whose kind differs from the rest of its column: a word among integers, an
    integer among string codes, a hex value among decimals, a zero-padded number among plain
    ones. A row malformed-table reports for a cell missing is not judged: its value cell may hold
    another cell's text.

    A column's kind is inferred once it has at least `VALUE_KIND_MIN_VALUES` (5) values and at
    least 80% (`CLEARLY`) of them are of one kind; a value of another kind is reported when at
    most `LONE_KIND_MAX` (2) cells share that kind (more are a second convention, not a slip).
    A column of fixed-width codes (every value the same length, some zero-padded, such as `00`,
    `A6`, `10`) is one kind, and so is a column of fixed-width hex digits written without `0x`
    that counts up in hex (`525`, `52e`, `531`), one-digit numbers read the same in decimal and hex, and a value that is another code's
    name (`EWOULDBLOCK | EAGAIN`) is an alias. A column headed `SQLSTATE` holds five-character
    strings by definition (`42000` beside `42S02`) and is not judged. Values with blanks are left to
    schema-violation (SL001), and range rows (`1000~1999`) are not values. See
    `docs/inference.md`.

    ## Why it matters
    Clients parse the column one way. A stray `abc` where every other code is an integer, or
    `0x0D` among decimals, is either a typo or a code no client can parse, and a generated enum
    silently drops or mistypes it.

    ## Example
    ```markdown
    | errno | Name | Description |
    | ---: | --- | --- |
    | 1001 | BUCKET_NOT_FOUND | The bucket does not exist. |
    | 1002 | BUCKET_ALREADY_EXISTS | A bucket with this name already exists. |
    | 1003 | BUCKET_NOT_EMPTY | The bucket still holds objects. |
    | abc | OBJECT_NOT_FOUND | The object does not exist. |
    | 1005 | OBJECT_TOO_LARGE | The object is larger than 5 GiB. |
    | 1006 | INVALID_RANGE | The requested byte range is not satisfiable. |
    ```

    ## How to fix
    Write the value the way the rest of the column does (`1004`). If the column really mixes two
    kinds of code, split it into two tables, one per kind.
    """

    code = "SL004"
    name = "inconsistent-value-kind"
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        tables: dict[tuple[str, int], list[Record]] = defaultdict(list)
        # A row with a cell missing may hold its meaning in the value cell (one problem).
        shifted = records.shifted_rows
        for record in records.records:
            if shifted and (record.file, record.line) in shifted:
                continue
            if record.raw_value and not _BLANK.search(record.raw_value):
                tables[(record.file, record.table)].append(record)
        for column in tables.values():
            yield from self._odd_ones(column)

    def _odd_ones(self, column: Sequence[Record]) -> Iterator[Diagnostic]:
        if len(column) < VALUE_KIND_MIN_VALUES or _strings_by_definition(column[0]):
            return
        kinds = [_kind(r.raw_value) for r in column]
        fixed_width = len({len(r.raw_value) for r in column}) == 1 and len(column[0].raw_value) > 1
        if fixed_width and "padded" in kinds:  # _kind says "padded" exactly where value_kind does
            return  # fixed-width codes (00, A6, 10): one kind, whatever each cell parses as
        counts = Counter(k for k in kinds if k != "digit")
        if len(counts) < 2:
            return  # one kind (most columns): no value of another
        major, count = counts.most_common(1)[0]
        judged = sum(counts.values())
        if judged < VALUE_KIND_MIN_VALUES or count < CLEARLY * judged:
            return
        if fixed_width and _ascending_hex([r.raw_value for r in column]):
            return  # 525, 52e, 531: hex codes written without 0x (an LDAP server's sub-codes)
        # EWOULDBLOCK | EAGAIN: a value naming another code of the table is an alias of it.
        names = {r.name for r in column if r.name}
        for record, kind in zip(column, kinds, strict=True):
            if kind in (major, "digit") or counts[kind] > LONE_KIND_MAX:
                continue
            if record.raw_value in names:
                continue
            if major == "decimal" and kind == "padded" and record.raw_value.lstrip("-+") == "0":
                continue
            yield self.report(
                record,
                f"{record.raw_value!r} is {_KIND_NAMES[kind]} where {count} of the column's "
                f"{judged} values are {_KINDS_NAMED[major]}",
                subject=[record],
            )


_BLANK = re.compile(r"\s")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _ascending_hex(values: Sequence[str]) -> bool:
    """Whether a column of hex digits, some letters among them, counts up when read as hex:
    525, 52e, 531 are hex codes in order, written without 0x. A letter that breaks the order
    (7a01 after 5002, then 2000) is no such column's."""
    if not all(_HEX_DIGITS.issuperset(v) for v in values):
        return False
    numbers = [int(v, 16) for v in values]
    return all(a < b for a, b in pairwise(numbers))


def _kind(raw: str) -> str:
    """The value's kind; a one-digit number is the same in decimal and hex ("digit")."""
    if raw.isascii() and raw.isdigit():  # most values: no sign, no letter
        if len(raw) == 1:
            return "digit"
        return "padded" if raw[0] == "0" else "decimal"
    kind = value_kind(raw)
    if kind == "decimal" and raw.lstrip("-+").isdigit() and len(raw.lstrip("-+")) == 1:
        return "digit"
    return kind
