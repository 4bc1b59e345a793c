"""Value ranges of code categories, configured or inferred: shared by category-range (SL301)
and category-overlap (SL302).

A category is a group of tables whose codes share a range. When the configuration names a range
for a heading (``ranges = { "组织架构" = [300000, 399999] }``), every record under that heading
(directly or further down) belongs to it. Any other record belongs to the category of its
section, whose range is inferred from the decimal block most of the section's values share:
300000..399999 when most values are 3xxxxx.

For inference a section is the heading that tells a table apart from the page's other tables:
the first heading below those that all the page's tables share. On a page titled ``# 全局状态码``
with ``### 消息`` and ``### 群组`` below it, that is 消息 or 群组; sub-headings of a category
(``## 组织架构`` / ``### 部门``) pool their values into it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from speclint.model import DeclaredRange, Record
from speclint.read.thresholds import HTTP_STATUS_HIGH
from speclint.read.values import parse_value
from speclint.registry.categories import file_roots, group_by_section, section_heading
from speclint.registry.conventions import is_success
from speclint.registry.thresholds import (
    DECLARED_MIN_SHARE,
    HTTP_ERROR_CLASS_LOW,
    HTTP_PREFIX_MIN_SPREAD,
    HTTP_PREFIX_MIN_STATUSES,
    RANGE_MAX_DIGITS,
    RANGE_MIN_BLOCK,
    RANGE_MIN_SHARE,
    RANGE_MIN_VALUES,
    SIBLING_NARROWING_MIN_BLOCK,
    SIBLING_NARROWING_SHARE,
    WHOLE_CATEGORY_MIN,
)
from speclint.rule import RecordSet

MIN_VALUES = RANGE_MIN_VALUES
_BIT_FIELD_MAGNITUDE = 10**RANGE_MAX_DIGITS
MIN_SHARE = RANGE_MIN_SHARE
MIN_BLOCK = RANGE_MIN_BLOCK


@dataclass(frozen=True)
class RangeOptions:
    """The options category-range and category-overlap share (written once, under
    ``[rules.category-range]``; category-overlap reads them from there)."""

    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    infer: bool = True


def is_generic(value: int) -> bool:
    """0 (success), -1 (unknown error) and other one-digit codes: pages list them beside any
    category's codes, so they neither shape an inferred range nor fall outside one."""
    return -MIN_BLOCK < value < MIN_BLOCK


@dataclass(frozen=True, slots=True, order=True)
class Range:
    """An inclusive range of integer codes."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"the range [{self.low}, {self.high}] is empty (low > high)")

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.low <= value <= self.high

    def overlaps(self, other: Range) -> bool:
        return self.low <= other.high and other.low <= self.high

    def __str__(self) -> str:
        return f"{self.low}..{self.high}"

    @classmethod
    def parse(cls, bounds: Sequence[object]) -> Range:
        """A range from a configured ``[low, high]`` pair; ``ValueError`` says what is wrong."""
        match list(bounds):
            case [int(low), int(high)] if not isinstance(low, bool) and not isinstance(high, bool):
                return cls(low, high)
        raise ValueError(f"expected [low, high] with two integers, got {list(bounds)!r}")


@dataclass(frozen=True, slots=True)
class Sibling:
    """Another category of the registry, and where its codes sit (their median)."""

    heading: str
    position: int


class SiblingIndex:
    """Where the categories of a registry sit, sorted, so that "which sibling sits inside this
    block?" is a binary search, not a scan of every category (pages hold thousands)."""

    def __init__(self, siblings: Iterable[Sibling]) -> None:
        self._sorted = sorted(siblings, key=lambda s: (s.position, s.heading))
        self._positions = [s.position for s in self._sorted]

    def inside(self, block: Range, other_than: str = "") -> Sibling | None:
        """The first sibling (by position) inside ``block`` that is not ``other_than``."""
        index = bisect_left(self._positions, block.low)
        while index < len(self._sorted) and self._positions[index] <= block.high:
            sibling = self._sorted[index]
            if sibling.heading != other_than:
                return sibling
            index += 1
        return None


@dataclass(frozen=True, slots=True)
class Inference:
    """A range inferred from a section's values: how many of them lie in it, of how many
    (one-digit generic codes aside, unless the section is made of them), and the sibling
    category whose codes made the block narrower than the values' magnitude suggests."""

    range: Range
    inside: int
    total: int
    narrowed_by: Sibling | None = None

    def describe(self) -> str:
        if self.inside == self.total:
            text = f"inferred from its {self.total} values"
        else:
            text = f"inferred from {self.inside} of its {self.total} values"
        if self.narrowed_by is not None:
            width = self.range.high - self.range.low + 1
            text += (
                f" and the spacing of its siblings: {width} wide, as {self.narrowed_by.heading} "
            )
            text += f"sits at {self.narrowed_by.position}"
        return text


def digits(value: int) -> int:
    return len(str(abs(value)))


def block_size(values: Iterable[int]) -> int:
    """The width of a category's block, from the most common magnitude of its values.

    Six-digit codes are grouped by their leading digit (blocks of 100000), three-digit codes by
    the hundred. On a tie the larger magnitude wins: big codes carry the category, small ones
    are usually the odd generic code.
    """
    counts = Counter(digits(v) for v in values)
    if not counts:
        return MIN_BLOCK
    width = max(counts, key=lambda d: (counts[d], d))
    return max(MIN_BLOCK, 10 ** (width - 1))


def block_of(value: int, size: int) -> int:
    """The block index of ``value``, rounding toward zero so that -1 shares 0's block."""
    index = abs(value) // size
    return index if value >= 0 else -index


def block_range(index: int, size: int) -> Range:
    """The codes of block ``index``. The zero block is symmetric (-9..9 for blocks of ten): small
    negative codes such as -1 ("unknown error") sit beside 0 by convention."""
    if index == 0:
        return Range(-(size - 1), size - 1)
    if index > 0:
        return Range(index * size, (index + 1) * size - 1)
    return Range((index - 1) * size + 1, index * size)


def infer_range(
    values: Sequence[int],
    *,
    siblings: Sequence[Sibling] | SiblingIndex = (),
    heading: str = "",
    min_share: float = MIN_SHARE,
    min_values: int = MIN_VALUES,
) -> Inference | None:
    """The block most of ``values`` lie in, or None when no block holds ``min_share`` of them.

    The block's width starts from the values' magnitude (six-digit codes: blocks of 100000) and
    narrows by tens while a sibling category sits inside it and the values still fit a narrower
    block: sections at 900000, 1000000 and 1100000 step by 100000, so the one at 1000000 is
    1000000..1099999, not 1000000..1999999. It does not narrow past a block the values
    fill in part only, when those left out fill a block of their own (WHOLE_CATEGORY_MIN of them:
    103xxx beside 105001-105009 is one category of two sub-blocks). Generic one-digit codes are left out of the evidence
    unless they are most of it (a section of basic codes such as 0..5 and -1: -9..9).
    """
    index = siblings if isinstance(siblings, SiblingIndex) else SiblingIndex(siblings)
    if _enumeration(values):
        return None  # opcodes 0..20: an enumeration that grows past a block, no category
    if sum(1 for v in values if abs(v) >= _BIT_FIELD_MAGNITUDE) * 2 > len(values):
        return None  # -2134351803: an HRESULT's bits written in decimal, no decimal block
    specific = [v for v in values if not is_generic(v)]
    evidence = specific if len(specific) >= min_values else values
    if len(evidence) < min_values:
        return None
    size = block_size(evidence)
    fit = _fit(evidence, size, min_share)
    if fit is None:
        return None
    narrowed_by = None
    while size > MIN_BLOCK:
        block = block_range(fit[0], size)
        intruder = index.inside(block, other_than=heading)
        if intruder is None:
            break
        # A sibling inside the block is evidence of its own: a narrower block of at least a
        # hundred codes needs only most of the values (42xx with one stray 4312 beside 40xx and
        # 41xx siblings). Blocks of ten are too fine to tell a stray from interleaved siblings.
        relaxed = size // 10 >= SIBLING_NARROWING_MIN_BLOCK
        share = min(min_share, SIBLING_NARROWING_SHARE) if relaxed else min_share
        narrower = _fit(evidence, size // 10, share)
        if narrower is None:
            break  # the values do not fit a narrower block: the categories really overlap
        if relaxed and _sub_block_left_out(evidence, size // 10, narrower[0]):
            break  # 105001-105009 beside 103xxx: a sub-block of the category, not strays
        size, fit, narrowed_by = size // 10, narrower, intruder
    block = block_range(fit[0], size)
    if block.low < 0 < block.high:
        # Small codes (0..9, -1) are an enumeration that grows past 9 (opcodes 0..13), not a
        # category with a range: nothing is inferred for them.
        return None
    return Inference(block, fit[1], len(evidence), narrowed_by)


def _enumeration(values: Sequence[int]) -> bool:
    """Whether ``values`` count up from 0 or 1 without a gap (opcodes 0..20): an enumeration,
    whose blocks of ten mean nothing."""
    distinct = set(values)
    low, high = min(distinct, default=0), max(distinct, default=0)
    return 0 <= low <= 1 and high >= MIN_BLOCK and len(distinct) == high - low + 1


def _sub_block_left_out(values: Sequence[int], size: int, kept: int) -> bool:
    """Whether the values a narrower block would leave out hold a block of their own: at
    least WHOLE_CATEGORY_MIN of them in one other block of ``size`` (a sub-block the category
    fills, not a stray or two)."""
    counts = Counter(block_of(v, size) for v in values)
    counts.pop(kept, None)
    return any(n >= WHOLE_CATEGORY_MIN for n in counts.values())


def _fit(values: Sequence[int], size: int, min_share: float) -> tuple[int, int] | None:
    """The block of ``size`` holding the most values and how many, if that is enough."""
    counts = Counter(block_of(v, size) for v in values)
    # most_common keeps first-seen order on ties, so the result does not depend on hashing.
    index, inside = counts.most_common(1)[0]
    return (index, inside) if inside >= min_share * len(values) else None


def configured_heading(section: Sequence[str], ranges: Mapping[str, Range]) -> str | None:
    """The nearest heading of ``section`` that has a configured range (the heading right above
    the table first, then its parents)."""
    for heading in reversed(section):
        if heading in ranges:
            return heading
    return None


@dataclass(frozen=True, slots=True)
class Category:
    """The integer-valued records that share a range, and where the range comes from.

    ``inference`` is None for a configured range. ``range`` is None when nothing is configured
    and no block holds enough of the values to infer one.
    """

    heading: str
    records: tuple[Record, ...]
    range: Range | None
    inference: Inference | None = None
    declared: DeclaredRange | None = None  # the page states the range itself
    # The values of its success codes (Ok 200 heading 4000020xx codes), when the range is
    # inferred: like 0, the code for no error belongs to no category and lies outside none.
    successes: frozenset[int] = frozenset()
    # HTTP statuses of another class than an HTTP-numbered category's (``http_statuses``).
    statuses: frozenset[int] = frozenset()

    @property
    def configured(self) -> bool:
        """Whether the range is stated (in the configuration or on the page), not guessed."""
        return self.range is not None and self.inference is None

    def admits(self, value: int) -> bool:
        """Whether ``value`` belongs in this category (always, when it has no range)."""
        if self.range is None or value in self.range:
            return True
        return not self.configured and (
            is_generic(value) or value in self.successes or value in self.statuses
        )

    @property
    def title(self) -> str:
        return self.heading or "the untitled top of the page"

    def origin(self) -> str:
        """Where the range comes from, for messages: configured, declared or how inferred."""
        if self.inference is not None:
            return self.inference.describe()
        if self.declared is not None:
            where = "heading" if self.declared.source == "heading" else "text"
            return f"declared by the {where} on line {self.declared.line}"
        return "configured"


def categories(
    records: Sequence[Record],
    ranges: Mapping[str, Range],
    *,
    infer: bool = True,
    declared: Sequence[DeclaredRange] = (),
    min_share: float = MIN_SHARE,
) -> list[Category]:
    """Group the integer-valued ``records`` into categories, in order of first appearance.

    A category's range is the configured one, else the one its page declares in the heading
    or the text under it (when it holds DECLARED_MIN_SHARE of its codes), else the inferred one.
    """
    numbered = [r for r in records if isinstance(r.value, int)]
    roots = file_roots(numbered)

    def category_of(file: str, section: tuple[str, ...]) -> tuple[bool, str]:
        heading = configured_heading(section, ranges)
        if heading is not None:
            return (True, heading)
        return (False, section_heading(section, roots[file]))

    groups = group_by_section(numbered, category_of)
    # Statements indexed by each heading above them: a category looks only at its own, not at
    # every statement of the run (a 10,000-section page would make that quadratic).
    stated: dict[str, list[DeclaredRange]] = defaultdict(list)
    for statement in declared:
        if statement.source != "row":
            for title in set(statement.section):
                stated[title].append(statement)
    statements = {
        key: _declared_for(key[1], members, stated.get(key[1], ()))
        for key, members in groups.items()
        if not key[0]
    }
    siblings = SiblingIndex(
        position
        for key, members in groups.items()
        if (position := _position(key, members, ranges, statements.get(key))) is not None
    )
    found = []
    twinned = _hex_twinned_tables(numbered)
    places = _Places(groups)
    for (configured, heading), members in groups.items():
        if configured:
            found.append(Category(heading, tuple(members), ranges[heading]))
            continue
        statement = statements[(configured, heading)]
        if statement is not None:
            own = Range(statement.low, statement.high)
            found.append(Category(heading, tuple(members), own, declared=statement))
            continue
        inference = None
        if infer:
            # Decimal blocks say nothing about codes written in hex (0x80000001, 0x80000101),
            # nor about codes whose row gives them in hex too (| 1280 | 0x500 |): such codes
            # are laid out in hex blocks (0x500..0x5FF), and their ranges are not inferred.
            decimal = [
                r.value
                for r in members
                if isinstance(r.value, int)
                and not r.raw_value.lower().lstrip("-+").startswith("0x")
                and not (twinned and (r.file, r.table) in twinned)
            ]
            inference = infer_range(
                decimal, siblings=siblings, heading=heading, min_share=min_share
            )
        successes = (
            frozenset(r.value for r in members if isinstance(r.value, int) and is_success(r))
            if inference
            else frozenset()
        )
        found.append(
            Category(
                heading,
                tuple(members),
                inference.range if inference else None,
                inference,
                successes=successes,
                statuses=http_statuses(members, inference, places, heading),
            )
        )
    return found


_HTTP_CLASS = 100
# HTTP's registered error statuses (the IANA registry, RFC 9110 and its companions): the prefixes
# of codes that embed a status (-4040201, 50001). 418 and 419-420 are not registered.
_REGISTERED_ERROR_STATUSES = frozenset(
    (*range(400, 418), *range(421, 427), 428, 429, 431, 451, *range(500, 509), 510, 511)
)


def http_statuses(
    members: Sequence[Record], inference: Inference | None, places: _Places, heading: str
) -> frozenset[int]:
    """The HTTP statuses a category numbered like HTTP's errors admits outside its block: the
    other error class (5xx beside 4xx, 4xx beside 5xx), never 1xx to 3xx.

    A table of 401..422 business codes or of HTTP statuses lists 500 (server error) beside
    them: HTTP splits its errors into two classes, and the codes follow it. So do codes that
    embed a status in their leading digits (-4040201 beside -5000101; ``_prefixed_by_status``).
    A status no other category has a code in is that split, not a stray; where one has (orders
    at 4xx, payments at 5xx, however few) it is filed in the wrong category, and so is a code
    inside a series of one status (50403 between 40402 and 40404: a typo)."""
    if inference is None:
        return frozenset()
    block = inference.range
    scale, remainder = divmod(block.high - block.low + 1, _HTTP_CLASS)
    first = min(abs(block.low), abs(block.high))  # 4000000 for -4999999..-4000000
    if (
        remainder
        or first % scale
        or not (HTTP_ERROR_CLASS_LOW <= first // scale <= HTTP_STATUS_HIGH)
    ):
        return frozenset()
    if scale > 1 and not _prefixed_by_status(members, block, scale):
        return frozenset()
    admitted = set()
    width = _HTTP_CLASS * scale
    for index, record in enumerate(members):
        value = record.value
        if not isinstance(value, int) or value in block or (value < 0) != (block.high < 0):
            continue
        if scale == 1:
            is_status = HTTP_ERROR_CLASS_LOW <= value <= HTTP_STATUS_HIGH
        else:
            is_status = abs(value) // scale in _REGISTERED_ERROR_STATUSES
        if not is_status or _inside_series(members, index, block, scale):
            continue
        its_class = block_range(block_of(value, width), width)
        if not places.taken(its_class, other_than=heading):
            admitted.add(value)
    return frozenset(admitted)


def _prefixed_by_status(members: Sequence[Record], block: Range, scale: int) -> bool:
    """Whether the codes of ``block`` begin with HTTP error statuses (-4040201 is 404's error
    0201): each code's leading three digits a registered status, at least
    HTTP_PREFIX_MIN_STATUSES of them, spread over HTTP_PREFIX_MIN_SPREAD times as many numbers
    (400, 401, 404, 409, 429; 400, 401, 403, 404 are blocks of a hundred counted up, one
    retired). Blocks of ten or less (4001..4010) are a count."""
    if scale < _HTTP_CLASS:
        return False
    prefixes = {
        abs(r.value) // scale for r in members if isinstance(r.value, int) and r.value in block
    }
    return (
        len(prefixes) >= HTTP_PREFIX_MIN_STATUSES
        and prefixes <= _REGISTERED_ERROR_STATUSES
        and max(prefixes) - min(prefixes) + 1 >= HTTP_PREFIX_MIN_SPREAD * len(prefixes)
    )


def _inside_series(members: Sequence[Record], index: int, block: Range, scale: int) -> bool:
    """Whether ``members[index]`` sits between two codes of its table that begin with one
    status and number on around it (40402, 50403, 40404): a typo in their series."""
    if scale == 1 or not 0 < index < len(members) - 1:
        return False
    before, record, after = members[index - 1], members[index], members[index + 1]
    if not (before.table == record.table == after.table and before.file == after.file):
        return False
    values = (before.value, record.value, after.value)
    if not all(isinstance(v, int) for v in values):
        return False
    low, mine, high = (abs(v) for v in values)  # type: ignore[arg-type]
    return (
        before.value in block
        and after.value in block
        and low // scale == high // scale
        and low % scale < mine % scale < high % scale
    )


class _Places:
    """Where the categories of a registry have codes, sorted by value, asked lazily: only a
    category numbered like HTTP statuses asks whether another has a code in a block."""

    def __init__(self, groups: Mapping[tuple[bool, str], Sequence[Record]]) -> None:
        self._groups = groups
        self._values: list[int] = []
        self._headings: list[str] = []

    def taken(self, block: Range, other_than: str) -> bool:
        """Whether a category other than ``other_than`` has a code inside ``block``."""
        if not self._values and self._groups:
            pairs = sorted(
                (r.value, heading)
                for (_, heading), members in self._groups.items()
                for r in members
                if isinstance(r.value, int)
            )
            self._values = [value for value, _ in pairs]
            self._headings = [heading for _, heading in pairs]
            self._groups = {}
        index = bisect_left(self._values, block.low)
        while index < len(self._values) and self._values[index] <= block.high:
            if self._headings[index] != other_than:
                return True
            index += 1
        return False


def _hex_twinned_tables(records: Sequence[Record]) -> set[tuple[str, int]]:
    """The tables that give each code in hex too, in a column of their own (``| 1280 | 0x500
    |``): asked of each table's first code (a layout is the table's), in one pass over records
    that come table by table."""
    twinned: set[tuple[str, int]] = set()
    last_file, last_table = "", -1
    for record in records:
        if record.table == last_table and record.file == last_file:
            continue
        last_file, last_table = record.file, record.table
        if any(
            cell.role != "value"
            and cell.text[:2].lower() == "0x"
            and parse_value(cell.text) == record.value
            for cell in record.cells
        ):
            twinned.add((record.file, record.table))
    return twinned


def _position(
    key: tuple[bool, str],
    members: Sequence[Record],
    ranges: Mapping[str, Range],
    statement: DeclaredRange | None,
) -> Sibling | None:
    """Where a category sits, for its siblings' inference: the start of its stated range, else
    the lower median of its codes when there are enough of them to mean something."""
    configured, heading = key
    if configured:
        return Sibling(heading, ranges[heading].low)
    if statement is not None:
        return Sibling(heading, statement.low)
    values = sorted(
        r.value for r in members if isinstance(r.value, int) and not is_generic(r.value)
    )
    if len(values) < MIN_VALUES:
        return None
    return Sibling(heading, values[(len(values) - 1) // 2])


def _declared_for(
    heading: str, members: Sequence[Record], stated: Sequence[DeclaredRange]
) -> DeclaredRange | None:
    """The range the page states for a category: in the category's heading or one below it,
    on a page of its records, holding enough of its codes to be its range (a heading "2019-2020
    changes" or "retry after 1-5 s" is not)."""
    files = {r.file for r in members}
    sections = {r.section for r in members}
    values = [r.value for r in members if isinstance(r.value, int)]
    candidates = [
        d
        for d in stated
        if d.file in files and any(section[: len(d.section)] == d.section for section in sections)
    ]
    for statement in sorted(candidates, key=lambda d: -len(d.section)):
        inside = sum(1 for v in values if statement.low <= v <= statement.high)
        if values and inside >= DECLARED_MIN_SHARE * len(values):
            return statement
    return None


def parse_ranges(raw: Mapping[str, Sequence[object]]) -> dict[str, Range]:
    """The configured ``ranges`` option as ranges; ``ValueError`` names the bad heading."""
    parsed = {}
    for heading, bounds in raw.items():
        try:
            parsed[heading] = Range.parse(bounds)
        except ValueError as exc:
            raise ValueError(f"ranges.{heading}: {exc}") from None
    return parsed


def shared_categories(
    records: RecordSet, ranges: Mapping[str, Range], *, infer: bool = True
) -> list[Category]:
    """``categories`` of a record set's definitions and the ranges its pages state, worked out
    once per record set for every rule that asks with the same options (category-range and
    category-overlap share theirs)."""
    key = ("categories", tuple(ranges.items()), infer)
    return records.derived(
        key,
        lambda: categories(records.records, ranges, infer=infer, declared=records.declared_ranges),
    )
