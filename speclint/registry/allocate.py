"""Free values of a category: what ``speclint allocate`` prints and the report's map shows.

A value is taken when a record of the registry uses it (deprecated and reserved codes included:
a client may still switch on them) or when the caller reserves it; what is left of the
category's range is free.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from speclint.model import Record
from speclint.registry.lifecycle import Markers
from speclint.registry.ranges import Range


def taken_values(values: Iterable[int], within: Range) -> list[int]:
    """The distinct values inside ``within``, in order."""
    low, high = within.low, within.high  # compared inline: this runs for every value of a map
    return sorted({v for v in values if low <= v <= high})


def free_stretches(
    taken: Iterable[int], within: Range, reserved: Iterable[Range] = ()
) -> Iterator[Range]:
    """The runs of free values inside ``within``, lowest first. ``reserved`` are whole ranges
    held back (a table row "-32099 to -32000 | reserved for implementations"), however large."""
    # (low, high) pairs rather than Ranges: this runs for every value of every map.
    blocked = [(v, v) for v in taken_values(taken, within)]
    extra = [(r.low, r.high) for r in reserved if r.overlaps(within)]
    if extra:
        blocked = sorted([*blocked, *extra])
    start = within.low
    for low, high in blocked:
        if low > start:
            yield Range(start, min(low - 1, within.high))
        start = max(start, high + 1)
        if start > within.high:
            return
    yield Range(start, within.high)


def next_free(
    taken: Iterable[int],
    within: Range,
    count: int = 1,
    after: int | None = None,
    reserved: Iterable[Range] = (),
) -> list[int]:
    """The first ``count`` free values of ``within`` (above ``after`` when given): fewer when
    the range is full."""
    found: list[int] = []
    for stretch in free_stretches(taken, within, reserved):
        low = stretch.low if after is None else max(stretch.low, after + 1)
        for value in range(low, stretch.high + 1):
            found.append(value)
            if len(found) == count:
                return found
    return found


def free_count(taken: Iterable[int], within: Range, reserved: Iterable[Range] = ()) -> int:
    return sum(s.high - s.low + 1 for s in free_stretches(taken, within, reserved))


def slice_width(within: Range, at_most: int) -> int:
    """The width of the slices that cut ``within`` into at most ``at_most`` equal parts (the
    last one may be narrower): 1 when the range holds no more than ``at_most`` values. A picture
    of a large range aggregates its values into such slices."""
    if at_most < 1:
        raise ValueError(f"at_most must be at least 1, got {at_most}")
    size = within.high - within.low + 1
    return -(-size // at_most)  # ceiling division, exact for integers of any size


@dataclass(frozen=True, slots=True)
class Allocation:
    """Free values of a category's range, and what was skipped to find them."""

    values: tuple[int, ...]
    taken: int  # values of the range in use or reserved
    deprecated: int  # codes of the range marked deprecated: in use all the same
    reserved: int  # codes of the range marked reserved, and reserved spans (range rows)
    after: int | None  # the highest value in use, when only values above it were considered
    free_in_gaps: int  # free values below ``after`` (what --gaps would consider)


def allocate(
    records: Sequence[Record],
    within: Range,
    count: int,
    *,
    reserved: Sequence[Range] = (),
    fill_gaps: bool = False,
    markers: Markers | None = None,
) -> Allocation:
    """The first ``count`` free values of ``within`` given the registry's ``records`` and the
    spans its pages reserve (rows such as ``300100-300199 | 保留``).

    Every value a record uses is taken, deprecated and reserved codes included (a client may
    still switch on them), and so is every value of a reserved span. By default only values
    above the highest one taken are offered: a gap may be a code that was removed but that old
    clients still know. ``fill_gaps`` offers the lowest free values instead.
    """
    markers = markers or Markers()
    taken: set[int] = set()
    deprecated = reserved_count = 0
    for record in records:
        if not isinstance(record.value, int) or record.value not in within:
            continue
        taken.add(record.value)
        deprecated += markers.is_deprecated(record)
        reserved_count += markers.is_reserved(record)
    for span in reserved:
        if span.overlaps(within):
            taken.update(range(max(span.low, within.low), min(span.high, within.high) + 1))
            reserved_count += 1
    after = None if fill_gaps or not taken else max(taken)
    values = next_free(taken, within, count, after)
    in_gaps = 0 if after is None else free_count(taken, Range(within.low, after))
    return Allocation(tuple(values), len(taken), deprecated, reserved_count, after, in_gaps)
