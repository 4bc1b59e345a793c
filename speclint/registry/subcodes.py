"""Codes refined by a second code: rows that share a value (or a name) but not a finer code
are two codes.

Some tables key a row by two codes, a coarse one and a finer one: SMTP's reply code and its
enhanced status code (``452 | 4.3.1`` and ``452 | 4.2.2``), an API's error code and its subcode
(``190 | 458``, ``190 | 460``). A client switches on the pair, so two rows sharing the coarse
code are not a duplicate when their finer codes differ. A column is read as such a finer code
when its header names codes finer than another's (enhanced, sub-, detail), nearly all of the
table's rows fill it with a code, and no two rows share one (a finer key is distinct in every
row: a category code or an HTTP status repeats).

A firmware table may also name a base error once per subtype (``SHT3X_NAN_ERROR`` with subtype 1,
for temperature, and 2, for humidity, each its own full code): rows of one table sharing a name
are two codes when a column headed as a subtype (``Subtype``, ``Sub code``, ``子类型``) tells them
apart with a number.

A protocol's messages may be numbered per direction (a function code's request and reply):
in a table whose column headed as a direction (``Direction``, ``方向``) gives several values in
two opposite directions, rows sharing a value but going opposite ways are two messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from speclint.model import Record, Table, Value
from speclint.read.columns import names_codes, normalise_header
from speclint.read.thresholds import HTTP_STATUS_HIGH, HTTP_STATUS_LOW
from speclint.registry.table_rows import extra_column, pinned_header, rows_of_tables
from speclint.registry.thresholds import DIRECTION_SHARED_MIN, REFINING_CODE_SHARE

# A code as a finer column writes it: a number, a hex number, or dotted numbers (4.3.1).
_CODE = re.compile(r"[-+]?[0-9]+|0[xX][0-9a-fA-F]+|[0-9]+(?:\.[0-9]+)+")


def refining_headers(
    records: Iterable[Record], tables: set[tuple[str, int]], pinned: Sequence[str] | None = None
) -> dict[tuple[str, int], str]:
    """Of ``tables`` (``(file, table)``), those a column of finer codes refines, with its header.

    ``pinned`` (duplicate-value's ``refined-by``) names the headers that refine wherever they
    head a column, inferring nothing; an empty list turns refining off."""
    if not tables or pinned == ():
        return {}
    refined = {}
    for table, members in rows_of_tables(records, tables).items():
        header = _refining_header(members, pinned)
        if header is not None:
            refined[table] = header
    return refined


def finer_code(record: Record, header: str) -> str:
    """The record's cell under ``header`` ("" when it has none)."""
    cell = record.cell(header)
    return cell.text.strip() if cell is not None else ""


def nests(record: Record, finer: str) -> bool:
    """Whether a dotted finer code belongs under the record's value: its class is the value's
    first digit (SMTP: 4.3.1 under 452; 5.7.0 under 421 is a wrong reply code). Other finer
    codes (a subcode 458 under 190) say nothing of their value, and nest."""
    if "." not in finer or not isinstance(record.value, int) or record.value <= 0:
        return True
    return finer.split(".", 1)[0] == str(record.value)[0]


def _refining_header(members: Sequence[Record], pinned: Sequence[str] | None) -> str | None:
    return extra_column(
        members, pinned, lambda rows, header: _names_finer_codes(header) and _refines(rows, header)
    )


# Words of a header saying its codes refine another (Enhanced status code, Subcode, 子错误码,
# 详细错误码): a column mapping each error to another scheme's code (gRPC code, Legacy code,
# 内部错误码) is unique per row because the errors differ, and says nothing of a repeat.
_REFINING_WORDS = (
    "subcode", "substatus", "suberror", "subreason", "subresult",
    "enhanced", "extended", "detail", "子码", "子错误", "子状态", "子返回", "详细", "扩展", "细分",
)  # fmt: skip


def _names_finer_codes(header: str) -> bool:
    folded = normalise_header(header)
    return names_codes(header) and any(word in folded for word in _REFINING_WORDS)


def _refines(members: Sequence[Record], header: str) -> bool:
    codes = [finer_code(record, header) for record in members]
    filled = [code for code in codes if code]
    if len(filled) < REFINING_CODE_SHARE * len(codes) or len(set(filled)) < len(filled):
        return False  # a code in most rows, and none twice: a key, not a grouping
    if sum(1 for code in filled if _CODE.fullmatch(code)) < REFINING_CODE_SHARE * len(filled):
        return False
    # Statuses beside application codes (1001 | 400) are what the codes are sent with: a
    # column of HTTP statuses refines only codes numbered like statuses themselves (190 | 458).
    return not (
        all(_http_status(code) for code in filled)
        and not all(isinstance(r.value, int) and _http_status(str(r.value)) for r in members)
    )


def _http_status(code: str) -> bool:
    return code.isdigit() and HTTP_STATUS_LOW <= int(code) <= HTTP_STATUS_HIGH


# Header words of a column that numbers the variants of one error (folded as headers are).
_SUBTYPE_WORDS = ("subtype", "subcode", "subclass", "subkind", "variant", "子类型", "子码", "子类")


def subtype_header(record: Record, pinned: Sequence[str] | None = None) -> str | None:
    """The header of the record's column that numbers variants of one error (``Subtype``), or
    None; ``pinned`` (name-collision's ``refined-by``) names those headers instead."""
    if pinned is not None:
        return pinned_header([c.header for c in record.cells if not c.role], pinned)
    return next((c.header for c in record.cells if not c.role and _names_subtypes(c.header)), None)


def told_apart(earlier: Record, later: Record, pinned: Sequence[str] | None = None) -> bool:
    """Whether two rows of one table sharing a name are two variants of it: their subtype
    cells are filled and differ."""
    if (earlier.file, earlier.table) != (later.file, later.table):
        return False
    header = subtype_header(later, pinned)
    if header is None:
        return False
    ours, theirs = finer_code(later, header), finer_code(earlier, header)
    # Numbered variants (1, 2; 0x01): a category in words (authentication, validation) under
    # "Error subtype" files two errors under one heading, and their names still collide.
    return bool(_CODE.fullmatch(ours) and _CODE.fullmatch(theirs) and ours != theirs)


def _names_subtypes(header: str) -> bool:
    folded = normalise_header(header)
    return any(word in folded for word in _SUBTYPE_WORDS)


# Header words of a column saying which way a message goes (Direction, 方向, Richtung, Sens).
_DIRECTION_HEADERS = frozenset(
    {"direction", "方向", "传输方向", "数据方向", "richtung", "sens", "dirección", "direccion"}
    | {"方向性", "방향", "направление"}
)
# A direction cell saying a message goes either way: it meets every other direction.
_EITHER_WAY = frozenset({"both", "either", "bidirectional", "双向", "兩向", "双方向", "양방향"})
# Arrows as pages write them, each read as one.
_ARROWS = re.compile(r"\s*(?:->|=>|-->|→|⟶|➡|⇒|—>|to)\s*")


def direction_headers(tables: Iterable[Table]) -> dict[tuple[str, int], str]:
    """Per table (``(file, index)``), the header of its column naming a direction, if any."""
    found = {}
    for table in tables:
        header = next((h for h in table.headers if normalise_header(h) in _DIRECTION_HEADERS), None)
        if header is not None:
            found[(table.file, table.index)] = header
    return found


def per_direction_tables(
    records: Iterable[Record], headers: Mapping[tuple[str, int], str]
) -> dict[tuple[str, int], str]:
    """Of the tables with a direction column (``headers``), those that number each direction
    apart: at least DIRECTION_SHARED_MIN values given in two opposite directions (0x01 for a
    request and for its reply)."""
    if not headers:
        return {}
    ways: dict[tuple[str, int], dict[Value, set[str]]] = {}
    for record in records:
        header = headers.get((record.file, record.table))
        if header is not None and (way := _direction(record, header)):
            ways.setdefault((record.file, record.table), {}).setdefault(record.value, set()).add(
                way
            )
    return {
        table: headers[table]
        for table, values in ways.items()
        if sum(1 for seen in values.values() if len(seen) > 1) >= DIRECTION_SHARED_MIN
    }


def directions_differ(earlier: Record, later: Record, header: str) -> bool:
    """Whether two rows of one table go opposite ways: their cells under the direction
    ``header`` are filled and differ once arrows and case are read alike (``Host -> Device``
    is ``host → device``), neither going both ways."""
    if (earlier.file, earlier.table) != (later.file, later.table):
        return False
    ours, theirs = _direction(later, header), _direction(earlier, header)
    return bool(ours and theirs) and ours != theirs


def _direction(record: Record, header: str) -> str:
    """The record's direction, folded ("" when blank or either way)."""
    text = finer_code(record, header).casefold()
    if not text or text in _EITHER_WAY:
        return ""
    return _ARROWS.sub("→", text).replace(" ", "")
