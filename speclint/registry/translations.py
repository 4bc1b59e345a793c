"""Translated pages: which pages translate each other, and which of their records are the same
code.

The configuration's ``[translations]`` says which pages are translations (``speclint.config
.Translations``); here they become the pairs rules of translation scope see, each the page in
the first language declared beside one other language's page. Records are matched by name, or
by value where a side has no name, never by description: the languages differ. Sections are
matched the same way, by the codes they share, since their titles are translated too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

from speclint.config import Translations
from speclint.model import ParsedFile, Record, Table
from speclint.rule import RecordSet

Section = tuple[str, ...]


def translation_pairs(
    files: Sequence[ParsedFile], translations: Translations
) -> tuple[RecordSet, ...]:
    """One record set per translated page and other language: the page in the first language
    present, with ``counterpart`` the other language's page (``exists`` False when it was
    never written). Pages are taken in path order, so the pairs do not depend on which pages
    were named on the command line."""
    if not translations.roots and not translations.groups:
        return ()
    by_path = {parsed.path: parsed for parsed in files}
    seen: set[tuple[tuple[str, str], ...]] = set()
    pairs = []
    for parsed in sorted(files, key=lambda f: f.path):
        unit = translations.unit(parsed.path)
        if unit is None or unit in seen:
            continue
        seen.add(unit)
        present = [(language, by_path[page]) for language, page in unit if page in by_path]
        reference_language, reference = present[0]
        for language, page in unit:
            if page == reference.path:
                continue
            other = by_path.get(page)
            counterpart = (
                _page_set(other, language)
                if other is not None
                else RecordSet(page, (), language=language, exists=False)
            )
            pairs.append(_page_set(reference, reference_language, counterpart=counterpart))
    return tuple(pairs)


def _page_set(parsed: ParsedFile, language: str, counterpart: RecordSet | None = None) -> RecordSet:
    return RecordSet.of_page(parsed, language=language, counterpart=counterpart)


@dataclass(frozen=True, slots=True)
class Matching:
    """Which records of two translated pages are the same code.

    ``pairs`` are (first page's record, second page's record); the same name with two values is
    a pair too (that is what translation-value-mismatch reports). ``only_first`` and
    ``only_second`` are the records the other page lacks.
    """

    pairs: tuple[tuple[Record, Record], ...]
    only_first: tuple[Record, ...]
    only_second: tuple[Record, ...]

    def section_counterparts(self) -> tuple[dict[Section, Section], dict[Section, Section]]:
        """For each section of either page, the other page's section that holds most of its
        codes (the first one on a tie): first -> second and second -> first."""
        forward: dict[Section, Counter[Section]] = defaultdict(Counter)
        backward: dict[Section, Counter[Section]] = defaultdict(Counter)
        for first, second in self.pairs:
            forward[first.section][second.section] += 1
            backward[second.section][first.section] += 1
        # most_common keeps first-seen order on ties: the pairs are in page order.
        return (
            {section: counts.most_common(1)[0][0] for section, counts in forward.items()},
            {section: counts.most_common(1)[0][0] for section, counts in backward.items()},
        )


def match_records(first: Sequence[Record], second: Sequence[Record]) -> Matching:
    """Match the records of two translations of a page.

    Named records are matched by name: equal values first, so that a name listed twice keeps its
    pairs straight, then in page order. What is left is matched by value where one side has no
    name (a page without a name column); two different names are never the same code.
    """
    pairs: list[tuple[Record, Record]] = []
    matched: set[int] = set()

    def pair_up(key: Callable[[Record], Hashable], named_both_ways: bool) -> None:
        waiting: dict[Hashable, list[Record]] = defaultdict(list)
        for record in second:
            if id(record) not in matched:
                waiting[key(record)].append(record)
        for record in first:
            if id(record) in matched:
                continue
            candidates = [
                c
                for c in waiting.get(key(record), ())
                if named_both_ways or not (record.name and c.name)
            ]
            if not candidates:
                continue
            same = next((c for c in candidates if c.value_key == record.value_key), candidates[0])
            waiting[key(record)].remove(same)
            pairs.append((record, same))
            matched.update((id(record), id(same)))

    pair_up(lambda record: ("name", record.name) if record.name else ("unnamed", id(record)), True)
    pair_up(lambda record: record.value_key, False)
    order = {id(record): i for i, record in enumerate(first)}
    pairs.sort(key=lambda pair: order[id(pair[0])])
    return Matching(
        tuple(pairs),
        tuple(r for r in first if id(r) not in matched),
        tuple(r for r in second if id(r) not in matched),
    )


def table_for(
    section: Section, other: RecordSet, counterparts: Mapping[Section, Section]
) -> Table | None:
    """The table of ``other`` where the codes of ``section`` (a section of the page ``other``
    translates) are listed, else its first code table; None when it has no code table."""
    tables = {table.index: table for table in other.tables if not table.skipped}
    mapped = counterparts.get(section)
    if mapped is not None:
        holder = next((r for r in other.records if r.section == mapped), None)
        if holder is not None and holder.table in tables:
            return tables[holder.table]
    return min(tables.values(), key=lambda table: table.line, default=None)
