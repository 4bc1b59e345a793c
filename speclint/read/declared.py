"""Ranges a page declares for a section in prose: in the heading (``## 用户模块 (60000–69999)``)
or in a paragraph under it before its first table ("Codes 2000-2999 are reserved for payments.",
"本模块错误码范围为 60000-69999").

A heading states its section's range with one range anywhere in its title. A paragraph must say
it is about codes (a word such as "code", "reserved", "range", "错误码", "号段", "范围") and hold
exactly one range: "retry after 1-5 seconds" says nothing about codes, and "orders 1000-1999,
payments 2000-2999" names several sections at once. Whether a declared range is really the
section's is judged against its codes later (``speclint.registry.ranges``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from speclint.model import DeclaredRange
from speclint.read.blocks import Intro
from speclint.read.inline import reduce_inline

_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)"
_RANGE = re.compile(
    rf"(?<![\w.,])(?P<low>{_NUMBER})\s*(?:-|–|—|~|～|to|through|至|到)\s*(?P<high>{_NUMBER})"
    r"(?![\w.]|,\d)",
    re.IGNORECASE,
)
_ABOUT_CODES = re.compile(
    r"\b(?:codes?|errors?|status(?:es)?|ranges?|reserved|numbers?)\b|码|号段|范围|区间|保留|预留",
    re.IGNORECASE,
)


def declared_ranges(path: str, intros: Sequence[Intro]) -> Iterator[DeclaredRange]:
    for intro in intros:
        if not intro.heading and not _ABOUT_CODES.search(intro.text):
            continue
        # 错误码范围：`10101` - `10199`: the numbers may be in code spans or bold.
        text = intro.text if intro.heading else reduce_inline(intro.text)
        found = list(_RANGE.finditer(text))
        if len(found) != 1:
            continue
        low, high = _number(found[0]["low"]), _number(found[0]["high"])
        if low >= high:
            continue
        source = "heading" if intro.heading else "sentence"
        yield DeclaredRange(path, intro.line, intro.section, low, high, source, text)


def _number(text: str) -> int:
    return int(text.replace(",", ""))
