"""Every threshold an inference turns on is named, explained and in the generated docs."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from speclint.docs import INFERENCE_STAGES, inference_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_docs_inference_md_is_generated_from_the_thresholds() -> None:
    current = (ROOT / "docs" / "inference.md").read_text(encoding="utf-8")
    assert current == inference_markdown(), "run: python -m speclint.docs"


@pytest.mark.parametrize("module", [module for _, module, _ in INFERENCE_STAGES])
def test_every_numeric_constant_of_a_thresholds_module_is_documented(module: str) -> None:
    loaded = importlib.import_module(module)
    constants = {
        name: value
        for name, value in vars(loaded).items()
        if name.isupper() and isinstance(value, int | float) and not isinstance(value, bool)
    }
    documented = {t.name: t for t in loaded.THRESHOLDS}
    assert set(constants) == set(documented)
    for name, value in constants.items():
        assert documented[name].value == value, name
        assert documented[name].reason.strip(), name
        assert documented[name].pin.strip(), name
