"""The code-space map of one category: which values of its range are used, free, used twice or
used by another category, which of its codes lie outside the range, and the next free value.

The next free value is what ``speclint allocate`` hands out, computed by the same function
(``speclint.registry.allocate.allocate``): the lowest free value above the highest one taken, a
value any record of the code space uses (references included) or a row of its pages reserves
being taken; the free values in gaps below it are counted apart (``allocate --gaps``). A range
larger than the picture's resolution is aggregated into slices of equal width; only slices that
hold a value are listed, so a sparse 100,000-value range costs as much as its used values.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from speclint.model import Record
from speclint.registry.allocate import allocate, free_stretches, next_free, slice_width
from speclint.registry.lifecycle import Markers
from speclint.registry.ranges import Category, Range

# At most this many slices across a map: about two pixels each on a laptop screen. A range of
# up to this many values is drawn value by value.
MAP_SLICES = 400
# The largest free stretches a map names (the count of all of them is given too).
NAMED_STRETCHES = 3
# allocate() counts deprecated and reserved codes for its summary; the values it offers do not
# depend on them, and a map does not show the counts: no marker, no regular expression per code.
_UNCOUNTED = Markers(deprecated=(), reserved=())
# A map whose used values (and next free value) fill less than this share of its range gets a
# second band, zoomed in on them: in a range of 100,000 values, twenty codes are one sliver.
DETAIL_BELOW_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Mark:
    """A value the map points out by name: a collision or a code outside the range."""

    value: int
    names: tuple[str, ...]  # the records holding it (labels: their names, else their values)
    file: str
    line: int  # the first record holding it
    admitted: bool = False  # outside the drawn range but allowed there (a generic code: 0, -1)


class Slice(NamedTuple):
    """One slice of the drawn range that holds at least one used value.

    A named tuple rather than a frozen dataclass: a report on 100,000 codes makes about as many
    slices, and a tuple is built several times faster.
    """

    index: int  # from the low end of the range, 0 first
    low: int  # the first value of the slice
    high: int  # the last value of the slice
    used: int  # distinct values of this category
    collisions: int  # of those, values more than one record of the code space defines
    elsewhere: int  # values other categories (or references) of the code space use here


@dataclass(frozen=True, slots=True)
class Band:
    """One strip of a map: a range cut into slices of ``width`` values."""

    span: Range
    width: int  # values per slice (1: value by value)
    slices: tuple[Slice, ...]  # only those that hold a used value

    @property
    def slice_count(self) -> int:
        return -(-(self.span.high - self.span.low + 1) // self.width)


@dataclass(frozen=True, slots=True)
class CodeMap:
    """What the map of one category shows."""

    span: Range  # the range drawn: the category's, or the span of its values without one
    ranged: bool  # the span is a configured or inferred range
    origin: str  # where the range comes from, for people
    band: Band  # the whole span
    detail: Band | None  # zoomed in on the used part of a large, sparse span
    outside: tuple[Mark, ...]  # the category's codes outside the span, lowest first
    collisions: tuple[Mark, ...]
    reserved: tuple[Range, ...]  # ranges the page reserves in table rows, within the span
    next_free: int | None  # what `speclint allocate` offers (None: nothing above `highest`)
    highest: int | None  # the highest value taken, which the next free value is above
    free_in_gaps: int  # free values below `highest` (what `allocate --gaps` offers)
    first_gap: int | None  # the lowest of them
    free: int  # free values in the span
    stretch_count: int  # runs of free values in the span
    largest_stretches: tuple[Range, ...]
    used: int  # distinct values of the category


def code_maps(
    categories: Sequence[Category],
    definitions: Sequence[Record],
    references: Sequence[Record],
    reserved: Sequence[Range] = (),
) -> list[CodeMap]:
    """The map of each category of one code space, in the order given. ``reserved`` are ranges
    the code space holds back (rows such as ``-32099 to -32000 | reserved``): never free."""
    holders: dict[int, list[Record]] = defaultdict(list)
    for record in definitions:
        if isinstance(record.value, int):
            holders[record.value].append(record)
    numbered = sorted(
        (r for r in (*definitions, *references) if isinstance(r.value, int)),
        key=lambda r: r.value,
    )
    space = _CodeSpace(
        numbered,
        [r.value for r in numbered],  # all integers
        {value for value, records in holders.items() if len(records) > 1},
        holders,
        reserved,
    )
    return [_code_map(c, space) for c in categories]


@dataclass(frozen=True)
class _CodeSpace:
    """What every map of one code space looks up: its integer codes in value order."""

    numbered: list[Record]  # definitions and references with integer values, by value
    values: list[int]  # their values, for bisect
    collided: set[int]
    holders: dict[int, list[Record]]
    reserved: Sequence[Range]

    def records_within(self, span: Range) -> list[Record]:
        return self.numbered[
            bisect_left(self.values, span.low) : bisect_right(self.values, span.high)
        ]


def _code_map(category: Category, space: _CodeSpace) -> CodeMap:
    values = {r.value for r in category.records if isinstance(r.value, int)}
    if category.range is not None:
        span, ranged, origin = category.range, True, category.origin()
        search = span
    else:
        span, ranged = Range(min(values), max(values)), False
        origin = "no range configured or inferred: the span of its values"
        # Without a range, the value after the highest is offered (and the gaps counted).
        search = Range(span.low, span.high + 1)
    held = [r for r in space.reserved if r.overlaps(search)]
    nearby = space.records_within(search)
    # What `speclint allocate` offers, by the function it uses.
    allocation = allocate(nearby, search, 1, reserved=held, markers=_UNCOUNTED)
    taken = {r.value for r in nearby}
    first_gap = None
    if allocation.after is not None and allocation.free_in_gaps:
        first_gap = next_free(taken, Range(search.low, allocation.after), reserved=held)[0]
    stretches = list(free_stretches(taken, span, held))
    band = _band(span, values, space.collided, taken)
    inside = [v for v in values if v in span]
    detail = None
    if band.width > 1 and inside:
        # The codes in use, with some room on either side to show where the free values start.
        low, high = min(inside), max(inside)
        room = max(1, (high - low) // 10)
        low, high = max(span.low, low - room), min(span.high, high + room)
        if high - low + 1 < DETAIL_BELOW_SHARE * (span.high - span.low + 1):
            detail = _band(Range(low, high), values, space.collided, taken)
    largest = sorted(stretches, key=lambda s: (s.low - s.high, s.low))[:NAMED_STRETCHES]
    holders = space.holders
    return CodeMap(
        span=span,
        ranged=ranged,
        origin=origin,
        band=band,
        detail=detail,
        outside=tuple(
            _mark(value, holders, admitted=category.admits(value))
            for value in sorted(values)
            if value not in span
        ),
        collisions=tuple(_mark(value, holders) for value in sorted(values & space.collided)),
        reserved=tuple(
            Range(max(r.low, span.low), min(r.high, span.high)) for r in held if r.overlaps(span)
        ),
        next_free=allocation.values[0] if allocation.values else None,
        highest=allocation.after,
        free_in_gaps=allocation.free_in_gaps,
        first_gap=first_gap,
        free=sum(s.high - s.low + 1 for s in stretches),  # what allocate.free_count counts
        stretch_count=len(stretches),
        largest_stretches=tuple(largest),
        used=len(values),
    )


def _band(span: Range, values: set[int], collided: set[int], taken: Iterable[int]) -> Band:
    """``span`` cut into slices, with what each slice holds: one pass over the taken values."""
    width = slice_width(span, MAP_SLICES)
    counts: dict[int, list[int]] = {}  # slice number -> [used, collisions, used elsewhere]
    low, high = span.low, span.high
    for value in taken:
        if low <= value <= high:
            count = counts.setdefault((value - low) // width, [0, 0, 0])
            if value in values:
                count[0] += 1
                count[1] += value in collided
            else:
                count[2] += 1
    return Band(
        span,
        width,
        tuple(
            Slice(index, low + index * width, min(low + (index + 1) * width - 1, high), *count)
            for index, count in sorted(counts.items())
        ),
    )


def _mark(value: int, holders: dict[int, list[Record]], *, admitted: bool = False) -> Mark:
    records = holders[value]
    return Mark(value, _labels(records), records[0].file, records[0].line, admitted)


def _labels(records: Iterable[Record]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.label for r in records))
