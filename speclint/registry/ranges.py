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

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from speclint.model import Record
from speclint.registry.thresholds import RANGE_MIN_BLOCK, RANGE_MIN_SHARE, RANGE_MIN_VALUES

MIN_VALUES = RANGE_MIN_VALUES
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
class Inference:
    """A range inferred from a section's values: how many of them lie in it, of how many
    (one-digit generic codes aside, unless the section is made of them)."""

    range: Range
    inside: int
    total: int

    def describe(self) -> str:
        if self.inside == self.total:
            return f"inferred from its {self.total} values"
        return f"inferred from {self.inside} of its {self.total} values"


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
    values: Sequence[int], *, min_share: float = MIN_SHARE, min_values: int = MIN_VALUES
) -> Inference | None:
    """The block most of ``values`` lie in, or None when no block holds ``min_share`` of them.

    Generic one-digit codes are left out of the evidence unless they are most of it (a section
    of basic codes such as 0..5 and -1 is inferred from them: -9..9).
    """
    specific = [v for v in values if not is_generic(v)]
    evidence = specific if len(specific) >= min_values else values
    if len(evidence) < min_values:
        return None
    size = block_size(evidence)
    counts = Counter(block_of(v, size) for v in evidence)
    # most_common keeps first-seen order on ties, so the result does not depend on hashing.
    index, inside = counts.most_common(1)[0]
    if inside < min_share * len(evidence):
        return None
    block = block_range(index, size)
    if block.low < 0 < block.high:
        # Small codes (0..9, -1) are an enumeration that grows past 9 (opcodes 0..13), not a
        # category with a range: nothing is inferred for them.
        return None
    return Inference(block, inside, len(evidence))


def configured_heading(section: Sequence[str], ranges: Mapping[str, Range]) -> str | None:
    """The nearest heading of ``section`` that has a configured range (the heading right above
    the table first, then its parents)."""
    for heading in reversed(section):
        if heading in ranges:
            return heading
    return None


def file_roots(records: Iterable[Record]) -> dict[str, tuple[str, ...]]:
    """Per file, the headings all of its tables sit under (the page title, usually)."""
    roots: dict[str, tuple[str, ...]] = {}
    for record in records:
        root = roots.get(record.file)
        if root is None:
            roots[record.file] = record.section
        elif record.section[: len(root)] != root:
            roots[record.file] = _shared_prefix(root, record.section)
    return roots


def _shared_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return a[:length]


def section_heading(section: tuple[str, ...], root: tuple[str, ...]) -> str:
    """The heading that sets a table apart: the first one below ``root``, or the table's own."""
    if len(section) > len(root):
        return section[len(root)]
    return section[-1] if section else ""


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

    @property
    def configured(self) -> bool:
        return self.range is not None and self.inference is None

    def admits(self, value: int) -> bool:
        """Whether ``value`` belongs in this category (always, when it has no range)."""
        if self.range is None or value in self.range:
            return True
        return not self.configured and is_generic(value)

    @property
    def title(self) -> str:
        return self.heading or "the untitled top of the page"

    def origin(self) -> str:
        """Where the range comes from, for messages: "configured" or how it was inferred."""
        return self.inference.describe() if self.inference is not None else "configured"


def categories(
    records: Sequence[Record],
    ranges: Mapping[str, Range],
    *,
    infer: bool = True,
    min_share: float = MIN_SHARE,
) -> list[Category]:
    """Group the integer-valued ``records`` into categories, in order of first appearance."""
    numbered = [r for r in records if isinstance(r.value, int)]
    roots = file_roots(numbered)
    groups: dict[tuple[bool, str], list[Record]] = defaultdict(list)
    for record in numbered:
        heading = configured_heading(record.section, ranges)
        if heading is not None:
            groups[(True, heading)].append(record)
        else:
            groups[(False, section_heading(record.section, roots[record.file]))].append(record)
    found = []
    for (configured, heading), members in groups.items():
        if configured:
            found.append(Category(heading, tuple(members), ranges[heading]))
            continue
        inference = None
        if infer:
            # Decimal blocks say nothing about codes written in hex (0x80000001, 0x80000101):
            # their ranges are not inferred.
            values = [
                r.value
                for r in members
                if isinstance(r.value, int)
                and not r.raw_value.lower().lstrip("-+").startswith("0x")
            ]
            inference = infer_range(values, min_share=min_share)
        found.append(
            Category(
                heading,
                tuple(members),
                inference.range if inference else None,
                inference,
            )
        )
    return found


def parse_ranges(raw: Mapping[str, Sequence[object]]) -> dict[str, Range]:
    """The configured ``ranges`` option as ranges; ``ValueError`` names the bad heading."""
    parsed = {}
    for heading, bounds in raw.items():
        try:
            parsed[heading] = Range.parse(bounds)
        except ValueError as exc:
            raise ValueError(f"ranges.{heading}: {exc}") from None
    return parsed
