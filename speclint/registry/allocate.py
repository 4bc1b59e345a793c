"""Free values of a category: what ``speclint allocate`` prints and the report's map shows.

A value is taken when a record of the registry uses it (deprecated and reserved codes included:
a client may still switch on them) or when the caller reserves it; what is left of the
category's range is free.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from speclint.registry.ranges import Range


def taken_values(values: Iterable[int], within: Range) -> list[int]:
    """The distinct values inside ``within``, in order."""
    low, high = within.low, within.high  # compared inline: this runs for every value of a map
    return sorted({v for v in values if low <= v <= high})


def free_stretches(taken: Iterable[int], within: Range) -> Iterator[Range]:
    """The runs of free values inside ``within``, lowest first."""
    start = within.low
    for value in taken_values(taken, within):
        if value > start:
            yield Range(start, value - 1)
        start = value + 1
    if start <= within.high:
        yield Range(start, within.high)


def next_free(
    taken: Iterable[int], within: Range, count: int = 1, after: int | None = None
) -> list[int]:
    """The first ``count`` free values of ``within`` (above ``after`` when given): fewer when
    the range is full."""
    found: list[int] = []
    for stretch in free_stretches(taken, within):
        low = stretch.low if after is None else max(stretch.low, after + 1)
        for value in range(low, stretch.high + 1):
            found.append(value)
            if len(found) == count:
                return found
    return found


def free_count(taken: Iterable[int], within: Range) -> int:
    return (within.high - within.low + 1) - len(taken_values(taken, within))


def slice_width(within: Range, at_most: int) -> int:
    """The width of the slices that cut ``within`` into at most ``at_most`` equal parts (the
    last one may be narrower): 1 when the range holds no more than ``at_most`` values. A picture
    of a large range aggregates its values into such slices."""
    if at_most < 1:
        raise ValueError(f"at_most must be at least 1, got {at_most}")
    size = within.high - within.low + 1
    return -(-size // at_most)  # ceiling division, exact for integers of any size
