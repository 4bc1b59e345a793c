"""How a finding's message names several things: a few by name, then how many more."""

from __future__ import annotations

from collections.abc import Sequence

SHOWN_IN_MESSAGE = 3  # a message names this many, then counts the rest: a line stays readable


def listed(labels: Sequence[str], shown: int = SHOWN_IN_MESSAGE) -> str:
    """``A``, ``A and B``, ``A, B and C``, ``A, B, C and 2 more``."""
    if len(labels) > shown:
        return f"{', '.join(labels[:shown])} and {len(labels) - shown} more"
    if len(labels) <= 1:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} and {labels[-1]}"
