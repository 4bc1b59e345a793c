"""The pipeline: pages -> parsed files -> registries -> rules -> filtered, sorted diagnostics."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from speclint import baseline as baselines
from speclint import suppress
from speclint.blocks import parse_blocks
from speclint.config import Settings
from speclint.discover import Discovery, Page, discover, glob_matches, relative_name
from speclint.model import Diagnostic, Location
from speclint.records import extract_records
from speclint.registry import ParsedFile, build_registries, file_record_set, in_registry
from speclint.rule import RecordSet, Rule, Scope
from speclint.selection import ignored_for
from speclint.selectors import selects
from speclint.source import SourceError, read

UNUSED_SUPPRESSION = "SL902"
STALE_BASELINE_ENTRY = "SL903"


@dataclass(frozen=True)
class LintResult:
    files: tuple[ParsedFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[str, ...] = ()  # files that could not be read, rules that failed: exit code 2
    rules: tuple[Rule, ...] = ()  # the rules that ran, as configured

    @property
    def record_count(self) -> int:
        return sum(len(f.records) for f in self.files)


@dataclass(frozen=True)
class Gate:
    """What to do with the findings once the rules have run."""

    report_all: bool = False  # keep registry findings that involve no linted page
    baseline: Path | None = None
    force_exclude: bool = False  # apply exclude globs to files named explicitly too
    # Every rule code and name speclint knows, selected or not: a suppression naming none of
    # them is a mistake; one naming only rules that did not run cannot be judged unused.
    known_rules: frozenset[tuple[str, str]] = frozenset()  # (code, name)


def parse_text(path: str, text: str, settings: Settings) -> ParsedFile:
    """Parse one page's text into its records, tables, malformed rows and suppressions.

    ``path`` is the page's identity in records and findings: relative to the configuration's
    folder, so that records compare equal whoever lints them from wherever.
    """

    def pinned(section: tuple[str, ...]) -> Mapping[str, str] | None:
        for pin in settings.pins:
            if pin.files and not glob_matches([pin.files], path):
                continue
            if pin.section and pin.section not in section:
                continue
            return pin.roles
        return None

    blocks = parse_blocks(text)
    found = extract_records(path, blocks.tables, settings.aliases, pinned)
    last_line = text.count("\n") + 1
    suppressions, directive_problems = suppress.find_suppressions(
        path, blocks.comments, blocks.tables, last_line
    )
    return ParsedFile(
        path,
        found.records,
        found.tables,
        found.problems,
        suppressions,
        directive_problems,
        blocks.suspect_fences,
    )


def parse_page(page: Page, settings: Settings) -> ParsedFile:
    source = read(page.path, page.display)
    return parse_text(page.key, source.text, settings)


def _registry_pages(targets: Sequence[Page], settings: Settings) -> Discovery:
    """Every page of the declared registries that a target belongs to."""
    specs = [s for s in settings.registries if any(in_registry(p.key, s) for p in targets)]
    if not specs:
        return Discovery()
    everything = discover([settings.root], settings)
    everything.pages = [p for p in everything.pages if any(in_registry(p.key, s) for s in specs)]
    return everything


def lint(
    paths: Sequence[Path], settings: Settings, rules: Sequence[Rule], gate: Gate | None = None
) -> LintResult:
    """Lint ``paths``: parse, run ``rules``, then apply ignores, suppressions and the baseline."""
    gate = gate or Gate()
    found = discover(paths, settings, force_exclude=gate.force_exclude)
    targets = {page.key for page in found.pages}
    registry = _registry_pages(found.pages, settings)
    context = [p for p in registry.pages if p.key not in targets]
    errors: list[str] = [*found.errors, *registry.errors]
    files: list[ParsedFile] = []
    for page in [*found.pages, *context]:
        try:
            files.append(parse_page(page, settings))
        except SourceError as exc:
            errors.append(str(exc))
    diagnostics = run_rules(rules, files, settings, errors)
    if not gate.report_all and context:
        diagnostics = [d for d in diagnostics if _involves(d, targets)]
    diagnostics = [d for d in diagnostics if not _ignored_here(d, settings)]
    linted = tuple(f for f in files if f.path in targets)
    # A page read only for its registry still silences what it suppresses; only the linted
    # pages' suppressions are judged unused.
    diagnostics = _apply_suppressions(
        diagnostics, files, linted, rules, gate.known_rules | _keys(rules)
    )
    if gate.baseline is not None:
        diagnostics = _apply_baseline(
            diagnostics, gate.baseline, _rule(rules, STALE_BASELINE_ENTRY)
        )
    display = {page.key: page.display for page in [*found.pages, *context]}
    shown = sorted((_displayed(d, display) for d in diagnostics), key=Diagnostic.sort_key)
    shown_files = tuple(replace(f, path=display.get(f.path, f.path)) for f in linted)
    return LintResult(shown_files, tuple(shown), tuple(errors), tuple(rules))


def _keys(rules: Sequence[Rule]) -> frozenset[tuple[str, str]]:
    return frozenset((rule.code, rule.name) for rule in rules)


def _displayed(diagnostic: Diagnostic, display: Mapping[str, str]) -> Diagnostic:
    """The finding with its files named as the user named them (relative to the working folder)."""

    def shown(location: Location) -> Location:
        return replace(location, file=display.get(location.file, location.file))

    message = diagnostic.message
    # Messages cite other records as "path:line"; cite them as the user names the files too.
    for location in (diagnostic.location, *(r.location for r in diagnostic.related)):
        name = display.get(location.file, location.file)
        if name != location.file:
            cited = re.compile(rf"(?<![\w./-]){re.escape(location.file)}(?=:\d)")
            message = cited.sub(name.replace("\\", "\\\\"), message)
    return replace(
        diagnostic,
        message=message,
        location=shown(diagnostic.location),
        related=tuple(replace(r, location=shown(r.location)) for r in diagnostic.related),
    )


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


def _rule(rules: Sequence[Rule], code: str) -> Rule | None:
    return next((rule for rule in rules if rule.code == code), None)


def _apply_suppressions(
    diagnostics: list[Diagnostic],
    files: Sequence[ParsedFile],
    linted: Sequence[ParsedFile],
    rules: Sequence[Rule],
    known: frozenset[tuple[str, str]],
) -> list[Diagnostic]:
    kept, used = suppress.apply(diagnostics, [s for f in files for s in f.suppressions])
    unused_rule = _rule(rules, UNUSED_SUPPRESSION)
    if unused_rule is None:
        return kept
    for suppression in (s for f in linted for s in f.suppressions):
        if suppression in used:
            continue
        codes = ", ".join(suppression.selectors) or "all rules"
        where = Location(suppression.file, suppression.line, suppression.column)
        unknown = [s for s in suppression.selectors if not _names_a_rule(s, known)]
        if unknown:
            message = f"this suppression names no rule speclint knows: {', '.join(unknown)}"
        elif suppression.selectors and not any(
            _names_a_rule(s, _keys(rules)) for s in suppression.selectors
        ):
            continue  # its rules did not run (not selected): whether it is needed is unknown
        else:
            message = f"this suppression ({codes}) silences nothing; remove it"
        kept.append(unused_rule.report_at(where, message, subject=(codes,)))
    for parsed in linted:
        for problem in parsed.directive_problems:
            where = Location(problem.file, problem.line, 1)
            kept.append(unused_rule.report_at(where, f"suppression: {problem.message}"))
    return kept


def _apply_baseline(
    diagnostics: list[Diagnostic], path: Path, stale_rule: Rule | None
) -> list[Diagnostic]:
    new, stale = baselines.apply(diagnostics, baselines.read(path))
    if stale_rule is not None:
        for entry in stale:
            message = f"baseline entry no longer matches a finding: {entry.summary}"
            where = Location(relative_name(path, Path.cwd()), entry.line, 5)
            new.append(stale_rule.report_at(where, message))
    return new


def _names_a_rule(selector: str, known: frozenset[tuple[str, str]]) -> bool:
    return any(selects(selector, code, name) for code, name in known)


def _involves(diagnostic: Diagnostic, files: set[str]) -> bool:
    return diagnostic.file in files or any(r.location.file in files for r in diagnostic.related)


def _ignored_here(diagnostic: Diagnostic, settings: Settings) -> bool:
    if not settings.per_file_ignores:
        return False
    selectors = ignored_for(diagnostic.file, settings)
    return any(selects(s, diagnostic.code, diagnostic.rule) for s in selectors)
