"""What a heading says its table lists: codes, ids, types, operations...

A reader takes a table's heading into account: IPP's "Operation IDs" and its "Status Codes" are
two enumerations, and numbers under a "参数" header are codes when the heading says the table
lists return codes (DingTalk's 全局返回码), a device's parameters otherwise.
"""

from __future__ import annotations

import re

# What a heading says its table enumerates, by the word it ends on (a heading's head noun comes
# last in English and in Chinese: "Operation IDs" lists ids, "Type Errors" and "类型错误" list
# errors). A heading without such a word (Successful, 订单模块) says nothing, and its table may
# join a space of any kind; two headings naming different kinds never share a space.
_HEADING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "codes",
            (
                r"\b(?:codes?|errors?|errno|status(?:es)?|reasons?|results?|returns?"
                r"|exceptions?|faults?|failures?)\b|错误码|状态码|返回码|结果码|错误|异常|编码"
            ),
        ),
        ("ids", r"\b(?:ids?|identifiers?)\b|标识符?"),
        ("tags", r"\btags?\b|标签"),
        ("types", r"\b(?:types?|kinds?)\b|类型"),
        ("operations", r"\b(?:operations?|commands?|opcodes?|methods?)\b|命令|指令"),
        ("events", r"\bevents?\b|事件"),
        ("states", r"\b(?:states?|modes?)\b|模式"),
        ("flags", r"\bflags?\b|标志"),
    )
)
_PARENTHESES = re.compile(r"\([^)]*\)|（[^）]*）")


def heading_kind(section: tuple[str, ...]) -> str:
    """What the deepest heading of ``section`` that says so enumerates ("codes", "ids",
    "types"...; "" if none does): the kind its last kind word names."""
    for heading in reversed(section):
        text = _PARENTHESES.sub(" ", heading)  # (RFC 8011 Section 4.1), (0x0000-0x00FF)
        last = max(
            (
                (match.end(), kind)
                for kind, pattern in _HEADING_KINDS
                for match in pattern.finditer(text)
            ),
            default=None,
        )
        if last is not None:
            return last[1]
    return ""
