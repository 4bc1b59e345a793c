"""The pipeline: each stage once, in order.

discover (which pages) -> read (a page in, located records out) -> registry (code spaces) ->
check (rules) -> gate (which findings are shown). The reporters take the result from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from speclint.check.run import run_rules
from speclint.config import Settings
from speclint.discover import plan
from speclint.gate.decide import GateOptions, decide
from speclint.model import Diagnostic, ParsedFile
from speclint.read.page import read_pages
from speclint.registry.build import group
from speclint.rule import Rule


@dataclass(frozen=True)
class LintResult:
    files: tuple[ParsedFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[str, ...] = ()  # files that could not be read, rules that failed: exit code 2
    rules: tuple[Rule, ...] = ()  # the rules that ran, as configured
    # Every page read, the linted ones and those read only for their registry, named relative
    # to the configuration as their records are: a report draws whole code spaces from them.
    pages: tuple[ParsedFile, ...] = ()

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
) -> LintResult:
    """Lint ``paths``: read them, run ``rules``, then let the gate decide what is shown."""
    pages = plan(paths, settings, force_exclude=force_exclude)
    files, unreadable = read_pages(pages.pages, settings)
    found, failed = run_rules(rules, group(files, settings.registries)) if rules else ([], [])
    shown = decide(found, files, pages, settings, rules, gate or GateOptions())
    errors = (*pages.errors, *unreadable, *failed, *shown.errors)
    return LintResult(shown.files, shown.diagnostics, errors, tuple(rules), tuple(files))
