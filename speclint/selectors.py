"""How a selector (in the configuration, on the command line or in a suppression) names rules."""

from __future__ import annotations


def selects(selector: str, code: str, name: str) -> bool:
    """``ALL``, a code (``SL101``), a code prefix (``SL1``) or a rule name."""
    return selector == "ALL" or code.startswith(selector) or selector == name
