"""The pipeline: pages -> parsed files -> registries -> rules -> filtered, sorted diagnostics."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from speclint.blocks import parse_blocks
from speclint.config import Settings
from speclint.discover import Page, discover
from speclint.model import Diagnostic
from speclint.records import extract_records
from speclint.registry import ParsedFile, build_registries, file_record_set, in_registry
from speclint.rule import RecordSet, Rule, Scope
from speclint.selection import ignored_for, matches
from speclint.source import SourceError, read


@dataclass(frozen=True)
class LintResult:
    files: tuple[ParsedFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[str, ...]  # files that could not be read, rules that failed: exit code 2

    @property
    def record_count(self) -> int:
        return sum(len(f.records) for f in self.files)


def parse_text(path: str, text: str, settings: Settings) -> ParsedFile:
    """Parse one page's text into its records, tables and malformed rows."""

    def pinned(section: tuple[str, ...]) -> Mapping[str, str] | None:
        for pin in settings.pins:
            if pin.files and not fnmatch.fnmatch(path, pin.files):
                continue
            if pin.section and pin.section not in section:
                continue
            return pin.roles
        return None

    blocks = parse_blocks(text)
    found = extract_records(path, blocks.tables, settings.aliases, pinned)
    return ParsedFile(path, found.records, found.tables, found.problems)


def parse_page(page: Page, settings: Settings) -> ParsedFile:
    source = read(page.path, page.display)
    return parse_text(page.display, source.text, settings)


def _registry_pages(targets: Sequence[Page], settings: Settings) -> list[Page]:
    """The other pages of every declared registry a target belongs to."""
    specs = [s for s in settings.registries if any(in_registry(p.display, s) for p in targets)]
    if not specs:
        return []
    return [
        page
        for page in discover([settings.root], settings)
        if any(in_registry(page.display, spec) for spec in specs)
    ]


def lint(
    paths: Sequence[Path],
    settings: Settings,
    rules: Sequence[Rule],
    *,
    report_all: bool = False,
) -> LintResult:
    """Lint ``paths``. Findings of registry-wide rules are kept when they involve a linted page,
    even if the registry drew in other pages; ``report_all`` keeps every finding."""
    targets = discover(paths, settings)
    target_names = {page.display for page in targets}
    context = [p for p in _registry_pages(targets, settings) if p.display not in target_names]
    errors: list[str] = []
    files: list[ParsedFile] = []
    for page in [*targets, *context]:
        try:
            files.append(parse_page(page, settings))
        except SourceError as exc:
            errors.append(str(exc))
    diagnostics = run_rules(rules, files, settings, errors)
    if not report_all and context:
        diagnostics = [d for d in diagnostics if _involves(d, target_names)]
    diagnostics = [d for d in diagnostics if not _ignored_here(d, settings)]
    linted = tuple(f for f in files if f.path in target_names)
    return LintResult(linted, tuple(sorted(diagnostics, key=Diagnostic.sort_key)), tuple(errors))


def run_rules(
    rules: Sequence[Rule], files: Sequence[ParsedFile], settings: Settings, errors: list[str]
) -> list[Diagnostic]:
    per_file = [file_record_set(f) for f in files]
    registries: list[RecordSet] | None = None
    found: list[Diagnostic] = []
    for rule in rules:
        if rule.scope is Scope.REGISTRY:
            registries = registries or build_registries(files, settings.registries)
            batches: Iterable[RecordSet] = registries
        else:
            batches = per_file
        for batch in batches:
            found.extend(_checked(rule, batch, errors))
    return found


def _checked(rule: Rule, batch: RecordSet, errors: list[str]) -> list[Diagnostic]:
    """Run one rule on one batch; a failing rule is reported, and the others still run."""
    origin = f"rule {rule.code} {rule.name} ({type(rule).__module__})"
    try:
        produced = list(rule.check(batch))
    except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the lint
        errors.append(f"{origin} failed on {batch.name}: {type(exc).__name__}: {exc}")
        return []
    good = [d for d in produced if isinstance(d, Diagnostic)]
    if len(good) != len(produced):
        bad = next(d for d in produced if not isinstance(d, Diagnostic))
        errors.append(f"{origin} yielded {bad!r} on {batch.name}, not a speclint Diagnostic")
    return good


def _involves(diagnostic: Diagnostic, files: set[str]) -> bool:
    return diagnostic.file in files or any(r.location.file in files for r in diagnostic.related)


def _ignored_here(diagnostic: Diagnostic, settings: Settings) -> bool:
    selectors = ignored_for(diagnostic.file, settings)
    return any(
        diagnostic.code.startswith(s) or diagnostic.rule == s or s == "ALL" for s in selectors
    )


__all__ = ["LintResult", "lint", "matches", "parse_page", "parse_text", "run_rules"]
