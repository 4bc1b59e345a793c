from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from speclint.model import Diagnostic, Record, Value
from speclint.registry.conventions import SUCCESS_NAMES, is_success
from speclint.registry.lifecycle import Markers, is_alias
from speclint.registry.ranges import is_generic
from speclint.registry.repeats import by_earlier_and_table
from speclint.registry.spaces import may_be_shared, shared_status_tables
from speclint.registry.subcodes import (
    direction_headers,
    directions_differ,
    finer_code,
    nests,
    per_direction_tables,
    refining_headers,
)
from speclint.registry.thresholds import CITING_SHARE, MEANING_DIFFERS, MEANING_OVERLAP
from speclint.registry.words import meanings_differ, normalise_text, split_words
from speclint.rule import RecordSet, Rule, Scope
from speclint.wording import listed


@dataclass(frozen=True)
class DuplicateValueOptions:
    scope: Literal["section", "file", "registry"] = "registry"
    # The words that mark a code deprecated; by default the configuration's [markers].
    markers: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # The headers of columns of finer codes that tell apart rows sharing a value (SMTP's
    # enhanced status code); by default inferred per table, [] for none.
    refined_by: tuple[str, ...] | None = None


class DuplicateValue(Rule):
    """## What it does
    Flags a value used by more than one code in the same code space. A row without a name that
    lists a number again in another table cites it (a summary, a per-endpoint list) unless it
    gives it a clearly different meaning (`MEANING_DIFFERS`: "Generic decline" and "Network
    issue" for 200) in a table of codes of its own (under `CITING_SHARE` (50%) of its values
    listed before it); one-digit codes such as 0 are every code space's own and never count.
    A value a table gives several codes is one finding, at its first repeat, naming the other
    rows. Success codes sharing their value (`SUCCESS 0`, `CONNECT_SUCCESS 0`: each enum's "no
    error") say the same thing and are no duplicate, and so is a deprecated code whose row
    names the code replacing it (`KEY_CONFILICT (deprecated) | 561105 | Deprecated, use
    KEY_CONFLICT`): an alias kept for old clients. In a table without names, a status that heads
    `SHARED_STATUS_ROWS` (3) or more rows (an HTTP status such as 400, a string code, a generic
    -1) lists errors by their messages and is no duplicate; any other number given several meanings is one. Where a second column
    of finer codes keys the rows (SMTP's enhanced status code beside its reply code: `452 |
    4.3.1` and `452 | 4.2.2`; its header names finer codes (enhanced, sub-, detail, 子),
    `REFINING_CODE_SHARE` (80%) of the rows
    fill it, no two alike, and it holds no HTTP statuses beside application codes), rows sharing
    the value but not that code are two codes. So are rows of a protocol's table that go
    opposite ways (their cells under `Direction`, `方向`: `Request` and `Response`, neither
    `Both`) when the table gives `DIRECTION_SHARED_MIN` (2) or more values in both directions:
    it numbers each direction's messages apart.

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
    - `markers`: the words that mark a code deprecated, as `{deprecated = [...]}`; by default
      the configuration's `[markers]`.
    - `refined-by`: the headers of columns of finer codes that tell apart rows sharing a value
      (`["Enhanced status code"]`), instead of inferring them per table; `[]` for none.
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
        # (a summary, an HTTP mapping) it cites the code rather than defining a second one,
        # unless it gives the value a clearly different meaning. So a named record is compared
        # with the first named one, and any record with the first of its own table, and a
        # nameless one with the first record of its value, by meaning.
        # Keyed by scope (or table), then by value: the values are objects the records hold
        # already, where a key tuple per record would be 100,000 new objects on a large page.
        first_named: dict[tuple[object, ...], dict[Value, Record]] = {}
        first_in_table: dict[tuple[str, int], dict[Value, Record]] = {}
        first_any: dict[tuple[object, ...], dict[Value, Record]] = {}
        markers = Markers.configured(self.options.markers)
        unkeyed = shared_status_tables(records.records)
        redefined: list[tuple[Record, Record]] = []  # nameless rows that give a number anew
        # One value given several meanings in a table is one finding (by_earlier_and_table).
        repeats: list[tuple[Record, Record]] = []
        directed = per_direction_tables(records.records, direction_headers(records.tables))
        for record in records.records:
            table = (record.file, record.table)
            if not record.name and table in unkeyed and may_be_shared(record.value):
                continue
            # The value itself, not value_key: an int never equals a str.
            value = record.value
            in_table = _index(first_in_table, table).setdefault(value, record)
            key = scope(record)
            first = _index(first_any, key).setdefault(value, record)
            earlier = None
            if record.name:
                earlier = _index(first_named, key).setdefault(value, record)
                if earlier is record:
                    earlier = None
            earlier = earlier or (in_table if in_table is not record else None)
            if earlier is None and first is not record and _redefines(record, first):
                redefined.append((record, first))
                continue
            if earlier is None or (record.name and record.name == earlier.name):
                continue  # the same name twice is a redundant row: duplicate-name reports it
            if record.name and _plain_success(record) and _plain_success(earlier):
                continue  # CONNECT_SUCCESS 0 beside SUCCESS 0: each enum's "no error", one meaning
            if record.name and earlier.name and is_alias(record, earlier, markers):
                continue  # "OLD_NAME (deprecated) | 5 | use NEW_NAME": the old name kept
            header = directed.get(table) if directed else None
            if header is not None and directions_differ(earlier, record, header):
                continue  # | 0x01 | Request | beside | 0x01 | Response |: two messages
            repeats.append((earlier, record))
        repeats = self._unrefined(records.records, repeats)
        for earlier, later in by_earlier_and_table(repeats):
            yield self._finding(later[0], earlier, later[1:])
        if redefined:
            summaries = _summaries(records.records, redefined, first_any, scope)
            for record, first in redefined:
                if (record.file, record.table) not in summaries:
                    yield self._finding(record, first)

    def explain(self, records: RecordSet) -> Iterator[str]:
        every = {(record.file, record.table) for record in records.records}
        refined = refining_headers(records.records, every, self.options.refined_by)
        lines = {(table.file, table.index): table.line for table in records.tables}
        for (file, index), header in sorted(refined.items()):
            where = f"{file}:{lines[file, index]}" if (file, index) in lines else file
            yield (
                f"table at {where}: a row is its value and its {header!r} "
                f"(rows sharing a value but not that code are two codes)"
            )

    def _unrefined(
        self, records: Sequence[Record], repeats: list[tuple[Record, Record]]
    ) -> list[tuple[Record, Record]]:
        """``repeats`` but the pairs of one table whose finer codes differ (452 with 4.3.1 and
        with 4.2.2: see ``speclint.registry.subcodes``)."""
        tables = {
            (later.file, later.table)
            for earlier, later in repeats
            if (earlier.file, earlier.table) == (later.file, later.table)
        }
        refined = refining_headers(records, tables, self.options.refined_by)
        if not refined:
            return repeats
        kept = []
        for earlier, later in repeats:
            header = refined.get((later.file, later.table))
            if header is not None and (earlier.file, earlier.table) == (later.file, later.table):
                finer = finer_code(earlier, header), finer_code(later, header)
                if (
                    all(finer)
                    and finer[0] != finer[1]
                    and nests(earlier, finer[0])
                    and nests(later, finer[1])
                ):
                    continue
            kept.append((earlier, later))
        return kept

    def _finding(
        self, record: Record, earlier: Record, others: Sequence[Record] = ()
    ) -> Diagnostic:
        value = _show(record.value)
        if record.name or earlier.name:
            users = [r.label for r in (record, *others)]
            message = f"value {value} of {listed(users)} is already used by {earlier.label}"
        elif (record.file, record.table) == (earlier.file, earlier.table):
            times = "twice" if not others else f"{len(others) + 2} times"
            message = f"value {value} is listed {times} in this table"
        else:
            message = (
                f"value {value} means {record.description!r} here but "
                f"{earlier.description!r} in {earlier.section_title}"
            )
            if others:
                message += f", and other meanings on {_lines(others)}"
        return self.report(
            record,
            message,
            related=[
                (earlier, f"{earlier.title} is listed here"),
                *((other, f"{other.title} is listed here too") for other in others),
            ],
        )


# Words that make a success something less (PARTIAL_SUCCESS, SUCCESS_WITH_WARNINGS): a client
# must tell it from a plain success.
_QUALIFYING = frozenset(
    {"PARTIAL", "PARTIALLY", "PART", "NOT", "NON", "NO", "WITH", "BUT", "WARNING", "WARNINGS"}
    | {"WARN", "PENDING", "QUEUED", "ACCEPTED", "DEFERRED", "ASYNC", "DELAYED"}
)


def _plain_success(record: Record) -> bool:
    if not is_success(record):
        return False
    return record.name.upper() in SUCCESS_NAMES or _QUALIFYING.isdisjoint(split_words(record.name))


def _lines(records: Sequence[Record]) -> str:
    return f"line{'s' if len(records) > 1 else ''} {listed([str(r.line) for r in records])}"


def _redefines(record: Record, first: Record) -> bool:
    """Whether a row without a name, listing a value an earlier table has, defines it again
    rather than citing it: it gives a clearly different meaning (a citation repeats the
    meaning, or says less: "Generic decline" is not "Network issue"). One-digit codes (0, -1)
    are every code space's own (a page's opcodes and its JSON errors both have a 0), and a
    string code (resyncRequired) is one code however two tables word it: never."""
    if not isinstance(record.value, int) or is_generic(record.value):
        return False  # a string code names itself: two wordings of it are one code
    lead = _leading_clause(first.description)
    if lead and lead == _leading_clause(record.description):
        return False  # "鉴权错误, ..." and "鉴权错误，可能是由于 ...": one error, explained anew
    return not record.name and meanings_differ(
        first.description,
        record.description,
        below=MEANING_DIFFERS,
        overlap_below=MEANING_OVERLAP,
    )


# Opening clauses that name no error ("Error: token expired", "失败：..."): every meaning may
# open so, and two such meanings are compared whole.
_GENERIC_LEADS = frozenset(
    {"error", "errors", "failed", "failure", "fail", "exception", "warning", "note", "info"}
    | {"错误", "失败", "异常", "警告", "提示", "注意", "说明"}
)
# Where a meaning's opening clause ends: the error's name before its explanation.
_CLAUSE_END = re.compile("[,:;(.\uff0c\uff1a\uff1b\uff08\u3002]")


def _leading_clause(description: str) -> str:
    """The clause a meaning opens with, when more follows it (鉴权错误 of "鉴权错误, access id
    或者 access key 配置错误"), folded as meanings are compared; "" for a meaning of one clause."""
    parts = _CLAUSE_END.split(description, maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        return ""
    lead = normalise_text(parts[0])
    return lead if len(lead) >= 2 and lead not in _GENERIC_LEADS else ""


def _summaries(
    records: Sequence[Record],
    redefined: Sequence[tuple[Record, Record]],
    first_any: dict[tuple[object, ...], dict[Value, Record]],
    scope: Callable[[Record], tuple[object, ...]],
) -> set[tuple[str, int]]:
    """Of the tables holding ``redefined`` rows, those that list at least CITING_SHARE of their
    values from earlier tables: summaries, whose rows cite codes whatever they say of them."""
    tables = {(record.file, record.table) for record, _ in redefined}
    cited: dict[tuple[str, int], list[int]] = {table: [0, 0] for table in tables}
    for record in records:
        table = (record.file, record.table)
        counts = cited.get(table)
        if counts is None:
            continue
        first = first_any.get(scope(record), {}).get(record.value)
        counts[0] += first is not None and (first.file, first.table) != table
        counts[1] += 1
    return {table for table, (n, total) in cited.items() if total and n >= CITING_SHARE * total}


def _index(indexes: dict[Any, dict[Value, Record]], key: object) -> dict[Value, Record]:
    """The records by value under ``key`` (made on first use, not a new dict per record)."""
    index = indexes.get(key)
    if index is None:
        index = indexes[key] = {}
    return index


def _show(value: Value) -> str:
    return str(value) if isinstance(value, int) else repr(value)
