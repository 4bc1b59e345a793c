"""Read a page from disk into text whose offsets, lines and columns speclint can trust.

Line endings are normalised to ``\\n`` (CRLF and lone CR alike) and a UTF-8 BOM is dropped, so a
page saved on Windows yields the same records and positions as the same page saved on Linux.

Pages are UTF-8. A page that is not is decoded only when its encoding is certain, with a notice
that says so (``Source.notice``): UTF-16 with a byte-order mark, UTF-16 without one whose NUL
bytes all sit on one side of each character, and GB18030 (GBK, GB2312: common for Chinese docs)
when a strict decode succeeds and every non-ASCII character is a GB2312 one with Chinese among
them. Anything else stops with a message naming the page and the ``--encoding`` option.
"""

from __future__ import annotations

import codecs
import errno
from dataclasses import dataclass
from pathlib import Path


class SourceError(Exception):
    """A file that cannot be read as text; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    text: str
    encoding: str
    notice: str = ""  # set when the page was not UTF-8 and speclint decoded it anyway


_NUL = b"\x00"
_SAMPLE = 8192  # bytes looked at to tell text from binary


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode a page's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, ``encoding`` if
    given and the page is not UTF-8, else a certain guess (see the module docstring)."""
    notice = ""
    if data.startswith(codecs.BOM_UTF8):
        used, data = "utf-8-sig", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        used = "utf-16"
    elif _is_utf8(data):
        used = "utf-8"
    elif encoding is not None:
        used = encoding
    else:
        used, notice = _guess(data, path)
    try:
        text = data.decode(used)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"{path}:{line}: not valid {used.upper()} (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); save the file as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")  # a BOM that survived decoding (UTF-16, doubled BOMs)
    return Source(path=path, text=normalise_newlines(text), encoding=used, notice=notice)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return _NUL not in data[:_SAMPLE]


def _guess(data: bytes, path: str) -> tuple[str, str]:
    """The encoding of a page that is not UTF-8, when it is certain, and the notice to give."""
    utf16 = _utf16_without_bom(data)
    if utf16:
        return (
            utf16,
            f"{path}: decoded as {utf16.upper()} (it has no byte-order mark); save it as UTF-8",
        )
    if _NUL in data[:_SAMPLE]:
        offset = data.index(_NUL)
        raise SourceError(f"{path}: binary file (NUL byte at offset {offset}), not a Markdown page")
    if _certainly_gb18030(data):
        return "gb18030", f"{path}: not UTF-8; decoded as GB18030 (GBK); save it as UTF-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8, or name its encoding with --encoding (e.g. --encoding gb18030)"
        ) from None
    raise AssertionError("unreachable: the page decoded as UTF-8")  # pragma: no cover


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when the NULs of a mostly-ASCII page (pipes, dashes, newlines)
    all fall on one side of its two-byte units and the whole page decodes."""
    sample = data[:_SAMPLE]
    if len(data) % 2 or _NUL not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Markdown tables are ASCII punctuation: at least a fifth of the units have a zero high byte.
    if min(even, odd) != 0 or max(even, odd) < len(sample) // 10:
        return None
    candidate = "utf-16-le" if odd else "utf-16-be"
    try:
        text = data.decode(candidate)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else candidate


def _certainly_gb18030(data: bytes) -> bool:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    chinese = False
    for char in {c for c in text if ord(c) > 0x7F}:
        try:
            char.encode("gb2312")  # two bytes both >= 0xA1: Latin-1 bytes seldom pair like that
        except UnicodeEncodeError:
            return False
        chinese = chinese or "\u4e00" <= char <= "\u9fff"
    return chinese


def check_encoding(name: str) -> str:
    """The codec name for ``--encoding``, or ``ValueError`` saying it is unknown."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r} (e.g. gb18030, big5, shift_jis)") from None


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read(path: Path, display: str | None = None, encoding: str | None = None) -> Source:
    """Read ``path``; ``display`` is how messages and records name the file."""
    name = display if display is not None else str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {_reason(exc)}") from None
    return decode(data, name, encoding)


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a symbolic link loop"
    if error.errno == errno.EISDIR:
        return "a folder, not a page"
    return error.strerror or str(error)
