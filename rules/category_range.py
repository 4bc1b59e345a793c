from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from speclint.model import Diagnostic, Record, Severity
from speclint.read.thresholds import CLEARLY
from speclint.registry.ranges import (
    MIN_VALUES,
    Category,
    RangeOptions,
    is_generic,
    parse_ranges,
    shared_categories,
)
from speclint.registry.row_categories import category_columns, row_categories
from speclint.registry.thresholds import GENERAL_HEAD_FEWER_DIGITS, WHOLE_CATEGORY_MIN
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class CategoryRangeOptions(RangeOptions):
    """The shared range options, and the columns that file rows under categories."""

    category_columns: tuple[str, ...] | None = None


class CategoryRange(Rule):
    """## What it does
    Flags a value outside its category's range. A category's range is, in this order: the one
    configured for its heading; the one its page states, in the heading (`## 用户模块
    (60000–69999)`) or in a sentence under it before its first table ("Codes 2000-2999 are
    reserved for payments."), when at least `DECLARED_MIN_SHARE` (50%) of its codes lie in it;
    else the one inferred from the decimal block most of its values share (300000..399999 when
    most are 3xxxxx), narrowed by tens while a sibling category sits inside it (sections at
    900000, 1000000 and 1100000 step by 100000). A value outside a configured or stated range
    is an error; outside an inferred one, a warning. When most of a category lies outside its
    range (at least `WHOLE_CATEGORY_MIN` (3) codes), that is one finding with a count.
    `speclint check -v` lists each category's range and where it comes from.

    ## Why it matters
    Clients and dashboards often classify a code by its range ("3xxxxx is an organisation
    error"). A code filed under the wrong category is misclassified everywhere, and usually
    means it was copied from another table and never renumbered.

    ## Example
    ```markdown
    ### 消息

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_TOUSER_OVERLIMIT | 200001 | toUser超过长度 |
    | ERRCODE_INVALID_TOUSER | 200007 | 无效的toUser |
    | ERRCODE_INVALID_MULTIPART | 200008 | 上传文件格式失败 |
    | ERRCODE_INVALID_FILETYPE | 200009 | 无效的文件类型 |
    | ERRCODE_FILE_NOTEXIST | 200010 | 资源文件不存在 |
    | ERRCODE_FILE_TOOLARGE | 200011 | 文件过大 |
    | ERRCODE_MSG_RECALLED | 200012 | 消息已撤回 |
    | ERRCODE_MSG_TOOLONG | 200013 | 消息过长 |
    | ERRCODE_MSG_EMPTY | 200014 | 消息为空 |
    | ERRCODE_GROUP_NOTEXIST | 300015 | 群不存在 |
    ```

    ## How to fix
    Renumber the code into its category's range, or move the row to the table of the category
    its value belongs to. If an inferred range is wrong, configure the right one.

    A section, for inference, is the heading that sets a table apart from the page's other
    tables; tables under sub-headings of one category share its range. Only integer values are
    checked, and a section needs at least `RANGE_MIN_VALUES` (5) of them, `RANGE_MIN_SHARE`
    (nine in ten) in one block, for a range to be inferred (an HTTP table of eight statuses, seven of them 4xx, says nothing about 200).
    Nothing is inferred for small codes (0..9, -1): they are an enumeration that grows past 9;
    one-digit codes such as 0 (success) and -1 (unknown error), which pages list beside any
    category's codes, are never outside an inferred range, and neither is a success code
    (`OK`, `SUCCESS`, `成功`: `Ok (200)` heading a table of 400002xxx codes). A category
    inferred to HTTP's 4xx or 5xx block (`HTTP_ERROR_CLASS_LOW`) is numbered like HTTP
    statuses: a status of the other error class (500 beside 401..422) follows HTTP's split of errors
    and is no stray, unless a sibling category is numbered in that class. So do codes that begin
    with a status (`-4040201`, `40401`), when at least `HTTP_PREFIX_MIN_STATUSES` (3) registered
    error statuses, spread over `HTTP_PREFIX_MIN_SPREAD` (2) times as many numbers, begin its
    codes: `-5000101` beside them is a server error.
    A table that opens with a one-digit general code (0, -1) may list more general codes, at
    least `GENERAL_HEAD_FEWER_DIGITS` (2) digits shorter than the range and in no other
    category's range, before its first code inside it (`0, 2, 20` above `10000..`): they are
    what every part of the service returns, not strays.

    ## Options
    - `ranges`: a table of heading to `[low, high]` (inclusive), e.g.
      `ranges = { "组织架构" = [300000, 399999] }`. A heading matches the tables right below it
      and those under its sub-headings; the nearest configured heading wins.
    - `infer`: infer ranges for sections without a configured or stated one (default `true`).
      A configured range pins the category's: it wins over what the page states or implies.
    - `category-columns`: the headers of table columns that file rows under categories
      (`["错误分类"]`), instead of inferring them; `[]` for none. A code outside an inferred
      range that such a column files under a category of its own, one no code inside the
      range shares, on rows opening or closing their table, and written with fewer digits
      than the range (`基础错误 | 500` above `身份验证错误 | 1000`), is not reported; a
      category between ranged ones is one of their series, and a code with a digit too many
      (`Payout | 40030` after 4021) a stray.
    """

    code = "SL301"
    name = "category-range"
    scope = Scope.REGISTRY
    Options = CategoryRangeOptions

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        super().__init__(options, severity)
        self.ranges = parse_ranges(self.options.ranges)

    def _categories(self, records: RecordSet) -> list[Category]:
        return shared_categories(records, self.ranges, infer=self.options.infer)

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        found = self._categories(records)
        for category in found:
            if category.range is None:
                continue
            numbered = [r for r in category.records if isinstance(r.value, int)]
            outside = [r for r in numbered if not category.admits(r.value)]  # type: ignore[arg-type]
            if len(outside) >= WHOLE_CATEGORY_MIN and len(outside) >= CLEARLY * len(numbered):
                # The range does not describe the category at all: one problem, not one per code.
                yield self._whole_category(outside, len(numbered), category)
                continue
            outside = _after_general_head(outside, category, found)
            for record in self._not_set_apart(outside, category, records):
                yield self._finding(record, category)

    def _not_set_apart(
        self, outside: list[Record], category: Category, records: RecordSet
    ) -> list[Record]:
        """``outside`` but the codes a category column of their table files under a category
        of their own (``speclint.registry.row_categories``): a label no code inside the range
        shares, in any table of the category, given to rows that open or close their table
        (``基础错误 | 500`` above the ranged categories), written with fewer digits than the
        range. A label between two ranged ones is one of the series, its code a stray
        (``Refund | 40020`` between 4012 and 4030), and so is a code with a digit too many
        (``Payout | 40030`` after 4021). A configured or stated range is the category's
        whatever a column says."""
        if category.inference is None or not outside:
            return outside
        tables = {(record.file, record.table) for record in category.records}
        labels = row_categories(records.records, tables, self.options.category_columns)
        if not labels:
            return outside
        strays = {id(r) for r in outside}
        inside = [r for r in category.records if id(r) not in strays]
        ranged = {labels.get(id(r)) for r in inside}
        # Per table, the lines of its codes inside the range.
        spans: dict[tuple[str, int], tuple[int, int]] = {}
        for r in inside:
            low, high = spans.get((r.file, r.table), (r.line, r.line))
            spans[r.file, r.table] = (min(low, r.line), max(high, r.line))
        # Per table and label, the lines of its codes outside the range (once, not per code).
        groups: dict[tuple[str, int, str | None], list[int]] = {}
        for r in outside:
            groups.setdefault((r.file, r.table, labels.get(id(r))), []).append(r.line)
        kept = []
        for record in outside:
            label = labels.get(id(record))
            if label is None or label in ranged:
                kept.append(record)
                continue
            group = groups[record.file, record.table, label]
            low, high = spans.get((record.file, record.table), (0, 0))
            if low <= max(group) and min(group) <= high:
                kept.append(record)  # among the ranged categories: one of the series
            elif _digits(record) >= _digits_of(category):
                kept.append(record)  # 40030 after 4001..4021: the series with a digit too many
        return kept

    def explain(self, records: RecordSet) -> Iterator[str]:
        found = self._categories(records)
        for category in found:
            if category.range is None:
                numbered = sum(1 for r in category.records if isinstance(r.value, int))
                why = (
                    f"fewer than {MIN_VALUES} values to infer one from"
                    if numbered < MIN_VALUES
                    else "its values share no block of codes"
                )
                yield f"range of {category.title}: none ({why})"
            else:
                line = f"range of {category.title}: {category.range} ({category.origin()})"
                if category.statuses:
                    statuses = ", ".join(str(v) for v in sorted(category.statuses))
                    line += (
                        f"; numbered by HTTP status, it admits the other error class: {statuses}"
                    )
                yield line
        every = {(record.file, record.table) for record in records.records}
        lines = {(table.file, table.index): table.line for table in records.tables}
        columns = category_columns(records.records, every, self.options.category_columns)
        for (file, index), (header, _) in sorted(columns.items()):
            where = f"{file}:{lines[file, index]}" if (file, index) in lines else file
            yield (
                f"table at {where}: column {header!r} files rows under categories (a code it "
                f"files apart from every code inside an inferred range is not outside it)"
            )

    def _finding(self, record: Record, category: Category) -> Diagnostic:
        message = f"{record.title} is outside the range {category.range} {_how(category)}"
        if category.inference is not None:
            message += (
                f" ({category.origin()}; configure rules.category-range.ranges if "
                f"{category.title} has another range)"
            )
        return self.report(record, message, severity=self._severity(category))

    def _whole_category(self, outside: list[Record], total: int, category: Category) -> Diagnostic:
        first = outside[0]
        message = (
            f"{len(outside)} of the {total} codes of {category.title} lie outside the range "
            f"{category.range} {_how(category)}, starting with {first.title}"
        )
        return self.report(first, message, subject=outside, severity=self._severity(category))

    def _severity(self, category: Category) -> Severity | None:
        # A guessed range can be wrong: it never weighs more than a warning.
        return None if category.configured else min(self.level, Severity.WARNING)


def _after_general_head(
    outside: list[Record], category: Category, found: Sequence[Category]
) -> list[Record]:
    """``outside`` but the general codes a table opens with: a table whose first code is a
    one-digit general one (0 success, -1 busy) lists the codes every part of a service returns
    before its own (``0, 2, 20`` above ``10000..``), so codes before its first code inside the
    range, at least GENERAL_HEAD_FEWER_DIGITS digits shorter than the range, are no strays.
    A code among the series (200 between 20007 and 20008), one opening a table without a
    general code above it, one digit short (1004 above 10001..: a digit lost), or inside
    another category's range (a client's 1009 atop the server's 20001..) stays outside."""
    if category.inference is None or category.range is None or not outside:
        return outside
    strays = {id(r) for r in outside}
    tables: dict[tuple[str, int], list[Record]] = {}
    for record in category.records:
        tables.setdefault((record.file, record.table), []).append(record)
    shorter = _digits_of(category) - GENERAL_HEAD_FEWER_DIGITS
    others = [c.range for c in found if c is not category and c.range is not None]
    head: set[int] = set()
    for rows in tables.values():
        rows.sort(key=lambda r: r.line)
        if not (isinstance(rows[0].value, int) and is_generic(rows[0].value)):
            continue
        for record in rows:
            if id(record) not in strays:
                if record.value in category.range:
                    break  # the table's own series starts here
            elif _digits(record) > shorter:
                break
            elif not any(record.value in other for other in others):
                head.add(id(record))
    return [r for r in outside if id(r) not in head] if head else outside


def _digits(record: Record) -> int:
    return len(str(abs(record.value))) if isinstance(record.value, int) else 0


def _digits_of(category: Category) -> int:
    """The digits of the lowest value of the category's range."""
    assert category.range is not None
    return len(str(abs(category.range.low)))


def _how(category: Category) -> str:
    """How a message names where the range comes from."""
    if category.inference is not None:
        return f"inferred for {category.title}"
    return f"{category.origin()} for {category.title}"
