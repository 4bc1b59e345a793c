"""Group parsed files into registries: the records that form one code space.

Without a declaration each file is its own registry, because a docs tree often holds several
APIs' code spaces side by side. A declared registry spans every page its globs match, optionally
narrowed to some sections.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from speclint.columns import normalise_header
from speclint.config import RegistrySpec
from speclint.discover import glob_matches
from speclint.model import Record, RowProblem, Table
from speclint.rule import RecordSet
from speclint.suppress import DirectiveProblem, Suppression

_REFERENCE_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """Everything speclint read from one page."""

    path: str  # relative to the configuration's folder (as shown to the user once reported)
    records: tuple[Record, ...]
    tables: tuple[Table, ...]
    problems: tuple[RowProblem, ...]
    suppressions: tuple[Suppression, ...] = ()
    directive_problems: tuple[DirectiveProblem, ...] = ()


def in_registry(path: str, spec: RegistrySpec) -> bool:
    return glob_matches(spec.include, path)


def _in_sections(record: Record, spec: RegistrySpec) -> bool:
    return not spec.sections or any(s in record.section for s in spec.sections)


def file_record_set(parsed: ParsedFile) -> RecordSet:
    """A file's records as a rule of file or record scope sees them."""
    return RecordSet(
        parsed.path, parsed.records, (), parsed.problems, parsed.tables, parsed.suppressions
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
    form one code space; differently headed ones (MQTT's packet types, property identifiers and
    reason codes on one page) are separate, so their values may repeat. A nameless table that
    cites the codes of a named space (a list of what one endpoint returns) joins that space.
    """
    tables: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for record in records:
        tables[(record.file, record.table)].append(record)
    spaces: dict[str, list[Record]] = defaultdict(list)
    nameless: list[list[Record]] = []
    for rows in tables.values():
        if any(r.name for r in rows):
            spaces[_code_header(rows[0])].extend(rows)
        else:
            nameless.append(rows)
    cited = {header: cited_keys(space) for header, space in spaces.items()}
    for rows in nameless:
        citing = max(cited, key=lambda h: _share_cited(rows, cited[h]), default=None)
        if citing is not None and _share_cited(rows, cited[citing]) > _REFERENCE_SHARE:
            spaces[citing].extend(rows)
        else:
            spaces[_code_header(rows[0])].extend(rows)
    order = {id(r): i for i, r in enumerate(records)}
    return [sorted(space, key=lambda r: order[id(r)]) for space in spaces.values()]


def _code_header(record: Record) -> str:
    cell = record.cell("value")
    return normalise_header(cell.header) if cell is not None else ""


def cited_keys(records: Sequence[Record]) -> set[tuple[str, object]]:
    """What a reference may cite a code by: its value, or (string codes) its name."""
    named = [r for r in records if r.name]
    return {r.value_key for r in named} | {("str", r.name) for r in named}


def _share_cited(rows: Sequence[Record], keys: set[tuple[str, object]]) -> float:
    return sum(r.value_key in keys for r in rows) / len(rows)


def split_references(records: Sequence[Record]) -> tuple[list[Record], list[Record]]:
    """Separate the rows of nameless tables that mostly re-list codes named elsewhere.

    A page that lists the codes one endpoint returns (``| 错误码 | 说明 |``) cites definitions;
    it does not define the codes a second time, so it must not count as a duplicate.
    """
    keys = cited_keys(records)
    if not keys:
        return list(records), []
    tables: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for record in records:
        tables[(record.file, record.table)].append(record)
    referencing = set()
    for key, rows in tables.items():
        if any(r.name for r in rows):
            continue
        if _share_cited(rows, keys) > _REFERENCE_SHARE:
            referencing.add(key)
    definitions = [r for r in records if (r.file, r.table) not in referencing]
    references = [r for r in records if (r.file, r.table) in referencing]
    return definitions, references
