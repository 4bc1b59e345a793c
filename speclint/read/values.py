"""Turn a value cell's text into a code value, and tell what a column's cells look like."""

from __future__ import annotations

import re
from collections.abc import Sequence

from speclint.model import Value
from speclint.read.thresholds import (
    ALTERNATIVE_MIN_DIGITS,
    LABEL_MAX_CHARS,
    LABEL_MAX_WORDS,
    MAX_VALUE_DIGITS,
)

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_HEX = re.compile(r"[-+]?0[xX][0-9a-fA-F]+")
_PADDED = re.compile(r"[-+]?0[0-9]+")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:[.:/-][A-Za-z0-9_]+)*")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\uff0d": "-", "\u2013": "-"})


def parse_value(text: str) -> Value:
    """Return an int for decimal, signed and hex text; any other text (``0001``) unchanged.

    A fixed-width code such as ``0001`` stays a string: it is a different code from ``1``.
    """
    candidate = text.strip()
    if not candidate.isascii():
        candidate = candidate.translate(_MINUS_SIGNS)
    if len(candidate) > MAX_VALUE_DIGITS:
        return text.strip()  # no code is this long; Python refuses to print such integers
    if _DECIMAL.fullmatch(candidate):
        return int(candidate)
    if _HEX.fullmatch(candidate):
        return int(candidate, 16)
    if "(" in candidate or "\uff08" in candidate:
        twice = dual_notation(candidate)
        if twice is not None:
            return twice
    return text.strip()


# "12(0xc)", "0x0C (12)", "12（0xC）": one number written twice, in two notations.
_DUAL = re.compile(r"(?P<first>[-+]?\w+)\s*[(（]\s*(?P<second>[-+]?\w+)\s*[)）]")


def dual_notation(text: str) -> int | None:
    """The number a cell writes twice, decimal and hexadecimal (``12(0xc)``, ``0x0C (12)``), or
    None when it does not (two different numbers, or anything but two numbers)."""
    match = _DUAL.fullmatch(text.strip())
    if match is None:
        return None
    first, second = parse_value(match["first"]), parse_value(match["second"])
    if isinstance(first, int) and first == second:
        return first
    return None


# Decimal, signed, hex or zero-padded: the union of the three, in one pass.
_NUMBER = re.compile(r"[-+]?(?:0[xX][0-9a-fA-F]+|[0-9]+)")


def is_numeric(text: str) -> bool:
    """True for anything that reads as a number: decimal, signed, hex or zero-padded."""
    candidate = text.strip()
    if not candidate.isascii():
        candidate = candidate.translate(_MINUS_SIGNS)
    if _NUMBER.fullmatch(candidate) is not None:
        return True
    return ("(" in candidate or "\uff08" in candidate) and dual_notation(candidate) is not None


def is_identifier(text: str) -> bool:
    """A code-like token: ``InvalidParameter``, ``AuthFailure.SignatureExpire``, ``E_FAIL``."""
    return bool(_IDENTIFIER.fullmatch(text))


_CODE_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:/-]*")
_COMPOUND = re.compile(r"(?P<a>\S+)\s*(?:\s|[/:=\u2013-])\s*(?P<b>\S+)")


def is_code_token(text: str) -> bool:
    """One token that could be a code, numeric or not: ``2201B``, ``IAM.0007``, ``00``."""
    return bool(_CODE_TOKEN.fullmatch(text))


# "200 (OK)", "404（未找到）": a number and, in brackets, what it is called.
_LABELLED = re.compile(r"(?P<number>\S+)\s*[(（](?P<label>[^()（）]+)[)）]")


# "HTTP 404 Not Found", "HTTP/1.1 200 OK", "404 Not Found": an HTTP status line, a status and
# its reason phrase.
_STATUS_LINE_STARTS = frozenset("Hh12345")
# "ERROR 1045 (28000): Access denied for user ...": an error line as a server prints it (MySQL's
# ERROR <code> (<SQLSTATE>): <message>), whose code is the number after ERROR.
_ERROR_LINE = re.compile(
    r"(?:ERROR|Error|ERR|Err)\s+(?P<number>[0-9]+)\s*(?:\([0-9A-Z]{5}\))?\s*:\s*\S.*"
)
_STATUS_LINE = re.compile(
    r"(?:HTTP(?:/[0-9.]+)?\s+)?(?P<number>[1-5][0-9]{2})\s+(?P<label>[A-Za-z].*)"
)


# "400 No Recipients", "5XX Internal Server Error", "400 The max number of ids per request was
# exceeded": an HTTP status (or class of them) and, after a blank, the error's title, whatever
# its length.
_STATUS_TITLE = re.compile(r"(?P<status>[1-5](?:[0-9]{2}|[xX]{2}))\s+(?P<title>[A-Za-z].*)")


def reason_phrase(status: str) -> str:
    """HTTP's own reason phrase for a status (``404``: ``not found``), folded; "" for a class
    (``5XX``) or a number HTTP does not define."""
    if not status.isdigit():
        return ""
    from http import HTTPStatus  # only a page with such cells asks: not at start-up

    try:
        return HTTPStatus(int(status)).phrase.casefold()
    except ValueError:
        return ""


def split_status_title(text: str) -> tuple[str, str] | None:
    """(status, title) for a cell that is an HTTP status and an error's title, or None."""
    match = _STATUS_TITLE.fullmatch(text.strip())
    return (match["status"], match["title"].strip()) if match is not None else None


# A name, a blank, and a remark in brackets after it: "OLD_NAME (deprecated)", "E_X（已废弃）".
_NAME_REMARK = re.compile(r"(?P<name>\S+?)\s*(?:\s[(]|\uff08)[^()\uff08\uff09]+[)\uff09]")


# Brackets that close a remark, ASCII and full-width.
CLOSING_BRACKETS = frozenset(")\uff09")
# What pages write in a cell that has nothing to say (a value or a meaning to come).
PLACEHOLDERS = frozenset({"-", "--", "\u2014", "\u2013", "/", "N/A", "n/a", "无"})
_CONSTANT_SHAPE = re.compile(r"[_.]|[a-z0-9][A-Z]")
_REMARK_OPENING = re.compile(r"\s[(]|\uff08")


def name_without_remark(text: str) -> str:
    """A name cell's identifier without a remark in brackets after it:
    ``ACLNN_ERR_KEY_CONFILICT (deprecated)`` -> ``ACLNN_ERR_KEY_CONFILICT``; other text as it is."""
    if (
        text[-1:] not in CLOSING_BRACKETS
        or not text[:1].isascii()
        or not _REMARK_OPENING.search(text)
    ):
        return text  # most cells: no remark after a name (缺少部门ID(KALO) is a meaning)
    remarked = _NAME_REMARK.fullmatch(text)
    if remarked is None:
        return text
    name = remarked["name"]
    # A constant's shape (ERR_X, Auth.Fail, InvalidToken): "Unauthorized (token expired)" is a
    # message, a word and what it says of it.
    if not is_identifier(name) or not (
        _CONSTANT_SHAPE.search(name) or (name.isupper() and len(name) > 1)
    ):
        return text  # TIMEOUT (deprecated) is a constant too, one word in capitals
    return name


def without_remark(text: str) -> str:
    """A value cell's code without a remark in brackets after it: ``1 (default)`` -> ``1``.
    Numbers in the brackets are another notation of the code (``12(0xc)``), kept."""
    labelled = _LABELLED.fullmatch(text.strip())
    if labelled is None or not is_numeric(labelled["number"]):
        return text
    return text if is_numeric(labelled["label"].strip()) else labelled["number"]


# Words a cell writes before a code as its key (code=10001, errno: 5), never names.
_VALUE_KEYS = frozenset(
    {"code", "errcode", "errorcode", "error", "err", "errno", "status", "ret", "retcode", "rc"}
)


def split_compound(text: str) -> tuple[str, str] | None:
    """Split a cell holding a name and a number (``E_ABORT 0x80004004``, ``200 (OK)``) into
    (name, number)."""
    if "(" in text or "\uff08" in text:
        labelled = _LABELLED.fullmatch(text.strip())
        number = labelled["number"] if labelled is not None else ""
        if number and is_numeric(labelled["label"].strip()):  # type: ignore[index]
            return None  # "12(0xc)", "5 (6)": numbers in both places, no name
        if number and (is_numeric(number) or parse_range(number)):
            return labelled["label"].strip(), number  # type: ignore[index]
    if text[:1] in "Ee" and (line := _ERROR_LINE.fullmatch(text.strip())) is not None:
        return "", line["number"]  # the message is the server's words, not the code's name
    status = _STATUS_LINE.fullmatch(text.strip()) if text[:1] in _STATUS_LINE_STARTS else None
    if status is not None and is_label(status["label"]):
        return status["label"], status["number"]
    match = _COMPOUND.fullmatch(text.strip())
    if match is None:
        return None
    first, second = match["a"], match["b"]
    if is_identifier(first) and is_numeric(second):
        # "code=10001": the column's own key written before the number, not a name.
        return ("" if first.casefold() in _VALUE_KEYS else first), second
    if is_numeric(first) and is_identifier(second):
        return second, first
    return None


_LABEL = re.compile(
    rf"[A-Za-z][A-Za-z0-9_.'-]*(?: [A-Za-z0-9][A-Za-z0-9_.'-]*){{0,{LABEL_MAX_WORDS - 1}}}"
)


def is_label(text: str) -> bool:
    """A short Latin label of a few words, as status names are (``Bad Request``)."""
    return len(text) <= LABEL_MAX_CHARS and bool(_LABEL.fullmatch(text))


# A documented range in a value cell: "-32099 to -32000", "1000~1999", "1000-1999", "0x03 to 0xBF",
# "1000–1999", "1000 至 1999", "8 à 27". Both ends are numbers written the same way a code is.
_END = r"[-+]?(?:0[xX][0-9a-fA-F]+|[0-9]+)"
# Other languages' "to", a word between blanks: "8 à 27", "101 bis 199", "1 a 99", "1 até 9",
# "1 до 99" (never "8a27", a hex number's digits).
_RANGE = re.compile(
    rf"(?P<low>{_END})(?P<sep>\s*(?:to|through|thru|~|～|–|—|-|至|到|\.\.\.?)\s*"
    rf"|\s+(?:à|bis|a|até|ao|al|до|tot)\s+)(?P<high>{_END})",
    re.IGNORECASE,
)
# What a number or a range can start with, once stripped (signs, and the minus signs pages use).
RANGE_STARTS = frozenset("-+0123456789\u2212\uff0d\u2013")
_LABEL_AFTER = re.compile(r"\s*[(（][^()（）]*[)）]$")
# "5xx", "4XX": every code of a hundred (HTTP's way of naming a class of statuses).
# "13nnn", "15**", "11060*": the same, with the placeholders other pages use for a digit.
_CLASS = re.compile(r"(?P<digits>[1-9][0-9]*)(?P<wild>x+|X+|n+|N+|\*+)")


def parse_range(text: str) -> tuple[int, int] | None:
    """The inclusive bounds of a range written in a value cell, or None when it is not one.
    A label in brackets after it (``5xx (SERVER ERROR)``) is allowed."""
    stripped = text.strip()
    if not stripped or stripped[0] not in RANGE_STARTS or stripped.isdigit():
        return None  # most cells: a name, a meaning or a plain number
    candidate = _LABEL_AFTER.sub("", stripped).translate(_MINUS_SIGNS)
    match = _RANGE.fullmatch(candidate)
    if match is not None:
        low, high = parse_value(match["low"]), parse_value(match["high"])
        if not (isinstance(low, int) and isinstance(high, int)) or low == high:
            return None
        if low < high:
            return low, high
        # "-32000 to -32099": JSON-RPC pages count down; a word says it is a range. A bare
        # dash between a larger and a smaller number (2-1) is something else.
        return (high, low) if match["sep"].strip() != "-" else None

    match = _CLASS.fullmatch(candidate)
    if match is not None:
        scale = 10 ** len(match["wild"])
        low = int(match["digits"]) * scale
        return low, low + scale - 1
    return None


def value_kind(raw: str) -> str:
    """What kind of code a value cell holds: ``decimal`` (300311, -1), ``hex`` (0x1A),
    ``padded`` (0001: a number written at a fixed width) or ``string`` (InvalidParameter)."""
    candidate = raw.strip().translate(_MINUS_SIGNS)
    if "(" in candidate or "\uff08" in candidate:
        twice = _DUAL.fullmatch(candidate)
        if twice is not None and dual_notation(candidate) is not None:
            return value_kind(twice["first"])  # 12(0xc): decimal, as it is written first
    if _DECIMAL.fullmatch(candidate):
        return "decimal"
    if _HEX.fullmatch(candidate):
        return "hex"
    if _PADDED.fullmatch(candidate):
        return "padded"
    return "string"


# "500, 502, 503, 504", "40001/40002": several codes that share a row.
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_LIST_SEPARATOR = re.compile("\\s*[,，、;\uff1b/]\\s*")
# "QuotaExceeded, QuotaLimitReached": string codes are listed with a comma or a semicolon (and
# a line break, which a cell's text shows as ", ": see records._cell_texts). Never a slash,
# which string codes hold themselves (``Storage/Full``).
_IDENTIFIER_LIST_SEPARATOR = re.compile("\\s*[,，、;\uff1b]\\s*")
# "5.4.6 or 5.4.14", "40001 或 40002": the alternatives a row gives, each a code of its meaning.
# Only between codes written alike (see _written_alike): words joined by "or" are a phrase,
# "0 or 1" a setting's two states, "3000-3999 or 5000-5999" two ranges, and "5.7.13 or 135" a
# shorthand no reader takes as 135. The word is spaced, as _gives_alternatives tests it.
_ALTERNATIVES = re.compile(r" +(?:or|OR|Or) +|\s*或者?\s*")
_DIGIT_RUN = re.compile("[0-9]+")
_LETTER_RUN = re.compile("[A-Za-z]+")


def split_list(text: str) -> list[str] | None:
    """The values of a cell that lists several codes (numbers, or string codes), or None when
    it lists fewer than two (or anything but codes)."""
    stripped = text.strip()
    if _THOUSANDS.fullmatch(stripped):
        return None  # 10,000 is one number
    parts = _LIST_SEPARATOR.split(stripped)
    if len(parts) >= 2 and all(is_numeric(p) for p in parts):
        return parts
    # Never split on a slash but between numbers: string codes hold slashes (Storage/Full, and
    # TLS1.2/TLS1.3 is one name).
    parts = _IDENTIFIER_LIST_SEPARATOR.split(stripped)
    if len(parts) >= 2:
        return parts if all(is_identifier(p) for p in parts) or _written_alike(parts) else None
    if _gives_alternatives(stripped):
        parts = _ALTERNATIVES.split(stripped)
        return parts if len(parts) >= 2 and _written_alike(parts) else None
    return None


def may_list(cell: str) -> bool:
    """Whether a cell may list several codes ("500, 502", "5.4.6 or 5.4.14", "40001 或 40002"):
    only such a cell is worth asking split_list (plain substring tests: asked of every cell)."""
    return "," in cell or _gives_alternatives(cell)


def _gives_alternatives(text: str) -> bool:
    return "或" in text or " or " in text or " OR " in text or " Or " in text


def _written_alike(parts: Sequence[str]) -> bool:
    """Whether every part is a code token with ALTERNATIVE_MIN_DIGITS digits or more and no
    range, all of one shape: ``5.4.6`` and ``5.4.14``, ``E1001`` and ``E1002``, ``400`` and
    ``404`` (digits and letters count as runs)."""
    shapes = set()
    for part in parts:
        if (
            not is_code_token(part)
            or sum(map(len, _DIGIT_RUN.findall(part))) < ALTERNATIVE_MIN_DIGITS
            or parse_range(part) is not None
        ):
            return False
        shapes.add(_LETTER_RUN.sub("A", _DIGIT_RUN.sub("9", part)))
    return len(shapes) == 1
