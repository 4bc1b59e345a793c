"""The pipeline: each stage once, in order.

discover (which pages) -> read (a page in, located records out; the rules that judge a page alone
run there too, so that a worker or the cache can answer for a whole page) -> registry (code
spaces) -> check (rules) -> gate (which findings are shown). The reporters take the result from
here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from speclint.check.fanout import run_rules_side_by_side
from speclint.check.local import PageRules
from speclint.check.remembered import RegistryMemory, registry_memory
from speclint.check.run import explain_rules
from speclint.config import Settings
from speclint.discover import plan
from speclint.gate.decide import GateOptions, decide
from speclint.model import Diagnostic, Inferred, ParsedFile, Snapshot
from speclint.progress import progress_bar
from speclint.read.batch import PageTally
from speclint.read.cache import CacheWarnings, open_cache
from speclint.read.pages import load_left, read_pages
from speclint.registry.build import Grouping, group
from speclint.rule import RecordSet, Rule


@dataclass(frozen=True)
class RunOptions:
    """How a run goes about its work (never what it finds)."""

    cache: bool = False  # read and write .speclint_cache/ (the command line turns it on)
    keep_records: bool = False  # every page's records in the result (export, allocate need them)
    progress: bool = False  # a progress bar on stderr when it is a terminal and the run is long


@dataclass(frozen=True)
class LintResult:
    """What a run found. A page's records are kept when the run needed them in one place (pages
    of a declared registry, an export, a comparison with a base, explanations); otherwise the
    rules judged each page where it was read, and ``tallies`` count its records and sections."""

    files: tuple[ParsedFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[str, ...] = ()  # files that could not be read, rules that failed: exit code 2
    warnings: tuple[str, ...] = ()  # files skipped or decoded with a guess: said, exit code kept
    failures: tuple[str, ...] = ()  # rule failures reported as SL000 findings: exit code 2 too
    pages: tuple[str, ...] = ()  # the real path of every page read: output must never go there
    rules: tuple[Rule, ...] = ()  # the rules that ran, as configured
    registries: tuple[RecordSet, ...] = ()  # as the rules saw them (with ``base``: the changelog)
    inferred: tuple[Inferred, ...] = ()  # what the rules inferred, when asked to explain
    tallies: Mapping[str, PageTally] = field(default_factory=lambda: MappingProxyType({}))

    def tally(self, parsed: ParsedFile) -> PageTally:
        return self.tallies.get(parsed.path) or PageTally.of(parsed)

    @property
    def record_count(self) -> int:
        return sum(self.tally(f).records for f in self.files)

    @property
    def section_count(self) -> int:
        return sum(self.tally(f).sections for f in self.files)


def lint(
    paths: Sequence[Path],
    settings: Settings,
    rules: Sequence[Rule],
    gate: GateOptions | None = None,
    *,
    force_exclude: bool = False,
    base: Snapshot | None = None,
    explain: bool = False,
    options: RunOptions | None = None,
) -> LintResult:
    """Lint ``paths``: read them, run ``rules``, then let the gate decide what is shown.

    ``base`` is the pages at an earlier revision, for the rules about changes since then;
    ``explain`` also collects what the rules inferred (``check -v``)."""
    run = options or RunOptions()
    gate = gate or GateOptions()
    pages = plan(paths, settings, force_exclude=force_exclude)
    translated = bool(settings.translations.roots or settings.translations.groups)
    # The rules judge each page where it is read (a worker, the cache) unless they need every
    # record in one place: a base revision, explanations, translated pages compared. A page's
    # records come back when a declared registry takes it, or when the caller reads them.
    alone = bool(rules) and base is None and not explain and not translated
    page_rules = PageRules(tuple(rules), settings.registries, gate.rule_timeout) if alone else None
    warned = CacheWarnings()
    cache = open_cache(settings, rules, warned) if run.cache else None
    # The declared registries' findings come back from the cache when no member page's parse
    # changed since a run that found them: the cache's pages are read first without their
    # records, and those are loaded only when the registries must be checked again.
    remember = page_rules is not None and cache is not None and not run.keep_records
    keep = None if page_rules is None or run.keep_records else page_rules.in_declared_registry
    recalled: list[Diagnostic] | None = None
    memory: RegistryMemory | None = None
    with progress_bar(len(pages.pages), enabled=run.progress) as advance:
        read = read_pages(
            pages.pages,
            settings,
            page_rules,
            keep_records=keep,
            cache=cache,
            progress=advance,
            cached_records=not remember,
        )
        if remember and page_rules is not None and cache is not None:
            memory = registry_memory(read, page_rules, cache)
            recalled = memory.recall() if memory is not None else None
            if recalled is None:
                read = load_left(read, pages.pages, settings, cache)
    files = list(read.files)
    needed = rules or base is not None
    if recalled is not None:
        grouping = Grouping((), ())
    elif page_rules is not None:
        grouping = page_rules.shared(files)
    elif needed:
        grouping = group(files, settings.registries, base, settings.translations)
    else:
        grouping = None
    found, failed = (
        run_rules_side_by_side(rules, grouping, gate.rule_timeout)
        if grouping is not None
        else ([], [])
    )
    if recalled is not None:
        found = recalled
    elif memory is not None and not failed:
        memory.remember(found)
    inferred, unexplained = (
        explain_rules(rules, grouping) if explain and grouping is not None else ([], [])
    )
    found = [*read.findings, *found]
    failed = [*read.failures, *failed]
    shown = decide(found, files, pages, settings, rules, gate, failed)
    unread_base = base.errors if base is not None else ()
    errors = (*pages.errors, *read.errors, *unread_base, *unexplained, *shown.errors)
    warnings = read.warnings
    if not pages.targets and not errors:
        given = ", ".join(str(path) for path in paths)
        include = ", ".join(settings.include)
        warnings = (*warnings, f"{given}: no page to lint here (include: {include})")
    registries = grouping.registries if grouping is not None else ()
    if page_rules is not None and run.keep_records:
        # The pages' own code spaces were judged where each page was read; a caller that reads
        # the records (a report) sees every code space, as the rules did.
        registries = group(files, settings.registries).registries
    names = pages.display_names()
    return LintResult(
        shown.files,
        shown.diagnostics,
        errors,
        warnings=warnings,
        failures=shown.failures,
        pages=tuple(page.real or os.path.realpath(page.path) for page in pages.pages),
        rules=tuple(rules),
        registries=registries,
        inferred=tuple(inferred),
        tallies=MappingProxyType({names.get(k, k): t for k, t in read.tallies.items()}),
    )
