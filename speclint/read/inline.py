"""Reduce a cell's inline Markdown to the text a reader sees.

Most cells hold plain text (``ERRCODE_OK``, ``300311``, ``部门不存在``) and are returned as they
are; only a cell with markup characters goes through markdown-it's inline parser, so the common
case stays cheap and the rare one is handled exactly as a renderer would.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from speclint.read.limits import MAX_NESTING

# Characters that can start inline markup. "_" only matters at a word edge: ERROR_NAME is plain.
_MARKUP = re.compile(r"[\\`*\[\]<>&~!]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_SPACES = re.compile(r"\s+")
# Markup, or blanks that are not one plain space: a cell with neither is its own text.
_MARKUP_OR_BLANKS = re.compile(rf"{_MARKUP.pattern}|\s\s|[^\S ]")
# The same question in cheaper parts, for most cells (every cell of every table is asked, and
# the pattern above tries five alternatives at each character: 1.1 us for ERRCODE_NOT_EXIST,
# these about a third of it). A printable text has no blank but the plain space
# (``str.isprintable`` is False for every other ``str.isspace`` character), so two blanks in a
# row are two spaces; an underscore needs the costlier edge test only when there is one.
_MARKUP_CHARACTER = re.compile(r"[\\`*\[\]<>&~!]")
_EDGE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_SNAKE_WORDS = re.compile(r"[0-9A-Za-z]+(?:_[0-9A-Za-z]+)*")


@lru_cache(maxsize=1)
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(
        "strikethrough"
    )


def reduce_inline(raw: str) -> str:
    """Return ``raw`` with inline markup removed: code spans, emphasis, links, escapes, tags."""
    if (
        "  " not in raw
        and raw.isprintable()
        and not _MARKUP_CHARACTER.search(raw)
        and ("_" not in raw or _SNAKE_WORDS.fullmatch(raw) or not _EDGE_UNDERSCORE.search(raw))
    ):
        return raw.strip()  # plain (most cells): the cheap tests above say what _reduce would
    return _reduce(raw)


def _reduce(raw: str) -> str:
    """``reduce_inline`` the general way (a test holds the two to the same answer)."""
    if not _MARKUP_OR_BLANKS.search(raw):
        return raw.strip()
    if not _MARKUP.search(raw):
        return _SPACES.sub(" ", raw).strip()
    tokens = _inline_parser().parseInline(raw)
    text = "".join(_text_of(tokens[0].children or []))
    return _SPACES.sub(" ", text).strip()


def _text_of(tokens: list[Token]) -> list[str]:
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "html_inline":
            if re.fullmatch(r"<br\s*/?>", token.content, re.IGNORECASE):
                parts.append(" ")
        elif token.type == "image":
            parts.extend(_text_of(token.children or []))
    return parts
