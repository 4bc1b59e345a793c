"""Code spaces within one page, and the tables that only cite codes defined elsewhere.

A page often lists several code spaces side by side (MQTT's packet types beside its reason
codes, HTTP/2 error codes beside gRPC status codes), and tables that re-list codes defined
before them (what one endpoint returns). The thresholds are in ``registry/thresholds.py``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from speclint.model import DeclaredRange, Record, Value
from speclint.read.columns import names_error_codes, normalise_header
from speclint.read.headings import heading_kinds
from speclint.read.thresholds import CLEARLY, HTTP_STATUS_HIGH, HTTP_STATUS_LOW
from speclint.registry.ranges import is_generic
from speclint.registry.thresholds import (
    LINKED_INDEX_SHARE,
    REFERENCE_SHARE,
    RENUMBERED_MIN_NAMES,
    RENUMBERED_SHARE,
    RESTATED_MIN_VALUES,
    RESTATED_SHARE,
    SHARED_STATUS_ROWS,
    TYPE_NAME_MIN_WORDS,
)


def code_spaces(
    records: Sequence[Record], declared: Sequence[DeclaredRange] = ()
) -> list[list[Record]]:
    """Split one page's records into the code spaces a reader sees side by side.

    Tables whose code columns are headed alike (every ``十进制数值`` table of a status-code page)
    form one code space, whose sections divide its values between them. A table headed
    differently (MQTT's packet types beside its reason codes), or one that repeats many values
    of the space it would join (HTTP/2 error codes beside gRPC status codes, both
    ``| name | code | desc |``), is a code space of its own. A nameless table that cites the
    codes of a space (what one endpoint returns) joins that space, as references. Two sections
    whose headings (or first sentences) declare ranges from one start (compile errors 1-99,
    run-time errors 1-255) number from that start each: two code spaces. ``declared`` are the
    page's declared ranges.
    """
    tables = _tables(records)
    starts = _declared_starts(declared)
    # Indexes and maps of name patterns join the space whose codes they cite, once it is known.
    indexes = index_tables(tables) | mapping_tables(tables)
    # Only a nameless table can cite codes: without one, no space needs its keys.
    citing_possible = not all(any(r.name for r in rows) for rows in tables.values())
    spaces: list[_Space] = []
    by_header: dict[tuple[str, str, str], list[_Space]] = {}  # a page of 1,000 enums: no scan
    parts = [
        (part, label)
        for table, rows in tables.items()
        if table not in indexes  # an index joins the space it cites, below
        for label, part in type_runs(rows)
    ]
    for rows, label in parts:
        if citing_possible and not any(r.name for r in rows):
            citing = max(spaces, key=lambda space: space.share_cited(rows), default=None)
            if citing is not None and citing.share_cited(rows) > REFERENCE_SHARE:
                citing.add(rows)
                continue
        # Numbers and string codes under one header are two code spaces too (WebSocket close
        # codes beside an API's string error codes, both under "Code"), and so are the tables
        # of two types (an SDK reference's enums, one per heading: LoginErrorCode, RtsErrorCode).
        header = (_code_header(rows[0]), _kind(rows), label or type_heading(rows[0].section))
        start = _start_of(rows[0].section, starts)
        # A heading also says what its table enumerates (IPP's Operation IDs beside its Status
        # Codes): two kinds of identifier are two code spaces, even under the same header.
        enumerates = heading_kinds(rows[0].section)
        values = {r.value for r in rows}
        headed_alike = by_header.setdefault(header, [])
        counted = _counts_from_start(values) and "codes" not in enumerates
        joining = next(
            (
                s
                for s in headed_alike
                if s.admits(enumerates)
                and not _restates(values, s.values)
                and not s.renumbered_by(rows)
                and not s.starts_with(start)
                and not (not values.isdisjoint(s.values) and (counted or s.counts_from_start()))
            ),
            None,
        )
        if joining is None:
            spaces.append(_Space(header, with_keys=citing_possible))
            joining = spaces[-1]
            headed_alike.append(joining)
        joining.add(rows, enumerates)
        if start is not None:
            joining.starts.add(start)
    if indexes and not spaces:
        spaces.append(_Space(("", "", "")))  # only maps on the page: they make its one space
    codes = [_codes(space.records) for space in spaces] if indexes else []
    for table in indexes:
        rows = tables[table]
        best = max(range(len(spaces)), key=lambda i: _share_listed(rows, codes[i]))
        spaces[best].records.extend(rows)
    if len(spaces) == 1:
        return [list(records)]  # every record, in the page's order already
    order = {id(r): i for i, r in enumerate(records)}
    return [sorted(space.records, key=lambda r: order[id(r)]) for space in spaces]


def type_runs(rows: Sequence[Record]) -> list[tuple[str, Sequence[Record]]]:
    """A table's rows split by a column that names the type of each run of them
    (``| ResultCodeConnect | CONNECT_FAIL | 1 |``, the type given on the run's first row and
    left blank below): each type numbers its own members, as under a heading naming it
    (``type_heading``). A column of categories in words (Common, Room) splits nothing, nor does
    one that names a type on every row (each row's exception class): most runs must be groups
    of rows.
    """
    whole: list[tuple[str, Sequence[Record]]] = [("", rows)]
    if len(rows) < 2:
        return whole
    column = next(
        (i for i, c in enumerate(rows[0].cells) if not c.role and c.text and _names_type(c.text)),
        None,
    )
    if column is None:
        return whole
    runs: list[tuple[str, list[Record]]] = []
    for record in rows:
        cells = record.cells
        label = cells[column].text if column < len(cells) and not cells[column].role else ""
        if label:
            if not _names_type(label):
                return whole  # a column of other things that happens to start with a type
            if not runs or runs[-1][0] != label:
                runs.append((label, []))
        if not runs:
            return whole
        runs[-1][1].append(record)
    grouped = sum(1 for _, members in runs if len(members) > 1)
    if len({label for label, _ in runs}) < 2 or grouped * 2 <= len(runs):
        return whole  # one type, or a type per row (its exception class): no runs of rows
    return list(runs)


def _names_type(text: str) -> bool:
    return type_heading((text,)) == text.strip().strip("`")


def _kind(rows: Sequence[Record]) -> str:
    numbers = sum(1 for r in rows if isinstance(r.value, int))
    return "numbers" if numbers * 2 >= len(rows) else "strings"


# A heading that names a type: two or more capitalised words run together, maybe qualified
# (AudioRecordingErrorCode, MLResultGlobal, bytertc::ErrorCode, Status.Code). A category named in words
# (Errors, 订单模块, Authentication errors) is a part of one code space.
_TYPE_NAME = re.compile(
    r"(?:[A-Za-z_][A-Za-z0-9_]*(?:::|\.))*(?:[A-Z]+[a-z0-9]+)"
    rf"{{{TYPE_NAME_MIN_WORDS},}}"
)


# A heading that says it is an enum (Anonymous Enum 2, enum Status): a type with no other name.
_ENUM_WORD = re.compile(r"\benum\b", re.IGNORECASE)


# Words a type of codes is named with (LoginErrorCode, MLSnapshotResult, HttpStatus): a
# heading of capitalised words without one (PayPal, WeChat, WebSocket) names a product or a
# module, a category of the page's one code space.
_TYPE_WORDS = frozenset(
    [
        "Code",
        "Codes",
        "Error",
        "Errors",
        "Err",
        "Result",
        "Results",
        "Status",
        "Reason",
        "Type",
        "Kind",
        "Enum",
        "Exception",
        "Return",
        "Ret",
    ]
)
_CAPITALISED = re.compile(r"[A-Z]+[a-z0-9]*")


def type_heading(section: tuple[str, ...]) -> str:
    """The deepest heading of ``section`` that names a type ("" if none): each type numbers
    its own members (an enum's start at 0 again), so its table is a code space of its own."""
    for heading in reversed(section):
        text = heading.strip().strip("`")
        if _ENUM_WORD.search(text) or (
            _TYPE_NAME.fullmatch(text)
            and ("::" in text or "." in text or not _TYPE_WORDS.isdisjoint(_words_of(text)))
        ):
            return text
    return ""


def _words_of(name: str) -> list[str]:
    """The capitalised words of a type name: MLResultGlobal -> ML, Result, Global."""
    words = []
    for word in _CAPITALISED.findall(name):
        # An acronym run into a word (MLResult): the acronym, then the word.
        run = len(word) - len(word.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        if run > 1 and run < len(word):
            words += [word[: run - 1], word[run - 1 :]]
        else:
            words.append(word)
    return words


@dataclass
class _Space:
    header: tuple[str, str, str]
    with_keys: bool = True  # whether a reference may cite its codes (see ``keys``)
    records: list[Record] = field(default_factory=list)
    values: set[Value] = field(default_factory=set)
    keys: dict[Value, str] = field(default_factory=dict)
    widths: dict[Value, int] = field(default_factory=dict)  # see ``hex_widths``
    names: dict[str, set[Value]] = field(default_factory=dict)  # each name's values
    meanings: dict[str, str] = field(default_factory=dict)  # each name's first meaning, folded
    # (the declaring line, the low end, the high end) of each range its sections declare
    starts: set[tuple[int, int, int]] = field(default_factory=set)
    # What its headings say it lists (``heading_kinds``), once one does.
    enumerates: frozenset[str] = frozenset()
    _counted: tuple[int, bool] = (-1, False)  # (how many values, counts_from_start) last asked

    def admits(self, enumerates: frozenset[str]) -> bool:
        return not enumerates or not self.enumerates or bool(enumerates & self.enumerates)

    def add(self, rows: Sequence[Record], enumerates: frozenset[str] = frozenset()) -> None:
        self.enumerates = self.enumerates or enumerates
        self.records.extend(rows)
        self.values.update(r.value for r in rows)
        for r in rows:
            if r.name:
                self.names.setdefault(r.name, set()).add(r.value)
                self.meanings.setdefault(r.name, _fold(r.description))
        if self.with_keys:
            for key, meaning in cited_keys(rows).items():
                self.keys.setdefault(key, meaning)
            for key, width in hex_widths(rows).items():
                self.widths.setdefault(key, width)

    def counts_from_start(self) -> bool:
        """Whether the space is an enumeration that counts from 0 or 1 (``_counts_from_start``)
        under headings that do not say it lists codes. Remembered until the space grows: a
        page of many tables asks once per table."""
        if "codes" in self.enumerates:
            return False
        if self._counted[0] != len(self.values):
            self._counted = (len(self.values), _counts_from_start(self.values))
        return self._counted[1]

    def starts_with(self, start: tuple[int, int, int] | None) -> bool:
        """Whether another section of the space declares another range from ``start``'s low
        end (1-99 beside 1-255). The same range twice is one category's range copied: its
        codes still collide."""
        return start is not None and any(
            low == start[1] and high != start[2] and line != start[0]
            for line, low, high in self.starts
        )

    def renumbered_by(self, rows: Sequence[Record]) -> bool:
        """Whether ``rows`` give many of the space's names other values, each meaning what it
        meant there (RENUMBERED_SHARE, at least RENUMBERED_MIN_NAMES): the same constants
        numbered for another controller family or version (Noop 1000, Idle, under one model's
        heading; Noop 2000, Idle, under the next), not names that collide. A category copied
        from another and given its own meanings (NOT_FOUND: the account, then the payment)
        collides; so do a table's own names repeated with two values."""
        named = {r.name: r for r in rows if r.name}
        renumbered = sum(
            1
            for name, r in named.items()
            if (had := self.names.get(name))
            and r.value not in had
            and _fold(r.description) == self.meanings[name]
        )
        return renumbered >= max(RENUMBERED_MIN_NAMES, RENUMBERED_SHARE * len(named))

    def share_cited(self, rows: Sequence[Record]) -> float:
        return _share_cited(rows, self.keys, self.widths)


def _declared_starts(
    declared: Sequence[DeclaredRange],
) -> dict[tuple[str, ...], tuple[int, int, int]]:
    """Per section, the (line, low, high) of the range its heading or first sentence declares."""
    return {
        d.section: (d.line, d.low, d.high) for d in declared if d.source in ("heading", "sentence")
    }


def _start_of(
    section: tuple[str, ...], starts: Mapping[tuple[str, ...], tuple[int, int, int]]
) -> tuple[int, int, int] | None:
    """The declared start of a table's section: its deepest heading that declares a range."""
    if not starts:
        return None
    for depth in range(len(section), 0, -1):
        found = starts.get(section[:depth])
        if found is not None:
            return found
    return None


def _restates(values: set[Value], space: set[Value]) -> bool:
    """Whether a table repeats so many of a space's values that it cannot be one of its
    categories: a slip repeats a value or two, another code space repeats a share of them, or
    many of its negative codes (RESTATED_MIN_VALUES): the generic errors (-1 failed, -2 timed
    out...) each family of a vendor's products numbers alike. A block of positive codes pasted
    into a second category is still that space's duplicates."""
    shared = values & space
    if len(shared) < 2:
        return False
    if len(shared) >= RESTATED_SHARE * len(values):
        return True
    negative = sum(1 for v in shared if isinstance(v, int) and v < 0)
    return negative >= RESTATED_MIN_VALUES


def _counts_from_start(values: set[Value]) -> bool:
    """Whether a table's values count up from 0 or 1 without a gap (0, 1, 2; 1..13), all of
    them or CLEARLY of them (0..7 beside two markers, 1000 and 1999): an enumeration of its
    own. An SDK's constants page lists one per heading (microphone states 0..4, image formats
    0..1), each starting over: one that meets a value of the space it would join, or a table
    that meets such an enumeration's values, starts a space of its own, where a category of a
    code space takes values of its own. Under headings that say they list codes (错误码, Error
    codes, a page titled so), small categories counting 1, 2, 3 are categories still, and a
    value they share is a duplicate."""
    start = 0 if 0 in values else 1
    run = start
    while run in values:
        run += 1
    counted = run - start
    return counted >= 2 and counted >= CLEARLY * len(values)


def _tables(records: Sequence[Record]) -> dict[tuple[str, int], list[Record]]:
    tables: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for record in records:
        tables[(record.file, record.table)].append(record)
    return tables


def _code_header(record: Record) -> str:
    cell = record.cell("value")
    return normalise_header(cell.header) if cell is not None else ""


def cited_keys(records: Sequence[Record]) -> dict[Value, str]:
    """What a reference may cite a code by (its value, or for string codes its name), with the
    meaning it is defined with.

    Keyed by the value itself, not ``Record.value_key``: a value is an int or a str and an int
    never equals a str, so the keys tell the same codes apart without a tuple for each (on a
    registry of 100,000 codes, tens of megabytes)."""
    keys: dict[Value, str] = {}
    for record in records:
        keys.setdefault(record.value, record.description)
        if record.name:
            # A numbered code cited by its name (| Branch is trunk | INVALID_STATE |) is cited
            # whatever the row says of it: "" is a meaning any row's agrees with.
            by_name = "" if isinstance(record.value, int) else record.description
            keys.setdefault(record.name, by_name)
    return keys


def hex_widths(records: Sequence[Record]) -> dict[Value, int]:
    """How many hex digits each code written in hex is defined with (0x00000008: 8)."""
    widths: dict[Value, int] = {}
    for record in records:
        width = _hex_width(record.raw_value)
        if width:
            widths.setdefault(record.value, width)
    return widths


def _hex_width(raw: str) -> int:
    digits = raw.lstrip("+-")
    return len(digits) - 2 if digits[:2] in ("0x", "0X") else 0


def _share_cited(
    rows: Sequence[Record], keys: Mapping[Value, str], widths: Mapping[Value, int]
) -> float:
    """The share of ``rows`` that cite a code of ``keys`` with its meaning (or with none): a
    table giving the same numbers other meanings (Discord's voice close codes beside its
    gateway close codes) is another code space, not a list of references.

    A row that restates no meaning cites a code only as it is written: hex of another width
    is another field's (a one-byte field's 0x08 beside a four-byte status's 0x00000008). And
    one-digit codes alone (0, 1, 3, 9) cite only with their meanings or under a header that
    names codes (``Exit code``): a field's small enumeration (a numbering plan's 0x00..0x09
    under ``Value``) meets any space's small codes by chance."""
    cited = []
    for row in rows:
        if row.value not in keys:
            continue
        meaning = keys[row.value]
        if not _same_meaning(row, meaning):
            continue
        restated = bool(_fold(row.description)) and bool(_fold(meaning))
        if restated or _same_width(row, widths):
            cited.append((row, restated))
    if all(isinstance(r.value, int) and is_generic(r.value) for r, _ in cited):
        cited = [(r, restated) for r, restated in cited if restated or _headed_as_codes(r)]
    return len(cited) / len(rows)


def _headed_as_codes(row: Record) -> bool:
    cell = row.cell("value")
    return cell is not None and names_error_codes(cell.header)


def _same_width(row: Record, widths: Mapping[Value, int]) -> bool:
    mine, theirs = _hex_width(row.raw_value), widths.get(row.value, 0)
    return not mine or not theirs or mine == theirs


def _same_meaning(row: Record, meaning: str) -> bool:
    mine, theirs = _fold(row.description), _fold(meaning)
    return not mine or not theirs or mine in theirs or theirs in mine


def _fold(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def split_references(records: Sequence[Record]) -> tuple[list[Record], list[Record]]:
    """Separate the rows of nameless tables that mostly re-list codes listed before them, and
    of indexes (``index_tables``).

    A page that lists the codes one endpoint returns (``| 错误码 | 说明 |``), or maps HTTP
    statuses to codes, cites definitions; it does not define the codes a second time, so it
    must not count as a duplicate.
    """
    tables = _tables(records)
    referencing = index_tables(tables) | mapping_tables(tables)
    if not referencing and all(any(r.name for r in rows) for rows in tables.values()):
        return list(records), []  # only a nameless table can be a list of references
    keys: dict[Value, str] = {}
    widths: dict[Value, int] = {}
    for table, rows in tables.items():
        if table in referencing:
            continue
        if (
            keys
            and not any(r.name for r in rows)
            and _share_cited(rows, keys, widths) > REFERENCE_SHARE
        ):
            referencing.add(table)
        else:
            for key, meaning in cited_keys(rows).items():
                keys.setdefault(key, meaning)
            for key, width in hex_widths(rows).items():
                widths.setdefault(key, width)
    definitions = [r for r in records if (r.file, r.table) not in referencing]
    references = [r for r in records if (r.file, r.table) in referencing]
    return definitions, references


# A cell that is one link to an anchor of its own page: Markdown (``[`10052`](#10052--z-axis)``)
# or HTML (``<a href="#err_locked">ERR_LOCKED</a>``); the anchor is the group ``to``/``html``.
_IN_PAGE_LINK = re.compile(
    r"\s*(?:\[(?:[^\[\]\\]|\\.)*\]\(\s*<?#(?P<to>[^()\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)"
    r"|<a\s[^>]*\bhref\s*=\s*[\"']#(?P<html>[^\"']*)[\"'][^>]*>(?:(?!<a\b).)*?</a\s*>)\s*",
    re.IGNORECASE | re.DOTALL,
)


def in_page_anchor(record: Record) -> str | None:
    """The anchor of the page a row's code (its name or its value) links to, if it is one link
    to an anchor of its own page."""
    for cell in record.cells:
        if cell.role in ("name", "value") and "#" in cell.raw:
            link = _IN_PAGE_LINK.fullmatch(cell.raw)
            if link is not None:
                return link["to"] if link["to"] is not None else link["html"]
    return None


def index_tables(tables: Mapping[tuple[str, int], Sequence[Record]]) -> set[tuple[str, int]]:
    """The tables that index entries written elsewhere on the page: at least
    LINKED_INDEX_SHARE of their codes link each to an anchor of its own on the page, and the
    page's other tables that define codes list more than REFERENCE_SHARE of them. Such a table
    (codes with a known fix, a summary at the top) cites codes, before or after the table
    defining them and however briefly it words them; it defines none.

    A table whose codes link in-page but whose codes no other table lists (each code's details
    under a heading of its own) is the page's one list of them: it defines them. Links that
    all lead to one anchor (the code table's section) point at a table, not at entries; and a
    smaller table without names that lists the same codes (the retryable ones) cites them."""
    linked = set()
    for table, rows in tables.items():
        if in_page_anchor(rows[0]) is None:
            continue
        anchors = [a for a in map(in_page_anchor, rows) if a is not None]
        if len(anchors) >= LINKED_INDEX_SHARE * len(rows) and len(set(anchors)) * 2 > len(rows):
            linked.add(table)
    if not linked or len(linked) == len(tables):
        return set()
    # Each code of the other tables, with the longest table listing it (or -1 when a table
    # with names does, which defines it whatever its length): one pass, not one per index.
    longest: dict[Value, int] = {}
    for table, rows in tables.items():
        if table in linked:
            continue
        length = -1 if any(r.name for r in rows) else len(rows)
        for code in _codes(rows):
            known = longest.get(code)
            if known is None or (known != -1 and (length == -1 or length > known)):
                longest[code] = length
    indexes = set()
    for table in linked:
        rows = tables[table]

        def defines(code: Value, size: int = len(rows)) -> bool:
            length = longest.get(code)
            return length is not None and (length == -1 or length >= size)

        listed = sum(1 for r in rows if defines(r.value) or (bool(r.name) and defines(r.name)))
        if listed > REFERENCE_SHARE * len(rows):
            indexes.add(table)
    return indexes


def indexes_among(records: Sequence[Record]) -> set[tuple[str, int]]:
    """The indexes and the maps of name patterns (``index_tables``, ``mapping_tables``) among
    the tables ``records`` come from: their codes point elsewhere (an entry, HTTP's statuses)."""
    tables = _tables(records)
    return index_tables(tables) | mapping_tables(tables)


# A name that is a pattern for many codes: ``auth.*``, ``ERR_AUTH_*``, ``storage.*``.
_NAME_PATTERN = re.compile(r"[A-Za-z0-9_.:/-]*\*[A-Za-z0-9_.:/*-]*")


def mapping_tables(tables: Mapping[tuple[str, int], Sequence[Record]]) -> set[tuple[str, int]]:
    """The tables more than REFERENCE_SHARE of whose names are patterns (``auth.*`` -> 3,
    ``verify.*`` -> 9) and whose values the page's other tables define, more than
    REFERENCE_SHARE of them, or all of whose names are patterns (``TOKEN_*`` -> 401): each row maps a family of codes to a code it cites, many families
    sharing one (``anomaly.*`` and ``verify.*`` exit 9). They define no code. Patterns whose
    values no other table gives (``ERR_AUTH_* | 4000``) are that table's own codes."""
    patterned = [
        table
        for table, rows in tables.items()
        if any(r.name for r in rows[:1])
        and any("*" in r.name for r in rows)  # most tables: no pattern at all, asked cheaply
        and sum(1 for r in rows if is_name_pattern(r.name)) > REFERENCE_SHARE * len(rows)
    ]
    if not patterned:
        return set()
    values = {r.value for table, rows in tables.items() if table not in patterned for r in rows}
    return {
        table
        for table in patterned
        if all(is_name_pattern(r.name) for r in tables[table])
        or sum(1 for r in tables[table] if r.value in values) > REFERENCE_SHARE * len(tables[table])
    }


def is_name_pattern(name: str) -> bool:
    """Whether a name is a pattern for a family of codes (``auth.*``, ``STORAGE_*``), not a
    code's name."""
    return "*" in name and _NAME_PATTERN.fullmatch(name) is not None


def _codes(records: Iterable[Record]) -> set[Value]:
    """What a row may be listed by elsewhere: its value, and its name if it has one."""
    codes: set[Value] = set()
    for record in records:
        codes.add(record.value)
        if record.name:
            codes.add(record.name)
    return codes


def _share_listed(rows: Sequence[Record], codes: set[Value]) -> float:
    listed = sum(1 for r in rows if r.value in codes or (r.name and r.name in codes))
    return listed / len(rows)


def shared_status_tables(records: Sequence[Record]) -> set[tuple[str, int]]:
    """Nameless tables whose values do not identify a row: a status heads several rows
    (Telegram's 400s, Azure's ServerBusy, a generic -1), so a status repeated there is no
    duplicate (``may_be_shared`` says which values can be such a status)."""
    counts: Counter[tuple[str, int, Value]] = Counter(
        (r.file, r.table, r.value) for r in records if not r.name and may_be_shared(r.value)
    )
    return {(file, table) for (file, table, *_), n in counts.items() if n >= SHARED_STATUS_ROWS}


def may_be_shared(value: Value) -> bool:
    """Whether several errors may share ``value`` as their status: a string code (ServerBusy),
    a number an HTTP status could be, or a generic one-digit code (-1). Any other number is a
    code of its own, and one given several meanings (5056 three times) is a duplicate."""
    if not isinstance(value, int):
        return True
    return HTTP_STATUS_LOW <= value <= HTTP_STATUS_HIGH or is_generic(value)
