from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

from speclint.model import Diagnostic, Severity
from speclint.registry.ranges import Category, Range, RangeOptions, parse_ranges, shared_categories
from speclint.rule import RecordSet, Rule, Scope


class CategoryOverlap(Rule):
    """## What it does
    Flags a category whose range overlaps the range of an earlier one, whether the ranges are
    configured, stated on the page or inferred (as category-range finds them, siblings'
    spacing included). An overlap of two configured or stated ranges is an error; one that
    involves an inferred range, a warning. A category that overlaps several earlier ones is one
    finding, naming the first and counting the others: never one per pair or per code.

    ## Why it matters
    Ranges exist so that a value tells which category it belongs to. When two categories share
    values, that no longer works, and the next code added to one of them can collide with a
    code of the other.

    ## Example
    ```markdown
    ### 组织架构

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_ACCOUNT_NOTEXIST | 300001 | UserId不存在 |
    | ERRCODE_ACCOUNT_AUTHFAILED | 300002 | 帐号验证失败 |
    | ERRCODE_DEPT_ROOT_FORBIDDEN | 300101 | 不能操作根部门 |
    | ERRCODE_INVALID_DEPTID | 300106 | 无效的部门ID |
    | ERRCODE_MISS_USERID | 300201 | 缺少用户ID |

    ### 群组

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_MISS_GROUPNAME | 300150 | 群名称为空 |
    | ERRCODE_OVERLIMIT_GROUPNAME | 300152 | 群名称长度超过限制 |
    | ERRCODE_GROUP_NOTEXIST | 300153 | 不存在该群 |
    | ERRCODE_GROUP_ACCESS_ERROR | 300154 | 非法访问群 |
    | ERRCODE_MISS_GROUPID | 300155 | 缺少群ID |
    ```

    ## How to fix
    Move one category to a block of its own (群组 to 500000..599999 above), or, if the two are
    really one category, put their tables under one heading. If an inferred range is wrong,
    configure the right one.

    An inferred range is a guess from the category's codes, so an overlap that involves one
    is reported only when the categories' codes themselves meet: when the span of one
    category's codes (from its lowest to its highest in its range) reaches into the other's
    range or span. Sibling categories that split one block between them (19000-19004,
    19100-19110, 19150-19154) hold no code of each other's, whatever width was inferred.

    ## Options
    - `ranges`: as for category-range, e.g. `ranges = { "组织架构" = [300000, 399999] }`;
      by default the ranges configured for category-range, so they are written once.
    - `infer`: infer ranges for sections without a configured or stated one (default `true`).
    """

    code = "SL302"
    name = "category-overlap"
    scope = Scope.REGISTRY
    Options = RangeOptions
    shared_options = MappingProxyType({"ranges": "category-range"})

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        super().__init__(options, severity)
        self.ranges = parse_ranges(self.options.ranges)

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        found = shared_categories(records, self.ranges, infer=self.options.infer)
        # (range, position on the page, category): the position breaks ties, so categories
        # themselves are never compared.
        ranged = sorted((c.range, i, c) for i, c in enumerate(found) if c.range is not None)
        # Sweep by start, keeping the ranges still open: each category is compared only with
        # those it overlaps. Each category that overlaps earlier ones is one finding, naming the
        # first of them and counting the others: never one per pair, let alone per record.
        overlapped: dict[int, tuple[int, int]] = {}  # later -> (earliest overlapped, count)
        active: list[tuple[Range, int, Category]] = []
        extents: dict[int, Range] = {}
        for current in ranged:
            active = [entry for entry in active if entry[0].high >= current[0].low]
            for entry in active:
                if not _extents_meet(entry, current, extents):
                    continue
                earlier, later = sorted((entry[1], current[1]))
                first, count = overlapped.get(later, (earlier, 0))
                overlapped[later] = (min(first, earlier), count + 1)
            active.append(current)
        for later in sorted(overlapped):
            first, count = overlapped[later]
            yield self._finding(found[first], found[later], count - 1)

    def _finding(self, earlier: Category, later: Category, others: int) -> Diagnostic:
        first, other = later.records[0], earlier.records[0]
        guessed = not (earlier.configured and later.configured)
        more = f", and {others} other categor{'y' if others == 1 else 'ies'}" if others else ""
        # A guessed range can be wrong: an overlap with one never weighs more than a warning.
        return self.report(
            first,
            f"the range {later.range} of {later.title} ({later.origin()}) overlaps the range "
            f"{earlier.range} of {earlier.title} ({earlier.origin()}){more}",
            related=[(other, f"{earlier.title} starts here")],
            subject=[first, other],
            severity=min(self.level, Severity.WARNING) if guessed else None,
        )


def _extents_meet(
    a: tuple[Range, int, Category], b: tuple[Range, int, Category], extents: dict[int, Range]
) -> bool:
    """Whether two categories whose ranges overlap really share codes: a stated range is
    what it says, an inferred one only where the category's own codes are. Blocks split
    between siblings (19100-19110 and 19150-19154, both inferred 19100..19199 or wider) hold
    no code of each other's: what overlaps is two guesses, not the categories."""
    return _extent(a, extents).overlaps(_extent(b, extents))


def _extent(entry: tuple[Range, int, Category], extents: dict[int, Range]) -> Range:
    block, position, category = entry
    if category.configured:
        return block
    known = extents.get(position)
    if known is None:
        inside = [r.value for r in category.records if r.value in block]
        known = extents[position] = Range(min(inside), max(inside)) if inside else block
    return known
