"""Decide which column of a table holds a code's name, its value and its meaning.

Headers suggest a role (``十进制数值`` is a value, ``含义`` a meaning) and cell content settles it
where a header is ambiguous: ``错误码`` full of integers is the value column, full of UPPER_SNAKE
identifiers it is the name column. A table with no value-like column (a parameter table, a port
table) is not a code table, and the reason is returned for ``check -v``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from speclint.values import is_identifier, is_numeric, is_upper_snake

NAME, VALUE, DESCRIPTION = "name", "value", "description"
ROLES = (NAME, VALUE, DESCRIPTION)

_NAME_HEADERS = """错误码名称 错误码名 错误名称 错误标识 状态码名称 返回码名称 名称 枚举 枚举名 枚举值名 常量 常量名
    标识 标识符 宏 宏定义 name constant constantname enum enumname errorname codename identifier symbol
    errorkey errorconstant"""
_VALUE_HEADERS = """十进制数值 十六进制数值 数值 值 返回码 状态码 错误码值 错误代码 错误编号 错误码编号 码值 返回值
    代码 响应码 结果码 业务码 ret retcode returncode resultcode statuscode code value number status
    errno errcode errorcode errorno errornumber codevalue numericcode"""
# Headers that name either the code's identifier or its number; cell content decides.
_EITHER_HEADERS = "错误码 错误代码 返回码 errorcode errcode code error 状态码 statuscode"
_DESCRIPTION_HEADERS = """含义 说明 描述 错误描述 错误信息 错误说明 错误提示 提示 提示信息 错误原因 原因 描述信息
    中文描述 返回信息 状态说明 释义 解释 详情 错误详情 description meaning message errormessage
    errmsg msg desc reason explanation details detail summary text 备注 remarks remark comment"""
# Headers of tables that describe fields or parameters, not codes.
_PARAMETER_HEADERS = """参数 参数名 参数名称 字段 字段名 字段名称 属性 类型 数据类型 必填 必须 是否必填 是否必须
    默认值 取值范围 parameter parameters param field fieldname property type datatype required
    default defaultvalue optional"""

# Shares of a column's filled cells: "mostly" numbers under a header that says "value" is
# enough; an ambiguous header needs content that speaks clearly.
_MOSTLY = 0.5
_NUMERIC = 0.8
_IDENTIFIER = 0.8


def normalise_header(header: str) -> str:
    """Fold a header for alias lookup: width, case, blanks and punctuation don't matter."""
    folded = unicodedata.normalize("NFKC", header).casefold()
    folded = re.sub(r"[(（\[].*?[)）\]]", "", folded) or folded
    return re.sub(r"[\s_\-./:：*`]+", "", folded)


def _words(block: str) -> frozenset[str]:
    return frozenset(normalise_header(word) for word in block.split())


@dataclass(frozen=True)
class HeaderAliases:
    """Header words per role; the configuration can add to them."""

    name: frozenset[str] = field(default_factory=lambda: _words(_NAME_HEADERS))
    value: frozenset[str] = field(default_factory=lambda: _words(_VALUE_HEADERS))
    either: frozenset[str] = field(default_factory=lambda: _words(_EITHER_HEADERS))
    description: frozenset[str] = field(default_factory=lambda: _words(_DESCRIPTION_HEADERS))
    parameter: frozenset[str] = field(default_factory=lambda: _words(_PARAMETER_HEADERS))

    def extended(self, extra: Mapping[str, Sequence[str]]) -> HeaderAliases:
        def more(role: str) -> frozenset[str]:
            return getattr(self, role) | {normalise_header(h) for h in extra.get(role, ())}

        return HeaderAliases(
            name=more(NAME),
            value=more(VALUE),
            either=self.either,
            description=more(DESCRIPTION),
            parameter=self.parameter,
        )


@dataclass(frozen=True, slots=True)
class Roles:
    """Column index per role (None: the table has no such column)."""

    value: int
    name: int | None = None
    description: int | None = None

    def role_of(self, index: int) -> str | None:
        for role in ROLES:
            if getattr(self, role) == index:
                return role
        return None


@dataclass(frozen=True, slots=True)
class _Profile:
    header: str
    numeric: float
    upper_snake: float
    identifier: float
    filled: int


def _profile(header: str, cells: Sequence[str]) -> _Profile:
    filled = [c for c in cells if c]
    count = len(filled) or 1
    return _Profile(
        header=normalise_header(header),
        numeric=sum(map(is_numeric, filled)) / count,
        upper_snake=sum(map(is_upper_snake, filled)) / count,
        identifier=sum(map(is_identifier, filled)) / count,
        filled=len(filled),
    )


def detect_roles(
    headers: Sequence[str],
    columns: Sequence[Sequence[str]],
    aliases: HeaderAliases,
    pinned: Mapping[str, str] | None = None,
) -> Roles | str:
    """Return the column roles of a table, or why it is not a code table.

    ``columns`` holds each column's reduced cell texts; ``pinned`` maps a role to a header the
    configuration fixed for this file or section.
    """
    if pinned:
        return _pinned_roles(headers, pinned)
    profiles = [_profile(h, col) for h, col in zip(headers, columns, strict=True)]
    if not any(p.filled for p in profiles):
        return "the table has no data rows"
    value = _value_column(profiles, aliases)
    if value is None:
        shown = ", ".join(h for h in headers if h) or "none"
        if any(p.header in aliases.parameter for p in profiles):
            return f"a parameter table: no code column (headers: {shown})"
        return f"no column holds codes (headers: {shown})"
    free = [i for i in range(len(profiles)) if i != value]
    name = _name_column(profiles, free, aliases, string_codes=profiles[value].numeric < 1)
    description = next(
        (i for i in free if i != name and profiles[i].header in aliases.description), None
    )
    return Roles(value=value, name=name, description=description)


def _value_column(profiles: Sequence[_Profile], aliases: HeaderAliases) -> int | None:
    """The code column, best first: a numeric column under an unambiguous value header, then
    under a header such as ``错误码`` or ``code``, then string codes, then an HTTP status."""
    headers = [p.header for p in profiles]
    if any(h in aliases.parameter for h in headers) and not any(
        h in aliases.either for h in headers
    ):
        return None

    def first(test: Callable[[_Profile], bool]) -> int | None:
        return next((i for i, p in enumerate(profiles) if p.filled and test(p)), None)

    tiers: tuple[Callable[[_Profile], bool], ...] = (
        lambda p: (
            p.header in aliases.value
            and p.header not in aliases.either
            and "http" not in p.header
            and p.numeric >= _MOSTLY
        ),
        lambda p: p.header in aliases.either and "http" not in p.header and p.numeric >= _NUMERIC,
        lambda p: (
            p.header in aliases.either
            and p.header not in aliases.name
            and p.identifier >= _IDENTIFIER
        ),
        # An HTTP status is the code only when nothing else is: beside a string error code it
        # is an attribute of that code.
        lambda p: (
            (p.header in aliases.value or p.header in aliases.either) and p.numeric >= _NUMERIC
        ),
    )
    for tier in tiers:
        found = first(tier)
        if found is not None:
            return found
    return None


def _name_column(
    profiles: Sequence[_Profile], free: Sequence[int], aliases: HeaderAliases, string_codes: bool
) -> int | None:
    if string_codes:
        # The string in the value column is the code's identity; a separate name is rare.
        candidates = [i for i in free if profiles[i].header in aliases.name]
    else:
        candidates = [
            i
            for i in free
            if profiles[i].identifier >= _IDENTIFIER
            and (profiles[i].header in aliases.name or profiles[i].header in aliases.either)
        ]
        if not candidates:
            candidates = [i for i in free if profiles[i].upper_snake >= 0.9]
    return min(candidates, key=lambda i: (profiles[i].header not in aliases.name, i), default=None)


def _pinned_roles(headers: Sequence[str], pinned: Mapping[str, str]) -> Roles | str:
    folded = [normalise_header(h) for h in headers]
    found: dict[str, int | None] = {}
    for role in ROLES:
        wanted = pinned.get(role)
        if wanted is None:
            found[role] = None
            continue
        key = normalise_header(wanted)
        if key not in folded:
            return f"the configured {role} column {wanted!r} is not in this table"
        found[role] = folded.index(key)
    if found[VALUE] is None:
        return "the configured columns name no value column"
    return Roles(value=found[VALUE], name=found[NAME], description=found[DESCRIPTION])
