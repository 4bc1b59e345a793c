"""What a heading says its table lists: codes, ids, types, operations...

A reader takes a table's heading into account: IPP's "Operation IDs" and its "Status Codes" are
two enumerations, and numbers under a "参数" header are codes when the heading says the table
lists return codes (DingTalk's 全局返回码), a device's parameters otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The headings (and sections) remembered at most: a docs tree's pages share a few thousand.
_MEMO_SIZE = 4096

# What a heading says its table enumerates, by its words of a kind: "Operation IDs" lists
# operations' ids, "Status Codes" codes. A heading may name several ("Error types",
# "Error codes for the Login method", 错误类型 all name codes among others). A heading without
# such a word (Successful, 订单模块) says nothing, and its table may join a space of any kind;
# two headings whose kinds have nothing in common never share a space.
_HEADING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "codes",
            (
                r"\b(?:codes?|errors?|errno|status(?:es)?|reasons?|results?|returns?"
                r"|exceptions?|faults?|failures?)\b|错误码|状态码|返回码|结果码|响应码|应答码|业务码"
                r"|返回值|错误|异常|编码"
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


def heading_kinds(section: tuple[str, ...]) -> frozenset[str]:
    """What the deepest heading of ``section`` that says so enumerates ("codes", "ids",
    "types"...; empty if none does): every kind its words name."""
    for heading in reversed(section):
        kinds = _kinds_of(heading)
        if kinds:
            return kinds
    return frozenset()


@lru_cache(maxsize=_MEMO_SIZE)
def _kinds_of(heading: str) -> frozenset[str]:
    """Every kind one heading's words name (a page's tables share a few headings: asked once
    each)."""
    text = _PARENTHESES.sub(" ", heading)  # (RFC 8011 Section 4.1), (0x0000-0x00FF)
    return frozenset(kind for kind, pattern in _HEADING_KINDS if pattern.search(text))


# A heading about settings (地图参数修改说明, CSGO 引擎相关参数, Server options): not a kind of
# identifier, so it divides no code space, but a table under it keyed by a value column gives
# settings, unless a heading of the same section names codes (参数错误码, # 全局状态码).
_SETTINGS = re.compile(
    r"\b(?:param(?:eter)?s?|settings?|options?|config(?:uration)?s?|cvars?)\b"
    r"|参数|配置|设置|选项|パラメー?タ|設定|설정|매개변수|파라미터",
    re.IGNORECASE,
)


_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # ConfigErrorCode: Config Error Code


@lru_cache(maxsize=_MEMO_SIZE)
def about_settings(section: tuple[str, ...]) -> bool:
    """Whether the deepest heading of ``section`` that says what its tables list names
    parameters or settings, and no heading names codes (ConfigErrorCode and 全局状态码 do; a
    deeper Open flags heading says flags)."""
    words = [_CAMEL_CASE.sub(" ", heading) for heading in section]
    if any("codes" in _kinds_of(heading) for heading in words):
        return False
    for heading in reversed(words):
        if _kinds_of(heading):
            return False
        if _SETTINGS.search(_PARENTHESES.sub(" ", heading)) is not None:
            return True
    return False
