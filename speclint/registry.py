"""Group parsed files into registries: the records that form one code space.

Without a declaration each file is its own registry, because a docs tree often holds several
APIs' code spaces side by side. A declared registry spans every page its globs match, optionally
narrowed to some sections.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from speclint.blocks import SuspectFence
from speclint.columns import normalise_header
from speclint.config import RegistrySpec
from speclint.discover import glob_matches
from speclint.model import Record, RowProblem, Table
from speclint.rule import RecordSet
from speclint.suppress import DirectiveProblem, Suppression

_REFERENCE_SHARE = 0.5
_RESTATED_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """Everything speclint read from one page."""

    path: str  # relative to the configuration's folder (as shown to the user once reported)
    records: tuple[Record, ...]
    tables: tuple[Table, ...]
    problems: tuple[RowProblem, ...]
    suppressions: tuple[Suppression, ...] = ()
    directive_problems: tuple[DirectiveProblem, ...] = ()
    suspect_fences: tuple[SuspectFence, ...] = ()


def in_registry(path: str, spec: RegistrySpec) -> bool:
    return glob_matches(spec.include, path)


def _in_sections(record: Record, spec: RegistrySpec) -> bool:
    return not spec.sections or any(s in record.section for s in spec.sections)


def file_record_set(parsed: ParsedFile) -> RecordSet:
    """A file's records as a rule of file or record scope sees them."""
    return RecordSet(
        parsed.path,
        parsed.records,
        (),
        parsed.problems,
        parsed.tables,
        parsed.suppressions,
        suspect_fences=parsed.suspect_fences,
    )


def build_registries(
    files: Sequence[ParsedFile], declared: Sequence[RegistrySpec]
) -> list[RecordSet]:
    """Return one record set per registry, definitions split from references.

    Files are taken in path order, so "the earlier record" of a finding does not depend on which
    pages were named on the command line. A record outside the sections its registry is
    narrowed to belongs to its file's own registry.
    """
    records: dict[str, list[Record]] = defaultdict(list)
    members: dict[str, list[ParsedFile]] = defaultdict(list)
    for parsed in sorted(files, key=lambda f: f.path):
        owners = [spec for spec in declared if in_registry(parsed.path, spec)]
        own = f"file:{parsed.path}"
        for record in parsed.records:
            owner = next((spec.name for spec in owners if _in_sections(record, spec)), own)
            records[owner].append(record)
        for name in [spec.name for spec in owners] or [own]:
            members[name].append(parsed)
        if own in records and owners:
            members[own].append(parsed)
    registries = []
    for name, group in members.items():
        declared_here = not name.startswith("file:")
        spaces = [records.get(name, [])] if declared_here else code_spaces(records.get(name, []))
        for space in spaces:
            definitions, references = split_references(space)
            registries.append(
                RecordSet(
                    name if declared_here else group[0].path,
                    tuple(definitions),
                    tuple(references),
                    tuple(p for f in group for p in f.problems),
                    tuple(t for f in group for t in f.tables),
                    tuple(s for f in group for s in f.suppressions),
                    declared=declared_here,
                )
            )
    return registries


def code_spaces(records: Sequence[Record]) -> list[list[Record]]:
    """Split one page's records into the code spaces a reader sees side by side.

    Tables whose code columns are headed alike (every ``十进制数值`` table of a status-code page)
    form one code space, whose sections divide its values between them. A table headed
    differently (MQTT's packet types beside its reason codes), or one that repeats many values
    of the space it would join (HTTP/2 error codes beside gRPC status codes, both
    ``| name | code | desc |``), is a code space of its own. A nameless table that cites the
    codes of a space (what one endpoint returns) joins that space, as references.
    """
    spaces: list[_Space] = []
    for rows in _tables(records).values():
        if not any(r.name for r in rows):
            citing = max(spaces, key=lambda space: _share_cited(rows, space.keys), default=None)
            if citing is not None and _share_cited(rows, citing.keys) > _REFERENCE_SHARE:
                citing.add(rows)
                continue
        # Numbers and string codes under one header are two code spaces too (WebSocket close
        # codes beside an API's string error codes, both under "Code").
        header = (_code_header(rows[0]), _kind(rows))
        values = {r.value_key for r in rows}
        joining = next(
            (s for s in spaces if s.header == header and not _restates(values, s.values)), None
        )
        if joining is None:
            spaces.append(_Space(header))
            joining = spaces[-1]
        joining.add(rows)
    order = {id(r): i for i, r in enumerate(records)}
    return [sorted(space.records, key=lambda r: order[id(r)]) for space in spaces]


def _kind(rows: Sequence[Record]) -> str:
    numbers = sum(1 for r in rows if isinstance(r.value, int))
    return "numbers" if numbers * 2 >= len(rows) else "strings"


@dataclass
class _Space:
    header: tuple[str, str]
    records: list[Record] = field(default_factory=list)
    values: set[tuple[str, object]] = field(default_factory=set)
    keys: dict[tuple[str, object], str] = field(default_factory=dict)

    def add(self, rows: Sequence[Record]) -> None:
        self.records.extend(rows)
        self.values.update(r.value_key for r in rows)
        for key, meaning in cited_keys(rows).items():
            self.keys.setdefault(key, meaning)


def _restates(values: set[tuple[str, object]], space: set[tuple[str, object]]) -> bool:
    """Whether a table repeats so many of a space's values that it cannot be one of its
    categories: a slip repeats a value or two, another code space repeats a share of them."""
    shared = len(values & space)
    return shared >= 2 and shared >= _RESTATED_SHARE * len(values)


def _tables(records: Sequence[Record]) -> dict[tuple[str, int], list[Record]]:
    tables: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for record in records:
        tables[(record.file, record.table)].append(record)
    return tables


def _code_header(record: Record) -> str:
    cell = record.cell("value")
    return normalise_header(cell.header) if cell is not None else ""


def cited_keys(records: Sequence[Record]) -> dict[tuple[str, object], str]:
    """What a reference may cite a code by (its value, or for string codes its name), with the
    meaning it is defined with."""
    keys: dict[tuple[str, object], str] = {}
    for record in records:
        keys.setdefault(record.value_key, record.description)
        if record.name:
            keys.setdefault(("str", record.name), record.description)
    return keys


def _share_cited(rows: Sequence[Record], keys: Mapping[tuple[str, object], str]) -> float:
    """The share of ``rows`` that cite a code of ``keys`` with its meaning (or with none): a
    table giving the same numbers other meanings (Discord's voice close codes beside its
    gateway close codes) is another code space, not a list of references."""
    cited = sum(1 for r in rows if r.value_key in keys and _same_meaning(r, keys[r.value_key]))
    return cited / len(rows)


def _same_meaning(row: Record, meaning: str) -> bool:
    mine, theirs = _fold(row.description), _fold(meaning)
    return not mine or not theirs or mine in theirs or theirs in mine


def _fold(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def split_references(records: Sequence[Record]) -> tuple[list[Record], list[Record]]:
    """Separate the rows of nameless tables that mostly re-list codes listed before them.

    A page that lists the codes one endpoint returns (``| 错误码 | 说明 |``), or maps HTTP
    statuses to codes, cites definitions; it does not define the codes a second time, so it
    must not count as a duplicate.
    """
    keys: dict[tuple[str, object], str] = {}
    referencing: set[tuple[str, int]] = set()
    for table, rows in _tables(records).items():
        if keys and not any(r.name for r in rows) and _share_cited(rows, keys) > _REFERENCE_SHARE:
            referencing.add(table)
        else:
            for key, meaning in cited_keys(rows).items():
                keys.setdefault(key, meaning)
    definitions = [r for r in records if (r.file, r.table) not in referencing]
    references = [r for r in records if (r.file, r.table) in referencing]
    return definitions, references
