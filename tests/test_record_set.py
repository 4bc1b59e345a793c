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
