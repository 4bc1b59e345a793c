"""The code-space map of a section: slices, collisions, codes outside the range, the next free
value, and the free values of ``speclint.registry.allocate`` it is computed with."""

from __future__ import annotations

import pytest

from speclint.registry.allocate import free_count, free_stretches, next_free, slice_width
from speclint.registry.ranges import Category, Range, categories
from speclint.report.codemap import MAP_SLICES, CodeMap, code_maps
from tests.rules.conftest import make_record


def _map(category: Category, *others: Category) -> CodeMap:
    definitions = [r for c in (category, *others) for r in c.records]
    return code_maps([category, *others], definitions, [])[0]


@pytest.mark.parametrize(
    ("span", "at_most", "width"),
    [
        (Range(0, 99), 400, 1),  # small enough: value by value
        (Range(0, 399), 400, 1),
        (Range(0, 400), 400, 2),  # one value too many: pairs, the last slice holds one value
        (Range(100000, 199999), 400, 250),
        (Range(-(2**63), 2**63 - 1), 400, 46116860184273880),  # exact for any integer size
    ],
)
def test_slice_width_cuts_a_range_into_at_most_so_many_slices(
    span: Range, at_most: int, width: int
) -> None:
    assert slice_width(span, at_most) == width
    size = span.high - span.low + 1
    assert -(-size // width) <= at_most


def test_slice_width_needs_at_least_one_slice() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        slice_width(Range(0, 9), 0)


def test_free_values_and_next_free_are_what_allocate_computes() -> None:
    within = Range(300000, 300010)
    taken = [300000, 300001, 300003, 300010, 1]
    assert list(free_stretches(taken, within)) == [Range(300002, 300002), Range(300004, 300009)]
    assert next_free(taken, within) == [300002]
    assert next_free(taken, within, count=3, after=300002) == [300004, 300005, 300006]
    assert free_count(taken, within) == 7


def test_a_configured_range_is_drawn_with_its_collisions_and_codes_outside() -> None:
    rows = [
        make_record(300001, "ERRCODE_A", line=1),
        make_record(300002, "ERRCODE_B", line=2),
        make_record(300002, "ERRCODE_C", line=3),  # a collision
        make_record(400001, "ERRCODE_D", line=4),  # outside the configured range
        make_record(-1, "ERRCODE_UNKNOWN", line=5),  # generic, but the range is configured
    ]
    (category,) = categories(rows, {"组织架构": Range(300000, 399999)})
    code_map = _map(category)
    assert code_map.ranged
    assert code_map.origin == "configured"
    assert code_map.span == Range(300000, 399999)
    assert code_map.band.width == 250
    (first,) = code_map.band.slices
    assert (first.index, first.low, first.high) == (0, 300000, 300249)
    assert (first.used, first.collisions, first.elsewhere) == (2, 1, 0)
    assert [(m.value, m.names, m.line) for m in code_map.collisions] == [
        (300002, ("ERRCODE_B", "ERRCODE_C"), 2)
    ]
    assert [(m.value, m.admitted) for m in code_map.outside] == [(-1, False), (400001, False)]
    # What `speclint allocate` offers: above the highest value taken; 300000 is a gap.
    assert code_map.next_free == 300003
    assert code_map.highest == 300002
    assert (code_map.free_in_gaps, code_map.first_gap) == (1, 300000)
    assert code_map.used == 4
    assert code_map.free == 100000 - 2 == free_count([300001, 300002, 400001, -1], code_map.span)
    assert code_map.stretch_count == 2
    assert code_map.largest_stretches[0] == Range(300003, 399999)
    # Twenty codes in a range of 100,000 are one sliver: a second band zooms in on them.
    assert code_map.detail is not None
    assert code_map.detail.width == 1
    assert code_map.detail.span.low == 300000


def test_an_inferred_range_admits_generic_codes_beside_it() -> None:
    rows = [make_record(100000 + i, f"ERRCODE_{i}", line=i) for i in range(1, 10)]
    rows.append(make_record(0, "ERRCODE_OK", line=20))
    (category,) = categories(rows, {})
    code_map = _map(category)
    assert code_map.origin.startswith("inferred from")
    assert [(m.value, m.admitted) for m in code_map.outside] == [(0, True)]
    assert code_map.next_free == 100010


def test_a_section_without_a_range_is_drawn_over_the_span_of_its_values() -> None:
    rows = [make_record(v, f"OP_{v}", line=v + 1) for v in (0, 1, 2, 4, 5)]
    (category,) = categories(rows, {})
    assert category.range is None
    code_map = _map(category)
    assert not code_map.ranged
    assert code_map.span == Range(0, 5)
    assert code_map.next_free == 6  # after the highest, as allocate does
    assert (code_map.free_in_gaps, code_map.first_gap) == (1, 3)


def test_values_other_sections_use_are_taken_and_marked() -> None:
    messages = [make_record(200000 + i, f"MSG_{i}", section=("码", "消息")) for i in range(1, 6)]
    stray = make_record(200003, "ORG_STRAY", section=("码", "组织架构"))
    ranges = {"消息": Range(200000, 299999), "组织架构": Range(300000, 399999)}
    found = categories([*messages, stray], ranges)
    code_map = code_maps(found, [*messages, stray], [])[0]
    assert code_map.collisions[0].names == ("MSG_3", "ORG_STRAY")  # one code space, one value
    references = [make_record(200000, "", section=("码", "接口"))]
    with_reference = code_maps(found, [*messages, stray], references)[0]
    assert with_reference.next_free == 200006
    assert with_reference.free_in_gaps == 0  # a cited code is not free either
    assert code_maps(found, [*messages, stray], [])[0].free_in_gaps == 1


def test_a_huge_range_costs_what_its_used_values_cost() -> None:
    rows = [make_record(v, f"E_{v}", line=i) for i, v in enumerate((1, 2, 2**61))]
    (category,) = categories(rows, {"组织架构": Range(0, 2**62)})
    code_map = _map(category)
    assert code_map.band.slice_count <= MAP_SLICES
    assert len(code_map.band.slices) == 2  # two slices hold values; the others are not listed
    assert code_map.free == 2**62 + 1 - 3


def test_reserved_ranges_are_never_free() -> None:
    within = Range(-32768, -32000)
    taken = [-32700, -32600, -32601]
    reserved = [Range(-32099, -32000), Range(-40000, -32769)]  # the second lies outside
    stretches = list(free_stretches(taken, within, reserved))
    assert stretches == [
        Range(-32768, -32701),
        Range(-32699, -32602),
        Range(-32599, -32100),
    ]
    assert free_count(taken, within, reserved) == 68 + 98 + 500
    assert next_free(taken, Range(-32100, -32000), reserved=reserved) == [-32100]
    assert next_free(taken, Range(-32099, -32000), reserved=reserved) == []  # all reserved
    # A reserved range that covers the whole range, or several that overlap, leave nothing.
    assert list(free_stretches([], Range(0, 9), [Range(-5, 3), Range(2, 20)])) == []


def test_a_map_shows_the_ranges_its_page_reserves() -> None:
    rows = [make_record(v, f"E{-v}", line=i) for i, v in enumerate((-32700, -32600, -32601))]
    (category,) = categories(rows, {"组织架构": Range(-32768, -31000)})
    code_map = code_maps([category], rows, [], [Range(-32099, -32000), Range(0, 10)])[0]
    assert code_map.reserved == (Range(-32099, -32000),)
    assert code_map.free == 1769 - 3 - 100
    assert code_map.next_free == -31999  # above the reserved span, as allocate offers
    assert code_map.first_gap == -32768
