"""Group parsed files into the record sets rules see: one per file, and one per registry.

Without a declaration each file is its own registry, because a docs tree often holds several
APIs' code spaces side by side (and within a page, ``spaces`` splits the code spaces a reader
sees). A declared registry spans every page its globs match, optionally narrowed to some
sections.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from speclint.config import RegistrySpec, Translations
from speclint.model import ParsedFile, Record, Snapshot
from speclint.registry.spaces import code_spaces, split_references
from speclint.rule import RecordSet


@dataclass(frozen=True)
class Grouping:
    """The record sets of one run: per file (for record and file rules), per registry, and per
    pair of translated pages."""

    files: tuple[RecordSet, ...]
    registries: tuple[RecordSet, ...]
    translations: tuple[RecordSet, ...] = ()


def group(
    files: Sequence[ParsedFile],
    declared: Sequence[RegistrySpec],
    base: Snapshot | None = None,
    translations: Translations | None = None,
) -> Grouping:
    """The record sets of ``files``; with ``base``, each registry also gets its definitions at
    that revision, grouped the same way (``speclint.registry.history``); with ``translations``,
    the pairs of translated pages (``speclint.registry.translations``)."""
    registries = build_registries(files, declared)
    if base is not None:
        registries = _with_base(registries, files, declared, base)
    return Grouping(
        tuple(file_record_set(f) for f in files),
        tuple(registries),
        _translation_pairs(files, translations) if translations else (),
    )


def _with_base(
    registries: list[RecordSet],
    files: Sequence[ParsedFile],
    declared: Sequence[RegistrySpec],
    base: Snapshot,
) -> list[RecordSet]:
    """``registries`` with their records at ``base``.

    A page on its own that is the same at the base is its own base: no code can have moved to
    or from it, so it skips the comparison's matching altogether (most pages of a change).
    """
    # Only a run with a base revision compares revisions: load that machinery then.
    from speclint.registry.history import with_base

    alone = {
        f.path
        for f in files
        if f.path in base.unchanged and not any(spec.includes(f.path) for spec in declared)
    }

    def is_alone(record_set: RecordSet) -> bool:
        return not record_set.declared and record_set.name in alone

    same = [f for f in files if f.path in base.unchanged and f.path not in alone]
    then = build_registries([*base.files, *same], declared)
    compared = iter(with_base([r for r in registries if not is_alone(r)], then, base.revision))
    result = [
        replace(r, base=r.records, base_revision=base.revision) if is_alone(r) else next(compared)
        for r in registries
    ]
    # The registries that are gone since the base; a page that is still there (its tables
    # emptied) keeps its tables, for findings to point at.
    tables = {f.path: f.tables for f in files}
    gone = [r if r.declared else replace(r, tables=tables.get(r.name, ())) for r in compared]
    return [*result, *gone]


def _translation_pairs(
    files: Sequence[ParsedFile], translations: Translations
) -> tuple[RecordSet, ...]:
    from speclint.registry.translations import translation_pairs  # only with [translations]

    return translation_pairs(files, translations)


def file_record_set(parsed: ParsedFile) -> RecordSet:
    """A file's records as a rule of file or record scope sees them."""
    return RecordSet.of_page(parsed)


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
        owners = [spec for spec in declared if spec.includes(parsed.path)]
        own = f"file:{parsed.path}"
        if not owners:  # most pages: in no declared registry, every record its own page's
            records[own].extend(parsed.records)
        elif not owners[0].sections:  # the first registry takes every section: all of them
            records[owners[0].name].extend(parsed.records)
        else:
            for record in parsed.records:
                owner = next(
                    (spec.name for spec in owners if spec.includes_section(record.section)), own
                )
                records[owner].append(record)
        for name in [spec.name for spec in owners] or [own]:
            members[name].append(parsed)
        if own in records and owners:
            members[own].append(parsed)
    registries = []
    for name, group_files in members.items():
        declared_here = not name.startswith("file:")
        page_ranges = [d for f in group_files for d in f.declared_ranges]
        spaces = (
            [records.get(name, [])]
            if declared_here
            else code_spaces(records.get(name, []), page_ranges)
        )
        for space in spaces:
            definitions, references = split_references(space)
            registries.append(
                RecordSet(
                    name if declared_here else group_files[0].path,
                    tuple(definitions),
                    tuple(references),
                    tuple(p for f in group_files for p in f.problems),
                    tuple(t for f in group_files for t in f.tables),
                    tuple(s for f in group_files for s in f.suppressions),
                    declared=declared_here,
                    declared_ranges=tuple(d for f in group_files for d in f.declared_ranges),
                )
            )
    return registries
