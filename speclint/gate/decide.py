"""Decide which findings are shown: the gate between the rules and the reporters.

In order: registry findings that involve no linted page are dropped (unless ``--all``), then
per-file ignores, inline suppressions and the baseline apply; then the rules of gate scope
judge what the gate did (an unused suppression, a stale baseline entry); last, every location
is named as the user named the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from speclint.check.run import run_rule
from speclint.config import Settings
from speclint.discover import Plan, relative_name
from speclint.gate import baseline as baselines
from speclint.gate import suppress
from speclint.gate.ignores import drop_ignored
from speclint.model import (
    BaselineEntry,
    Diagnostic,
    GateOutcome,
    Location,
    ParsedFile,
    RuleFailure,
)
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class GateOptions:
    """What to do with the findings once the rules have run."""

    report_all: bool = False  # keep registry findings that involve no linted page
    baseline: Path | None = None
    # Every rule code and name speclint knows, selected or not: a suppression naming none of
    # them is a mistake; one naming only rules that did not run cannot be judged unused.
    known_rules: frozenset[tuple[str, str]] = frozenset()  # (code, name)
    rule_timeout: float | None = None  # seconds a gate rule may take (--rule-timeout)


@dataclass(frozen=True)
class Shown:
    files: tuple[ParsedFile, ...]  # the linted pages, named as the user named them
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[str, ...]  # rule failures no SL000 finding reports (it is not selected)
    failures: tuple[str, ...] = ()  # rule failures reported as SL000 findings: exit code 2


def decide(
    diagnostics: Sequence[Diagnostic],
    files: Sequence[ParsedFile],
    plan: Plan,
    settings: Settings,
    rules: Sequence[Rule],
    options: GateOptions,
    failures: Sequence[RuleFailure] = (),
) -> Shown:
    targets = plan.target_keys
    kept = list(diagnostics)
    if not options.report_all and plan.context:
        kept = [d for d in kept if _involves(d, targets)]
    kept = drop_ignored(kept, settings)
    linted = tuple(f for f in files if f.path in targets)
    # A page read only for its registry still silences what it suppresses; only the linted
    # pages' suppressions are judged.
    kept, used = suppress.apply(kept, [s for f in files for s in f.suppressions])
    stale: list[BaselineEntry] = []
    baseline_file = ""
    if options.baseline is not None:
        kept, stale = baselines.apply(kept, baselines.read(options.baseline))
        # An entry about a page this run did not lint (pre-commit passes only the changed
        # pages) was not checked, so it cannot be stale.
        stale = [e for e in stale if not e.page or e.page in targets]
        baseline_file = relative_name(options.baseline, Path.cwd())
    run = frozenset((rule.code, rule.name) for rule in rules)
    outcome = GateOutcome(
        unused_suppressions=tuple(s for f in linted for s in f.suppressions if s not in used),
        directive_problems=tuple(p for f in linted for p in f.directive_problems),
        baseline_file=baseline_file,
        stale_baseline_entries=tuple(stale),
        rules_run=run,
        rules_known=options.known_rules | run,
    )
    batch = RecordSet(
        "the gate", (), suppressions=tuple(s for f in linted for s in f.suppressions),
        outcome=outcome,
    )  # fmt: skip
    failed = list(failures)
    # SL000 reports every failure, the other gate rules' included, so it runs last.
    gate_rules = sorted(
        (r for r in rules if r.scope is Scope.GATE), key=lambda r: r.code == "SL000"
    )
    for rule in gate_rules:
        if rule.code == "SL000":
            batch = replace(batch, outcome=replace(outcome, rule_failures=tuple(failed)))
            reporter_failures: list[RuleFailure] = []
            kept.extend(run_rule(rule, batch, reporter_failures, options.rule_timeout))
            if reporter_failures:  # SL000 itself failed: say everything on stderr instead
                failed += reporter_failures
                reported: tuple[str, ...] = ()
            else:
                reported, failed = tuple(f.describe() for f in failed), []
            break
        kept.extend(drop_ignored(run_rule(rule, batch, failed, options.rule_timeout), settings))
    else:
        reported = ()
    errors = [failure.describe() for failure in failed]
    names = plan.display_names()
    shown = sorted((_displayed(d, names) for d in kept), key=Diagnostic.sort_key)
    shown_files = tuple(replace(f, path=names.get(f.path, f.path)) for f in linted)
    return Shown(shown_files, tuple(shown), tuple(errors), reported)


def _involves(diagnostic: Diagnostic, files: frozenset[str]) -> bool:
    return diagnostic.file in files or any(r.location.file in files for r in diagnostic.related)


def _displayed(diagnostic: Diagnostic, names: Mapping[str, str]) -> Diagnostic:
    """The finding with its pages named as the user named them (relative to the working folder).

    Messages never carry a location (related records are data), so only locations change.
    """

    def shown(location: Location) -> Location:
        return replace(location, file=names.get(location.file, location.file))

    return replace(
        diagnostic,
        location=shown(diagnostic.location),
        related=tuple(replace(r, location=shown(r.location)) for r in diagnostic.related),
    )
