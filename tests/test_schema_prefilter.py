"""The fast pre-check of SL001 never lets through a record the built-in schema rejects."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from speclint.model import Cell, Record
from speclint.resources import load_schema
from speclint.rules.schema_violation import (
    obviously_valid,
    obviously_valid_record,
    record_instance,
)
from tests.conftest import record_fields, record_instances

VALIDATOR = Draft202012Validator(load_schema("record"))
# Strings that probe the schema's edges: empty, blanks of every kind, ordinary tokens.
texts = st.one_of(
    st.sampled_from(["", " ", "a b", "\u3000", "\t", "x\n", "ERR_OK", "无效", "0001", "\x1c"]),
    st.text(max_size=6),
)
scalars = st.one_of(texts, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))


def instances() -> st.SearchStrategy[dict[str, Any]]:
    return record_instances(scalars)


@settings(max_examples=1000, deadline=None)
@given(instances())
def test_prefilter_passes_only_valid_records(instance: dict[str, Any]) -> None:
    if obviously_valid(instance):
        assert VALIDATOR.is_valid(instance), instance


def test_prefilter_passes_ordinary_records() -> None:
    ordinary = {"value": 5, "raw_value": "5", "section": ["a"], "extra": {}, "name": "E_A"}
    assert obviously_valid(ordinary)
    assert obviously_valid({**ordinary, "value": "InvalidParameter", "description": "参数错误"})
    assert not obviously_valid({**ordinary, "description": ""})


roles = st.sampled_from(["", "name", "value", "description"])
cells = st.builds(Cell, roles, texts, texts, texts, st.integers(0, 9))
records = record_fields(texts, cells).map(lambda fields: Record(*fields))


@settings(max_examples=1000, deadline=None)
@given(records)
def test_record_prefilter_passes_only_what_the_instance_prefilter_passes(record: Record) -> None:
    if obviously_valid_record(record):
        instance = record_instance(record)
        assert obviously_valid(instance), instance
        assert VALIDATOR.is_valid(instance), instance


def test_record_prefilter_passes_ordinary_records() -> None:
    name = Cell("name", "错误码", "E_A", "E_A", 3)
    value = Cell("value", "十进制数值", "5", "5", 9)
    meaning = Cell("description", "含义", "参数错误", "参数错误", 13)
    record = Record("p.md", 4, ("a",), 0, "E_A", 5, "5", "参数错误", (name, value, meaning))
    assert obviously_valid_record(record)
    empty = Cell("description", "含义", "", "", 0)
    assert not obviously_valid_record(replace(record, cells=(name, value, empty), description=""))
