"""The configuration's quick check never passes what jsonschema rejects, and passes plain ones."""

from __future__ import annotations

import datetime
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from speclint.config import load_settings
from speclint.resources import load_schema
from speclint.schema_subset import surely_valid
from tests.conftest import ROOT

SCHEMA = load_schema("config")
VALIDATOR = Draft202012Validator(SCHEMA)


def _names(node: Any, found: set[str]) -> set[str]:
    """Every key the schema names (properties at any depth), to draw configurations from."""
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            _names(value, found)
    elif isinstance(node, list):
        for value in node:
            _names(value, found)
    return found


KEYS = sorted(_names(SCHEMA, set()) | {"zh", "en", "pt-BR", "SL101", "a b", "", "main"})
# Values at the edges of the schema's patterns and types, valid and not.
STRINGS = ["", "*.md", "docs/", "SL101", "SL1", "ALL", "duplicate-value", "Dup", "error",
           "warning", "info", "fatal", "pkg.mod:Rule", "pkg:", "x y", "zh", "名称", "\n"]  # fmt: skip
scalars = st.one_of(
    st.sampled_from(STRINGS),
    st.text(max_size=4),
    st.integers(-2, 2),
    st.booleans(),
    st.none(),
    st.just(1.0),
    st.just(datetime.date(2026, 12, 2)),  # TOML has dates; JSON Schema has no such type
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)
    ),
    max_leaves=10,
)
configurations = st.dictionaries(st.sampled_from(KEYS), values, max_size=4)


@settings(max_examples=2000, deadline=None)
@given(configurations)
def test_what_the_quick_check_passes_jsonschema_passes(data: dict[str, Any]) -> None:
    if surely_valid(data, SCHEMA):
        assert VALIDATOR.is_valid(data), data


PLAIN = [
    {},
    {"exclude": ["tests/", "bench/corpus/"]},
    {"select": ["ALL"], "ignore": ["SL203"], "fail-on": "warning"},
    {"per-file-ignores": {"legacy/*.md": ["SL101", "naming-convention"]}},
    {"registries": {"api": {"include": ["api/*.md"], "sections": ["错误码"]}}},
    {"translations": {"zh": "docs/zh", "en": "docs/en"}},
    {"rules": {"category-range": {"ranges": {"消息": [200000, 299999]}}}},
    {"columns": {"aliases": {"name": ["代号"]}}},
]


@pytest.mark.parametrize("data", PLAIN, ids=lambda d: ",".join(d) or "empty")
def test_plain_configurations_are_passed_without_jsonschema(data: dict[str, Any]) -> None:
    assert VALIDATOR.is_valid(data)
    assert surely_valid(data, SCHEMA)


@pytest.mark.parametrize(
    "data",
    [
        {"exclude": "docs/"},
        {"exlude": ["docs/"]},
        {"select": ["Dup"]},
        {"fail-on": "fatal"},
        {"registries": {"api": {"sections": []}}},
        {"registries": {"api": {"include": []}}},
        {"translations": {"pairs": [{"zh": "a.md"}]}},
        {"translations": {"english": "docs/en"}},
        {"plugins": ["not a plugin"]},
        {"schema": ""},
    ],
    ids=json.dumps,
)
def test_invalid_configurations_are_never_passed(data: dict[str, Any]) -> None:
    assert not VALIDATOR.is_valid(data)
    assert not surely_valid(data, SCHEMA)


def test_unknown_keywords_and_outside_references_are_left_to_jsonschema() -> None:
    assert not surely_valid("a", {"format": "email"})
    assert not surely_valid("a", {"$ref": "other.json#/x"})
    assert not surely_valid([1], {"prefixItems": [{"type": "integer"}], "items": False})
    assert not surely_valid("a", False)
    assert surely_valid("a", True)


def test_the_repository_and_example_configurations_load_without_jsonschema() -> None:
    # The quick check is what keeps jsonschema out of a short run: the configurations people
    # start from must pass it.
    for data in (
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["speclint"],
        tomllib.loads((ROOT / "examples" / "speclint.toml").read_text()),
    ):
        assert surely_valid(data, SCHEMA)


def test_loading_a_plain_configuration_does_not_import_jsonschema(tmp_path: Path) -> None:
    import subprocess

    config = tmp_path / "speclint.toml"
    config.write_text('exclude = ["drafts/"]\n[rules.duplicate-value]\n', encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from speclint.config import load_settings; "
        f"load_settings(Path({str(config)!r})); print('jsonschema' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
    assert load_settings(config).exclude == ("drafts/",)
