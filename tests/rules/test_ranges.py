from __future__ import annotations

from collections.abc import Callable

import pytest

from speclint.model import Record
from speclint.registry.categories import file_roots, section_heading
from speclint.registry.ranges import (
    Range,
    block_of,
    block_range,
    block_size,
    categories,
    configured_heading,
    infer_range,
    parse_ranges,
)

MakeRecord = Callable[..., Record]


def test_range_contains_only_integers_inside() -> None:
    span = Range(-1, 99)
    assert -1 in span
    assert 99 in span
    assert 100 not in span
    assert -2 not in span
    assert "5" not in span


def test_range_overlap_is_inclusive() -> None:
    assert Range(0, 10).overlaps(Range(10, 20))
    assert not Range(0, 9).overlaps(Range(10, 20))
    assert Range(0, 100).overlaps(Range(10, 20))


@pytest.mark.parametrize("bounds", [[1], [1, 2, 3], ["1", 2], [True, 2], [1.5, 2]])
def test_range_parse_rejects_what_is_not_two_integers(bounds: list[object]) -> None:
    with pytest.raises(ValueError, match="two integers"):
        Range.parse(bounds)


def test_parse_ranges_names_the_bad_heading() -> None:
    with pytest.raises(ValueError, match=r"ranges\.群组: .*low > high"):
        parse_ranges({"消息": [200000, 299999], "群组": [599999, 500000]})


@pytest.mark.parametrize(
    ("values", "size"),
    [
        ([300001, 300002, 300311], 100000),
        ([100000, 100014], 100000),
        ([0, -1, 2, 5], 10),
        ([401, 403, 404], 100),
        ([5, 6, 100001, 100002], 100000),  # a tie goes to the larger magnitude
        ([], 10),
    ],
)
def test_block_size_follows_the_magnitude_of_the_values(values: list[int], size: int) -> None:
    assert block_size(values) == size


def test_blocks_round_toward_zero() -> None:
    assert block_of(300311, 100000) == 3
    assert block_of(-1, 10) == 0
    assert block_of(-1001, 1000) == -1


@pytest.mark.parametrize(
    ("index", "size", "expected"),
    [
        (3, 100000, Range(300000, 399999)),
        (0, 10, Range(-9, 9)),
        (-1, 1000, Range(-1999, -1000)),
    ],
)
def test_block_range(index: int, size: int, expected: Range) -> None:
    assert block_range(index, size) == expected


def test_infer_range_from_the_example_sections() -> None:
    # Small codes are an enumeration that grows past 9 (opcodes 0..13), not a category.
    assert infer_range([0, -1, 2, 3, 4, 5]) is None
    org = infer_range([300001, 300002, 300101, 300311, 300312])
    assert org is not None
    assert org.range == Range(300000, 399999)


def test_infer_range_states_how_many_values_lie_in_it() -> None:
    values = [200001, 200007, 200008, 200009, 200010, 200011, 200012, 200013, 200014, 300010]
    inference = infer_range(values)
    assert inference is not None
    assert (inference.range, inference.inside, inference.total) == (Range(200000, 299999), 9, 10)
    assert inference.describe() == "inferred from 9 of its 10 values"
    # Eight in ten is not a convention: the section spans categories.
    assert infer_range([*values[:8], 300010, 300011]) is None


def test_no_range_is_inferred_from_too_few_or_too_scattered_values() -> None:
    assert infer_range([300001, 300002]) is None
    assert infer_range([200001, 200002, 600001, 600002]) is None
    # 1-99, 100-149 and 150-199 in one table: the hundreds hold only three in four.
    assert infer_range([97, 98, 99, 100, 110, 111, 112, 150, 151, 152, 153, 154]) is None


def test_generic_codes_are_not_evidence_and_never_out_of_range(record: MakeRecord) -> None:
    values = [-1, 0, 40001, 40002, 40003, 41001, 45009]
    inference = infer_range(values)
    assert inference is not None
    assert (inference.range, inference.inside, inference.total) == (Range(40000, 49999), 5, 5)
    (category,) = categories([record(v) for v in values], {})
    assert category.admits(0)
    assert category.admits(-1)
    assert not category.admits(50001)
    (configured,) = categories([record(v) for v in values], {"组织架构": Range(40000, 49999)})
    assert not configured.admits(0)


def test_the_nearest_configured_heading_wins() -> None:
    ranges = {"组织架构": Range(300000, 399999), "部门": Range(300100, 300199)}
    assert configured_heading(("状态码", "组织架构", "部门"), ranges) == "部门"
    assert configured_heading(("状态码", "组织架构", "用户"), ranges) == "组织架构"
    assert configured_heading(("状态码", "群组"), ranges) is None


def test_file_root_is_what_all_of_a_files_tables_share(record: MakeRecord) -> None:
    records = [
        record(1, section=("状态码", "组织架构", "部门")),
        record(2, section=("状态码", "组织架构", "用户")),
        record(3, section=("状态码", "群组")),
        record(4, section=("状态码", "群组"), file="other.md"),
    ]
    assert file_roots(records) == {"page.md": ("状态码",), "other.md": ("状态码", "群组")}
    assert section_heading(("状态码", "组织架构", "部门"), ("状态码",)) == "组织架构"
    assert section_heading(("状态码", "群组"), ("状态码", "群组")) == "群组"
    assert section_heading((), ()) == ""


def test_sub_sections_pool_into_their_category(record: MakeRecord) -> None:
    records = [
        record(300101, section=("状态码", "组织架构", "部门")),
        record(300102, section=("状态码", "组织架构", "部门")),
        record(300103, section=("状态码", "组织架构", "部门")),
        record(300201, section=("状态码", "组织架构", "用户")),
        record(300202, section=("状态码", "组织架构", "用户")),
        record(500001, section=("状态码", "群组")),
        record(500002, section=("状态码", "群组")),
        record(500003, section=("状态码", "群组")),
        record(500004, section=("状态码", "群组")),
        record(500005, section=("状态码", "群组")),
        record("E0001", section=("状态码", "群组")),  # text values have no range
    ]
    found = categories(records, {})
    assert [(c.heading, c.range, len(c.records)) for c in found] == [
        ("组织架构", Range(300000, 399999), 5),
        ("群组", Range(500000, 599999), 5),
    ]
    assert not any(c.configured for c in found)


def test_configured_categories_are_not_inferred(record: MakeRecord) -> None:
    records = [record(v, section=("状态码", "组织架构", "部门")) for v in (300101, 300102, 1)]
    found = categories(records, {"组织架构": Range(300000, 300999)})
    assert [(c.heading, c.range, c.inference) for c in found] == [
        ("组织架构", Range(300000, 300999), None)
    ]
    assert found[0].configured


def test_inference_can_be_switched_off(record: MakeRecord) -> None:
    records = [record(v) for v in (300101, 300102, 300103)]
    assert [c.range for c in categories(records, {}, infer=False)] == [None]
