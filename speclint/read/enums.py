"""The values of an enum's members as C gives them, in a reference generated from headers.

Doxygen and the tools that turn its output into Markdown list an enum as ``| Enumerator |
Value | Description |`` and leave a member's value empty when the header gives none: C makes
it the member before plus one (the first member 0). A value may also be written as the header
writes it, an integer expression (``( 1 << 16)``, ``( 1 << 16) + 1``). A reader of the page
numbers the members so; ``Numbering`` does it for the rows of one table. After a value that
names another constant (``MLResultAPIPrefix_Media``) the members that follow have values the
page does not give: they are read for their names alone.
"""

from __future__ import annotations

import ast
import operator
import unicodedata
from collections.abc import Callable

from speclint.read.values import parse_value

# Headers of a name column that lists an enum's members.
_ENUM_HEADERS = ("enum", "枚举")
_OPERATORS: dict[type[ast.AST], Callable[[int, int], int]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.LShift: operator.lshift,
    ast.BitOr: operator.or_,
}
_EXPRESSION_CHARACTERS = frozenset("0123456789abcdefxABCDEFX()<+-| ")
_MAX_SHIFT = 64  # no enum shifts further (and 1 << 10**9 would hang the reader)
_MAX_EXPRESSION_CHARS = 64  # a value a header computes is short; a longer cell is prose


def is_enum_header(header: str) -> bool:
    """Whether a name column's header says it lists an enum's members (Enumerator, 枚举值)."""
    folded = unicodedata.normalize("NFKC", header).casefold().strip()
    return folded.startswith(_ENUM_HEADERS)


def int_expression(text: str) -> int | None:
    """The integer a C constant expression of literals gives (``( 1 << 16) + 1``), or None."""
    if not text or len(text) > _MAX_EXPRESSION_CHARS or not _EXPRESSION_CHARACTERS.issuperset(text):
        return None
    try:
        return _evaluate(ast.parse(text.strip(), mode="eval").body)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # "(1+1+...+1)" nested past the parser's depth: no code of a header


def _evaluate(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant):
        return node.value if type(node.value) is int else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _evaluate(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.LShift) and not 0 <= right <= _MAX_SHIFT:
            return None
        return _OPERATORS[type(node.op)](left, right)
    return None


class Numbering:
    """The members of one enum table, numbered as C numbers them."""

    def __init__(self) -> None:
        self.previous: int | None = -1  # before the first member: it is 0 when not given

    def value_text(self, text: str) -> str | None:
        """The value cell ``text`` to read for the next member (the implied number when it is
        empty, an expression's result), or None when the page does not give it."""
        if not text:
            if self.previous is None:
                return None  # after a value naming another constant: not known
            self.previous += 1
            return str(self.previous)
        value = parse_value(text)
        if not isinstance(value, int):
            value = int_expression(text)
            if value is not None:
                text = str(value)
        self.previous = value if isinstance(value, int) else None
        return text
