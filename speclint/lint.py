"""The pipeline: each stage once, in order.

discover (which pages) -> read (a page in, located records out) -> registry (code spaces) ->
check (rules) -> gate (which findings are shown). The reporters take the result from here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from speclint.check.run import explain_rules, run_rules
from speclint.config import Settings
from speclint.discover import plan
from speclint.gate.decide import GateOptions, decide
from speclint.model import Diagnostic, Inferred, ParsedFile, Snapshot
from speclint.read.page import read_pages
from speclint.registry.build import group
from speclint.rule import RecordSet, Rule


@dataclass(frozen=True)
class LintResult:
    files: tuple[ParsedFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[str, ...] = ()  # files that could not be read, rules that failed: exit code 2
    warnings: tuple[str, ...] = ()  # files skipped or decoded with a guess: said, exit code kept
    failures: tuple[str, ...] = ()  # rule failures reported as SL000 findings: exit code 2 too
    pages: tuple[str, ...] = ()  # the real path of every page read: output must never go there
    rules: tuple[Rule, ...] = ()  # the rules that ran, as configured
    registries: tuple[RecordSet, ...] = ()  # as the rules saw them (with ``base``: the changelog)
    inferred: tuple[Inferred, ...] = ()  # what the rules inferred, when asked to explain

    @property
    def record_count(self) -> int:
        return sum(len(f.records) for f in self.files)


def lint(
    paths: Sequence[Path],
    settings: Settings,
    rules: Sequence[Rule],
    gate: GateOptions | None = None,
    *,
    force_exclude: bool = False,
    base: Snapshot | None = None,
    explain: bool = False,
) -> LintResult:
    """Lint ``paths``: read them, run ``rules``, then let the gate decide what is shown.

    ``base`` is the pages at an earlier revision, for the rules about changes since then;
    ``explain`` also collects what the rules inferred (``check -v``)."""
    pages = plan(paths, settings, force_exclude=force_exclude)
    read = read_pages(pages.pages, settings)
    files = list(read.files)
    options = gate or GateOptions()
    needed = rules or base is not None
    grouping = group(files, settings.registries, base, settings.translations) if needed else None
    found, failed = (
        run_rules(rules, grouping, options.rule_timeout) if grouping is not None else ([], [])
    )
    inferred, unexplained = (
        explain_rules(rules, grouping) if explain and grouping is not None else ([], [])
    )
    shown = decide(found, files, pages, settings, rules, options, failed)
    unread_base = base.errors if base is not None else ()
    errors = (*pages.errors, *read.errors, *unread_base, *unexplained, *shown.errors)
    warnings = read.warnings
    if not pages.targets and not errors:
        given = ", ".join(str(path) for path in paths)
        include = ", ".join(settings.include)
        warnings = (*warnings, f"{given}: no page to lint here (include: {include})")
    registries = grouping.registries if grouping is not None else ()
    return LintResult(
        shown.files,
        shown.diagnostics,
        errors,
        warnings=warnings,
        failures=shown.failures,
        pages=tuple(os.path.realpath(page.path) for page in pages.pages),
        rules=tuple(rules),
        registries=registries,
        inferred=tuple(inferred),
    )
