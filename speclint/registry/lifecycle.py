"""Where a code is in its life: in use, deprecated (still answered, not to be used by new
clients) or reserved (held back, not yet in use).

Pages say so in the meaning (``已废弃``, ``Deprecated: use X``, ``保留``) or in an extra column
(``状态 | 废弃``). The markers are configurable (``[markers]`` in the configuration); a marker
matches a whole word (Latin, case-folded) or, for CJK markers, anywhere in the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from speclint.model import Record

DEPRECATED_MARKERS = ("deprecated", "obsolete", "废弃", "已废弃", "弃用", "停用", "下线")
RESERVED_MARKERS = ("reserved", "保留", "预留")


@dataclass(frozen=True, slots=True)
class Markers:
    deprecated: tuple[str, ...] = DEPRECATED_MARKERS
    reserved: tuple[str, ...] = RESERVED_MARKERS

    @classmethod
    def configured(cls, markers: Mapping[str, Sequence[str]]) -> Markers:
        """speclint's markers, replaced by the configuration's ``[markers]`` where it sets them."""
        return cls(
            deprecated=tuple(markers.get("deprecated", DEPRECATED_MARKERS)),
            reserved=tuple(markers.get("reserved", RESERVED_MARKERS)),
        )

    def is_deprecated(self, record: Record) -> bool:
        return _marked(record, self.deprecated)

    def is_reserved(self, record: Record) -> bool:
        return _marked(record, self.reserved)


def _marked(record: Record, markers: Sequence[str]) -> bool:
    pattern = _pattern(tuple(markers))
    if pattern is None:
        return False
    return any(pattern.search(text) for text in _row_texts(record) if text)


def _row_texts(record: Record) -> tuple[str, ...]:
    """What a row says of its code: its meaning and its columns of no role (状态 | 废弃)."""
    return (record.description, *(cell.text for cell in record.cells if not cell.role))


@lru_cache(maxsize=16)
def _pattern(markers: tuple[str, ...]) -> re.Pattern[str] | None:
    if not markers:
        return None
    parts = [
        re.escape(m) if not m.isascii() else rf"(?<![A-Za-z]){re.escape(m)}(?![A-Za-z])"
        for m in markers
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


# What a deprecated code's row says to use instead: "use X", "replaced by X", "alias of X",
# "same as X", "see X", "请使用 X", "同 X"; the
# identifier that follows (ERR_KEY_CONFLICT, AuthFailure.TokenExpired) is the group ``name``.
_REPLACED_BY = re.compile(
    r"(?:(?<!not\s)(?<!n't\s)\buse\b|\breplaced\s+by\b|\bsuperseded\s+by\b|\brenamed\s+to\b"
    r"|\bin\s+favou?r\s+of\b|\balias\s+(?:of|for)\b|\bsame\s+as\b|\bsee\b"
    r"|\bsynonym\s+(?:of|for)\b|\bequivalent\s+to\b"
    r"|请使用|请改用|改用|(?<!不)使用|替换为|替代为|同|等同于|别名)\s*[:：]?\s*(?:the\s+)?(?:(?:latest|new|newer)\s+)?"
    r"`?(?P<name>[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+|[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)",
    re.IGNORECASE,
)


def replacements(record: Record, markers: Markers) -> frozenset[str]:
    """The names a deprecated code's row says to use instead ("Deprecated, please use X",
    "已废弃，请使用 X"): what replaces it. Such a code is an alias kept for old clients, with its
    old value and spelling; empty for any other code, and for a row that only mentions a name."""
    if not record.name or not markers.is_deprecated(record):
        return frozenset()
    found = {m["name"] for text in _row_texts(record) if text for m in _REPLACED_BY.finditer(text)}
    found.discard(record.name)
    return frozenset(found)


def is_alias(record: Record, other: Record, markers: Markers) -> bool:
    """Whether one of two codes is the deprecated alias of the other (its row says to use the
    other instead)."""
    return (bool(other.name) and other.name in replacements(record, markers)) or (
        bool(record.name) and record.name in replacements(other, markers)
    )
