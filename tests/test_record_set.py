"""RecordSet.derived: what rules derive from one record set is computed once, and a record set
made from it (dataclasses.replace) or equal to it does not share it."""

from __future__ import annotations

from dataclasses import replace

from speclint.config import Settings
from speclint.read.page import parse_text
from speclint.registry.build import group
from speclint.registry.ranges import parse_ranges, shared_categories
from speclint.rule import RecordSet
from tests.conftest import EXAMPLE_PAGE


def _registry() -> RecordSet:
    parsed = parse_text("page.md", EXAMPLE_PAGE.read_text(encoding="utf-8"), Settings())
    return group([parsed], []).registries[0]


def test_derived_is_computed_once_per_record_set_and_key() -> None:
    records = _registry()
    calls: list[str] = []

    def compute(label: str) -> list[str]:
        calls.append(label)
        return [label]

    first = records.derived("k", lambda: compute("a"))
    assert records.derived("k", lambda: compute("b")) is first
    assert records.derived("other", lambda: compute("c")) == ["c"]
    assert calls == ["a", "c"]


def test_a_copy_or_an_equal_record_set_computes_its_own() -> None:
    records = _registry()
    records.derived("k", lambda: "original")
    changed = replace(records, records=records.records[:3])
    assert changed.derived("k", lambda: "changed") == "changed"
    equal = replace(records)
    assert equal == records
    assert hash(equal) == hash(records)
    assert equal.derived("k", lambda: "fresh") == "fresh"


def test_category_rules_share_the_categories_of_a_registry() -> None:
    records = _registry()
    ranges = parse_ranges({})
    first = shared_categories(records, ranges)
    assert shared_categories(records, ranges) is first
    assert shared_categories(records, ranges, infer=False) is not first
    assert [c.heading for c in first] == [c.heading for c in shared_categories(records, ranges)]


def test_shifted_rows_are_the_malformed_rows_with_a_cell_missing() -> None:
    page = (
        "# Codes\n\n| Name | Value | Meaning |\n| --- | --- | --- |\n"
        "| OK | 0 | fine |\n"
        "| LOST_PIPE\t1 | a tab where a pipe belongs |\n"  # line 6: a cell missing
        "| EXTRA | 2 | one cell too many | note |\n"  # line 7: a cell too many
        "| NO_VALUE | | no value |\n"  # line 8: no value, no record
    )
    parsed = parse_text("page.md", page, Settings())
    records = group([parsed], []).registries[0]
    assert records.malformed_rows == {("page.md", 6), ("page.md", 7), ("page.md", 8)}
    assert records.shifted_rows == {("page.md", 6)}


def test_listed_names_a_few_and_counts_the_rest() -> None:
    from speclint.wording import listed

    assert listed([]) == ""
    assert listed(["A"]) == "A"
    assert listed(["A", "B"]) == "A and B"
    assert listed(["A", "B", "C"]) == "A, B and C"
    assert listed(["A", "B", "C", "D", "E"]) == "A, B, C and 2 more"


def test_repeats_are_grouped_per_earlier_record_table_and_if_asked_section() -> None:
    from speclint.registry.repeats import by_earlier_and_table

    first, *rest = _registry().records[:5]
    moved = replace(rest[1], section=("elsewhere",))
    pairs = [(first, rest[0]), (first, moved), (rest[2], rest[3])]
    grouped = by_earlier_and_table(pairs)
    assert [(earlier, later) for earlier, later in grouped] == [
        (first, [rest[0], moved]),
        (rest[2], [rest[3]]),
    ]
    apart = by_earlier_and_table(pairs, by_section=True)
    assert [later for _, later in apart] == [[rest[0]], [moved], [rest[3]]]
