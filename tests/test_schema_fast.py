"""speclint[fast]: jsonschema-rs as SL001's validity pre-check gives jsonschema's findings exactly."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from speclint.config import Settings
from speclint.model import Diagnostic
from speclint.read.page import parse_text
from speclint.resources import load_schema
from speclint.rule import RecordSet
from speclint.rules.schema_violation import SchemaViolation, SchemaViolationOptions
from tests.conftest import EXAMPLE_PAGE, ROOT, record_instances

jsonschema_rs = pytest.importorskip("jsonschema_rs")

WILD = ROOT / "tests" / "fixtures" / "wild"
PAGES = sorted([EXAMPLE_PAGE, *WILD.glob("*.md")])
# A schema of the kind users write (no pre-check of speclint's applies to it): every record
# goes through the validators, and many fail.
STRICT = {
    "type": "object",
    "required": ["name", "value", "description"],
    "properties": {
        "name": {"type": "string", "pattern": "^[A-Z][A-Z0-9_]*$"},
        "value": {"type": "integer", "minimum": 0},
        "description": {"type": "string", "minLength": 4},
        "extra": {"type": "object", "additionalProperties": {"type": "string", "maxLength": 40}},
    },
}


def _rule(schema: Path | None, *, fast: bool) -> SchemaViolation:
    options = SchemaViolationOptions(schema=str(schema) if schema else "")
    rule = SchemaViolation(options)
    if not fast:
        rule.fast_check = None  # the default install: jsonschema alone
    return rule


def _findings(rule: SchemaViolation) -> Iterator[Diagnostic]:
    for path in PAGES:
        parsed = parse_text(path.name, path.read_text(encoding="utf-8"), Settings(root=ROOT))
        yield from rule.check(RecordSet(path.name, parsed.records))


@pytest.mark.parametrize("custom", [False, True], ids=["built-in schema", "strict user schema"])
def test_both_validators_give_the_same_diagnostics(custom: bool, tmp_path: Path) -> None:
    schema = None
    if custom:
        schema = tmp_path / "strict.schema.json"
        schema.write_text(json.dumps(STRICT), encoding="utf-8")
    fast = _rule(schema, fast=True)
    assert fast.fast_check is not None, "jsonschema-rs is installed: the fast path is used"
    pure = list(_findings(_rule(schema, fast=False)))
    assert list(_findings(fast)) == pure
    assert pure, "the pages have schema findings to compare"


texts = st.one_of(
    st.sampled_from(["", " ", "a b", "\u3000", "\t", "x\n", "ERR_OK", "0001", "\x1c", "a\x1fb"]),
    st.text(max_size=6),
)
scalars = st.one_of(texts, st.integers(), st.booleans(), st.none())


def instances() -> st.SearchStrategy[dict[str, Any]]:
    return record_instances(scalars)


PURE_VALIDATOR = Draft202012Validator(load_schema("record"))
FAST_CHECK = SchemaViolation().fast_check


@settings(max_examples=1000, deadline=None)
@given(instances())
def test_the_fast_check_passes_only_what_jsonschema_passes(instance: dict[str, Any]) -> None:
    assert FAST_CHECK is not None
    if FAST_CHECK(instance):
        assert PURE_VALIDATOR.is_valid(instance), instance


def test_blanks_only_python_sees_go_to_jsonschema() -> None:
    # Python's \s matches U+001C..U+001F, Rust's does not: jsonschema must decide those.
    instance = {"value": "A\x1cB", "raw_value": "A\x1cB", "section": [], "extra": {}}
    assert not PURE_VALIDATOR.is_valid(instance)
    assert FAST_CHECK is not None
    assert not FAST_CHECK(instance)


PYTHON_BLANKS = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


@pytest.mark.parametrize("blank", PYTHON_BLANKS, ids=[f"U+{ord(b):04X}" for b in PYTHON_BLANKS])
def test_the_fast_check_agrees_on_every_blank_python_knows(blank: str) -> None:
    # jsonschema's pattern uses Python's \s (every str.isspace() character), jsonschema-rs
    # ECMAScript's: wherever they differ, the fast check must leave the record to jsonschema.
    assert FAST_CHECK is not None
    for value in (blank, f"A{blank}B"):
        instance = {"value": value, "raw_value": value, "section": [], "extra": {}}
        if FAST_CHECK(instance):
            assert PURE_VALIDATOR.is_valid(instance), instance
