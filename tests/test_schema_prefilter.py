"""The fast pre-check of SL001 never lets through a record the built-in schema rejects."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from speclint.resources import load_schema
from speclint.rules.schema_violation import obviously_valid
from tests.conftest import record_instances

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
