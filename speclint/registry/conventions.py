"""Naming conventions: the style and prefix a registry's names follow, inferred from them.

naming-convention (SL201) checks names against what is inferred here; the thresholds are in
``registry/thresholds.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from speclint.registry.thresholds import PREFIX_MIN_NAMES, PREFIX_SHARE, STYLE_SHARE
from speclint.registry.words import common_prefix

UPPER_SNAKE_CASE = r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"
# The conventions real pages follow, the default first: it wins a tie and applies when no
# convention is followed by most names.
STYLES = {
    "UPPER_SNAKE_CASE": UPPER_SNAKE_CASE,
    "lower_snake_case": r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
    "PascalCase": r"^[A-Z][a-zA-Z0-9]*$",
    "camelCase": r"^[a-z][a-zA-Z0-9]*$",
    "dotted.PascalCase": r"^[A-Z][a-zA-Z0-9]*(\.[A-Z][a-zA-Z0-9]*)+$",
    "Title Case Words": r"^[A-Z][^\s_]*( \S+)*$",
    "kebab-case": r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$",
    # Names written for people (CJK, emoji, sentences): no identifier convention to hold.
    "free text": r"",
}
# Only a name with a blank or outside ASCII counts as free text; "" matches any name.
_FREE_TEXT = re.compile(r"\s|[^\x00-\x7f]")


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    pattern: re.Pattern[str]
    following: int = 0  # names that follow it, when inferred
    total: int = 0

    def describe(self) -> str:
        if self.name == self.pattern.pattern:
            return f"the naming pattern {self.name}"
        text = f"the naming convention {self.name} ({self.pattern.pattern})"
        if self.total:
            text += (
                f", which {self.following} of the registry's {self.total} names follow; set "
                "rules.naming-convention.pattern to choose another"
            )
        return text


@dataclass(frozen=True, slots=True)
class Prefix:
    text: str
    sharing: int = 0  # names that have it, when inferred
    total: int = 0

    @property
    def inferred(self) -> bool:
        return self.total > 0


def infer_style(names: list[str]) -> Style:
    """The convention at least 80% of ``names`` follow, else UPPER_SNAKE_CASE."""
    compiled = {name: re.compile(pattern) for name, pattern in STYLES.items()}
    counts = {
        style: sum(
            1
            for n in names
            if (_FREE_TEXT.search(n) if style == "free text" else compiled[style].search(n))
        )
        for style in STYLES
    }
    best = max(STYLES, key=lambda style: counts[style])  # the first of equals: the default
    if names and counts[best] >= STYLE_SHARE * len(names) and best != "UPPER_SNAKE_CASE":
        return Style(best, compiled[best], counts[best], len(names))
    return Style("UPPER_SNAKE_CASE", compiled["UPPER_SNAKE_CASE"])


def infer_prefix(names: set[str]) -> Prefix | None:
    """The prefix (up to the first underscore) that most of ``names`` share, if most do."""
    if len(names) < PREFIX_MIN_NAMES:
        return None
    counts = Counter(common_prefix(name) for name in names)
    counts.pop("", None)
    if not counts:
        return None
    text, sharing = max(counts.items(), key=lambda item: (item[1], item[0]))
    if sharing < PREFIX_SHARE * len(names):
        return None
    return Prefix(text, sharing, len(names))
