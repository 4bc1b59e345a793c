"""Free values of a category: what ``speclint allocate`` prints and the report's map shows.

A value is taken when a record of the registry uses it (deprecated and reserved codes included:
a client may still switch on them) or when the caller reserves it; what is left of the
category's range is free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from speclint.model import Record
from speclint.registry.lifecycle import Markers
from speclint.registry.ranges import Range


def taken_values(values: Iterable[int], within: Range) -> list[int]:
    """The distinct values inside ``within``, in order."""
    return sorted({v for v in values if v in within})


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


# A row that claims a whole span of values rather than one: "300100-300199 | 保留".
_SPAN = re.compile(
    r"\s*(-?[0-9]+)\s*(?:-|~|\u301c|\uff5e|\u2013|\u2014|\.\.|至|到)\s*(-?[0-9]+)\s*"
)


def claimed_span(record: Record) -> Range | None:
    """The values a row written as a span (``300100-300199``, ``300100~300199``) claims."""
    if not isinstance(record.value, str):
        return None
    match = _SPAN.fullmatch(record.value)
    if match is None:
        return None
    low, high = int(match[1]), int(match[2])
    return Range(low, high) if low <= high else None


@dataclass(frozen=True, slots=True)
class Allocation:
    """Free values of a category's range, and what was skipped to find them."""

    values: tuple[int, ...]
    taken: int  # values of the range in use (or claimed by a span)
    deprecated: int  # codes of the range marked deprecated: in use all the same
    reserved: int  # codes or spans of the range marked reserved
    after: int | None  # the highest value in use, when only values above it were considered
    free_in_gaps: int  # free values below ``after`` (what --gaps would consider)


def allocate(
    records: Sequence[Record],
    within: Range,
    count: int,
    *,
    fill_gaps: bool = False,
    markers: Markers | None = None,
) -> Allocation:
    """The first ``count`` free values of ``within`` given the registry's ``records``.

    Every value a record uses is taken, deprecated and reserved codes included (a client may
    still switch on them), and so is every value of a span a row claims. By default only values
    above the highest one in use are offered: a gap may be a code that was removed but that old
    clients still know. ``fill_gaps`` offers the lowest free values instead.
    """
    markers = markers or Markers()
    taken: set[int] = set()
    deprecated = reserved = 0
    for record in records:
        span = claimed_span(record)
        values = [record.value] if isinstance(record.value, int) else []
        if span is not None and span.overlaps(within):
            values = list(range(max(span.low, within.low), min(span.high, within.high) + 1))
        inside = [v for v in values if v in within]
        if not inside:
            continue
        taken.update(inside)
        deprecated += markers.is_deprecated(record)
        reserved += markers.is_reserved(record)
    after = None if fill_gaps or not taken else max(taken)
    values = next_free(taken, within, count, after)
    in_gaps = 0 if after is None else free_count(taken, Range(within.low, after))
    return Allocation(tuple(values), len(taken), deprecated, reserved, after, in_gaps)
