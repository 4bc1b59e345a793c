"""How a stage documents the numbers its inferences turn on.

Every threshold a stage infers with is a named constant in that stage's ``thresholds`` module,
listed there as a ``Threshold`` with the reason for its value and the configuration that pins
what it infers. ``docs/inference.md`` is generated from these lists (``python -m speclint.docs``)
and a test fails when a constant is missing from them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Threshold:
    name: str
    value: float
    reason: str
    pin: str  # the configuration key that fixes what this threshold infers
