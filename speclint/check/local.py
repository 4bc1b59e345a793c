"""Split the rules' work into what one page decides alone and what a declared registry decides.

Record and file rules judge one page, and so do registry rules on a page that is its own code
space (any page, or the sections of it, that no declared registry takes). That part runs where
the page is read, in a worker when there are many pages, and its findings are cached with the
page; only the registries the configuration declares across pages are checked afterwards, over
the records of all their pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from speclint.check.fanout import run_rules_side_by_side
from speclint.check.run import run_rules
from speclint.config import RegistrySpec
from speclint.model import Diagnostic, ParsedFile, RuleFailure
from speclint.registry.build import Grouping, file_record_set, group
from speclint.rule import Rule, Scope


@dataclass(frozen=True)
class PageRules:
    """The rules of a run, as they apply to one page alone (a ``read.batch.PageCheck``)."""

    rules: tuple[Rule, ...]
    declared: tuple[RegistrySpec, ...]
    timeout: float | None = None  # --rule-timeout, per rule and batch

    def __call__(self, parsed: ParsedFile) -> tuple[list[Diagnostic], list[RuleFailure]]:
        if not any(rule.scope is Scope.REGISTRY for rule in self.rules):
            # Code spaces are for registry rules: splitting a large page into them costs time
            # and memory that record and file rules do not need.
            return run_rules(self.rules, Grouping((file_record_set(parsed),), ()), self.timeout)
        grouping = group([parsed], self.declared)
        alone = tuple(batch for batch in grouping.registries if not batch.declared)
        # A page of many thousand codes read in the main process (one large page) is a large
        # registry of its own: its rules run side by side too.
        return run_rules_side_by_side(self.rules, Grouping(grouping.files, alone), self.timeout)

    def in_declared_registry(self, page: str) -> bool:
        """Whether a declared registry takes (some of) the page: its records are needed then."""
        return any(spec.includes(page) for spec in self.declared)

    def shared(self, files: Sequence[ParsedFile]) -> Grouping:
        """The registries declared across pages, for the registry rules to see whole."""
        members = [f for f in files if self.in_declared_registry(f.path)]
        if not members:
            return Grouping((), ())
        registries = group(members, self.declared).registries
        return Grouping((), tuple(batch for batch in registries if batch.declared))
