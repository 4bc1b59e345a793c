"""Turn a value cell's text into a code value, and tell what a column's cells look like."""

from __future__ import annotations

import re

from speclint.model import Value
from speclint.read.thresholds import LABEL_MAX_CHARS, LABEL_MAX_WORDS, MAX_VALUE_DIGITS

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_HEX = re.compile(r"[-+]?0[xX][0-9a-fA-F]+")
_PADDED = re.compile(r"[-+]?0[0-9]+")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:[.:/-][A-Za-z0-9_]+)*")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\uff0d": "-", "\u2013": "-"})


def parse_value(text: str) -> Value:
    """Return an int for decimal, signed and hex text; any other text (``0001``) unchanged.

    A fixed-width code such as ``0001`` stays a string: it is a different code from ``1``.
    """
    candidate = text.strip().translate(_MINUS_SIGNS)
    if len(candidate) > MAX_VALUE_DIGITS:
        return text.strip()  # no code is this long; Python refuses to print such integers
    if _DECIMAL.fullmatch(candidate):
        return int(candidate)
    if _HEX.fullmatch(candidate):
        return int(candidate, 16)
    return text.strip()


def is_numeric(text: str) -> bool:
    """True for anything that reads as a number: decimal, signed, hex or zero-padded."""
    candidate = text.strip().translate(_MINUS_SIGNS)
    return bool(
        _DECIMAL.fullmatch(candidate) or _HEX.fullmatch(candidate) or _PADDED.fullmatch(candidate)
    )


def is_identifier(text: str) -> bool:
    """A code-like token: ``InvalidParameter``, ``AuthFailure.SignatureExpire``, ``E_FAIL``."""
    return bool(_IDENTIFIER.fullmatch(text))


_CODE_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:/-]*")
_COMPOUND = re.compile(r"(?P<a>\S+)\s*(?:\s|[/:=\u2013-])\s*(?P<b>\S+)")


def is_code_token(text: str) -> bool:
    """One token that could be a code, numeric or not: ``2201B``, ``IAM.0007``, ``00``."""
    return bool(_CODE_TOKEN.fullmatch(text))


def split_compound(text: str) -> tuple[str, str] | None:
    """Split a cell holding a name and a number (``E_ABORT 0x80004004``) into (name, number)."""
    match = _COMPOUND.fullmatch(text.strip())
    if match is None:
        return None
    first, second = match["a"], match["b"]
    if is_identifier(first) and is_numeric(second):
        return first, second
    if is_numeric(first) and is_identifier(second):
        return second, first
    return None


_LABEL = re.compile(
    rf"[A-Za-z][A-Za-z0-9_.'-]*(?: [A-Za-z0-9][A-Za-z0-9_.'-]*){{0,{LABEL_MAX_WORDS - 1}}}"
)


def is_label(text: str) -> bool:
    """A short Latin label of a few words, as status names are (``Bad Request``)."""
    return len(text) <= LABEL_MAX_CHARS and bool(_LABEL.fullmatch(text))
