"""The pipeline: each stage once, in order.

discover (which pages) -> read (a page in, located records out; the rules that judge a page alone
run there too, so that a worker or the cache can answer for a whole page) -> registry (code
spaces declared across pages) -> check (their rules) -> gate (which findings are shown). The
reporters take the result from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from speclint.check.local import PageRules
from speclint.check.run import run_rules
from speclint.config import Settings
from speclint.discover import plan
from speclint.gate.decide import GateOptions, decide
from speclint.model import Diagnostic, ParsedFile
from speclint.progress import progress_bar
from speclint.read.batch import PageTally
from speclint.read.cache import CacheWarnings, open_cache
from speclint.read.page import read_pages
from speclint.rule import Rule


@dataclass(frozen=True)
class RunOptions:
    """How a run goes about its work (never what it finds)."""

    cache: bool = False  # read and write .speclint_cache/ (the command line turns it on)
    keep_records: bool = False  # keep every page's records in the result (an export needs them)
    progress: bool = False  # a progress bar on stderr when it is a terminal and the run is long


@dataclass(frozen=True)
class LintResult:
    """What a run found. A page's records are kept only when the run needed them (pages of a
    declared registry, an export); ``tallies`` counts every page's records and sections."""

    files: tuple[ParsedFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[str, ...] = ()  # files that could not be read, rules that failed: exit code 2
    rules: tuple[Rule, ...] = ()  # the rules that ran, as configured
    tallies: Mapping[str, PageTally] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[str, ...] = ()  # the cache could not be used as it should (never an error)

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
    options: RunOptions | None = None,
) -> LintResult:
    """Lint ``paths``: read them, run ``rules``, then let the gate decide what is shown."""
    options = options or RunOptions()
    pages = plan(paths, settings, force_exclude=force_exclude)
    page_rules = PageRules(tuple(rules), settings.registries)
    warnings = CacheWarnings()
    cache = open_cache(settings, rules, warnings) if options.cache else None
    with progress_bar(len(pages.pages), enabled=options.progress) as advance:
        read = read_pages(
            pages.pages,
            settings,
            page_rules if rules else None,
            keep_records=None if options.keep_records else page_rules.in_declared_registry,
            cache=cache,
            progress=advance,
        )
    found, failed = run_rules(rules, page_rules.shared(read.files)) if rules else ([], [])
    found = [*read.findings, *found]
    shown = decide(found, read.files, pages, settings, rules, gate or GateOptions())
    errors = (*pages.errors, *read.errors, *failed, *shown.errors)
    names = pages.display_names()
    tallies = MappingProxyType({names.get(k, k): t for k, t in read.tallies.items()})
    return LintResult(
        shown.files, shown.diagnostics, errors, tuple(rules), tallies, tuple(warnings.messages)
    )
