"""What a standalone report shows, computed once from a finished lint and shared by the HTML and
Markdown reports: the summary, the findings grouped by rule with the records they involve, and
each section of each code space with its code-space map.

A report's *section* is a category of a code space (``speclint.registry.ranges``): the heading
that sets a table apart from the page's other tables, its sub-headings pooled into it, or a
configured heading; it is what a range applies to, so it is what a map draws.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from speclint import __version__
from speclint.check.configure import configured_ranges
from speclint.config import Settings
from speclint.lint import LintResult
from speclint.model import Diagnostic, Location, Record, Severity
from speclint.registry.catalog import catalog
from speclint.registry.lifecycle import Markers
from speclint.registry.ranges import (
    Range,
    categories,
    configured_heading,
    file_roots,
    section_heading,
)
from speclint.report.codemap import CodeMap, code_maps
from speclint.rule import RecordSet, Rule, doc_section

WORST_FIRST = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True, slots=True)
class Involved:
    """A place a finding involves: its own (``note`` empty) or a related one, with the record
    there when there is one (a malformed row is no record)."""

    location: Location
    note: str
    record: Record | None


@dataclass(frozen=True, slots=True)
class Finding:
    diagnostic: Diagnostic
    involved: tuple[Involved, ...]


@dataclass(frozen=True, slots=True)
class RuleFindings:
    """The findings of one rule, with what its documentation says about fixing them."""

    code: str
    name: str
    summary: str
    how_to_fix: str  # Markdown, from the rule's docstring
    findings: tuple[Finding, ...]

    @property
    def severities(self) -> tuple[tuple[Severity, int], ...]:
        counts = Counter(f.diagnostic.severity for f in self.findings)
        return tuple((s, counts[s]) for s in WORST_FIRST if counts[s])

    @property
    def worst(self) -> Severity:
        return max(f.diagnostic.severity for f in self.findings)


@dataclass(frozen=True, slots=True)
class Section:
    """One category of one code space: its records (definitions first) and its map (None when
    it holds no integer codes)."""

    number: int  # 0, 1, ... in report order
    space: str  # the code space: a page, or a registry the configuration declares
    heading: str
    definitions: tuple[Record, ...]
    references: tuple[Record, ...]  # rows that cite a code defined elsewhere
    map: CodeMap | None

    @property
    def records(self) -> tuple[Record, ...]:
        return (*self.definitions, *self.references)

    @property
    def title(self) -> str:
        return f"{self.space} > {self.heading or 'untitled top of the page'}"


@dataclass(frozen=True)
class Overview:
    version: str
    files: int
    sections_read: int  # headings with code tables, counted as `speclint check` counts them
    codes: int
    severities: tuple[tuple[Severity, int], ...]
    rules: tuple[RuleFindings, ...]
    sections: tuple[Section, ...]
    errors: tuple[str, ...]
    warnings: tuple[str, ...]  # pages skipped or decoded with a guess
    markers: Markers
    # The rules whose findings involve the record at (file, line), at its row or as related.
    findings_at: Mapping[tuple[str, int], tuple[str, ...]]

    @property
    def finding_count(self) -> int:
        return sum(len(r.findings) for r in self.rules)

    def state(self, record: Record) -> str:
        """Where a code is in its life, as the catalog shows it ("" in use)."""
        if self.markers.is_deprecated(record):
            return "deprecated"
        if self.markers.is_reserved(record):
            return "reserved"
        return ""


def overview(result: LintResult, settings: Settings) -> Overview:
    sections = _sections(result, settings)
    at = {(r.file, r.line): r for section in sections for r in section.records}
    by_rule: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in sorted(result.diagnostics, key=Diagnostic.sort_key):
        by_rule[diagnostic.code].append(diagnostic)
    rules = {rule.code: type(rule) for rule in result.rules}
    findings_at: dict[tuple[str, int], list[str]] = defaultdict(list)
    for d in result.diagnostics:
        # A record is involved in a finding at its own row or as a related record.
        for place in (d.location, *(r.location for r in d.related)):
            if d.code not in findings_at[(place.file, place.line)]:
                findings_at[(place.file, place.line)].append(d.code)
    severity_counts = Counter(d.severity for d in result.diagnostics)
    return Overview(
        version=__version__,
        files=len(result.files),
        sections_read=len({(r.file, r.section) for f in result.files for r in f.records}),
        codes=result.record_count,
        severities=tuple((s, severity_counts[s]) for s in WORST_FIRST),
        rules=tuple(
            _rule_findings(code, rules.get(code), found, at)
            for code, found in sorted(by_rule.items())
        ),
        sections=tuple(sections),
        errors=result.errors,
        warnings=result.warnings,
        markers=Markers.configured(settings.markers),
        findings_at={key: tuple(codes) for key, codes in findings_at.items()},
    )


def _rule_findings(
    code: str,
    rule: type[Rule] | None,
    found: Sequence[Diagnostic],
    at: Mapping[tuple[str, int], Record],
) -> RuleFindings:
    documentation = rule.documentation() if rule is not None else ""
    return RuleFindings(
        code=code,
        name=found[0].rule,
        summary=rule.summary() if rule is not None else "",
        how_to_fix=doc_section(documentation, "How to fix"),
        findings=tuple(
            Finding(
                d,
                (
                    Involved(d.location, "", at.get((d.file, d.line))),
                    *(
                        Involved(r.location, r.message, at.get((r.location.file, r.location.line)))
                        for r in d.related
                    ),
                ),
            )
            for d in found
        ),
    )


def _sections(result: LintResult, settings: Settings) -> list[Section]:
    """The sections of every code space that holds a record of a linted page.

    The code spaces are the ones the rules saw, drawn whole (with the pages read only for their
    registry), so that the next free value is free in all of it.
    """
    ranges, infer = configured_ranges(settings)
    # Records name their page relative to the configuration; findings name it as the user did.
    shown = {f.records[0].file: f.path for f in result.files if f.records}
    # Without rules (all ignored) lint groups nothing: group the linted pages here.
    found = result.registries or catalog(result.files, settings).registries
    registries = [
        _displayed(registry, shown)
        for registry in found
        if any(r.file in shown for r in (*registry.records, *registry.references))
    ]
    spaces_per_name = Counter(r.name for r in registries)
    seen: Counter[str] = Counter()
    sections: list[Section] = []
    for registry in registries:
        seen[registry.name] += 1
        space = registry.name
        if spaces_per_name[registry.name] > 1:
            space = f"{registry.name} (code space {seen[registry.name]})"
        sections.extend(_registry_sections(registry, space, ranges, infer, len(sections)))
    return sections


def _displayed(registry: RecordSet, shown: Mapping[str, str]) -> RecordSet:
    """The registry with its records' pages named as the user named them."""

    def rename(records: tuple[Record, ...]) -> tuple[Record, ...]:
        return tuple(
            replace(r, file=shown[r.file]) if shown.get(r.file, r.file) != r.file else r
            for r in records
        )

    name = registry.name if registry.declared else shown.get(registry.name, registry.name)
    return replace(
        registry,
        name=name,
        records=rename(registry.records),
        references=rename(registry.references),
    )


def _registry_sections(
    registry: RecordSet,
    space: str,
    ranges: Mapping[str, Range],
    infer: bool,
    first: int,
) -> list[Section]:
    # As category-range sees them: configured, stated by the page, else inferred.
    found = categories(registry.records, ranges, infer=infer, declared=registry.declared_ranges)
    reserved = [Range(d.low, d.high) for d in registry.declared_ranges if d.source == "row"]
    maps = code_maps(found, registry.records, registry.references, reserved)
    headings = [c.heading for c in found]
    index_of: dict[str, int] = {}
    for index, heading in enumerate(headings):
        index_of.setdefault(heading, index)
    definitions: list[list[Record]] = [list(c.records) for c in found]
    references: list[list[Record]] = [[] for _ in found]
    placed = {id(r) for c in found for r in c.records}
    roots = file_roots([*registry.records, *registry.references])
    # String codes and references join the category of their heading, or make a section of
    # their own (without a map) when no category has it.
    for record, target in (
        *((r, definitions) for r in registry.records if id(r) not in placed),
        *((r, references) for r in registry.references),
    ):
        heading = configured_heading(record.section, ranges) or section_heading(
            record.section, roots[record.file]
        )
        if heading not in index_of:
            index_of[heading] = len(headings)
            headings.append(heading)
            definitions.append([])
            references.append([])
        target[index_of[heading]].append(record)
    return [
        Section(
            number=first + index,
            space=space,
            heading=heading,
            definitions=tuple(definitions[index]),
            references=tuple(references[index]),
            map=maps[index] if index < len(maps) else None,
        )
        for index, heading in enumerate(headings)
    ]
