"""Read a page from disk into text whose offsets, lines and columns speclint can trust.

Line endings are normalised to ``\\n`` (CRLF and lone CR alike) and a UTF-8 BOM is dropped, so a
page saved on Windows yields the same records and positions as the same page saved on Linux.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path


class SourceError(Exception):
    """A file that cannot be read as text; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    text: str
    encoding: str


_NUL = b"\x00"


def decode(data: bytes, path: str) -> Source:
    """Decode a page's bytes (UTF-8, with or without BOM, or UTF-16 with a BOM)."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8-sig", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    if encoding == "utf-8" and _NUL in data[:8192]:
        offset = data.index(_NUL)
        raise SourceError(f"{path}: binary file (NUL byte at offset {offset}), not a Markdown page")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"{path}:{line}: not valid {encoding.upper()} (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); save the file as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")  # a BOM that survived decoding (UTF-16, doubled BOMs)
    return Source(path=path, text=normalise_newlines(text), encoding=encoding)


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read(path: Path, display: str | None = None) -> Source:
    """Read ``path``; ``display`` is how messages and records name the file."""
    name = display if display is not None else str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return decode(data, name)
