"""Run the rules over the record sets of a run; a failing rule is reported, never raised."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from speclint.check.isolate import run_isolated
from speclint.model import Diagnostic, Inferred, RuleFailure
from speclint.registry.build import Grouping
from speclint.rule import RecordSet, Rule, Scope


def run_rules(
    rules: Sequence[Rule], grouping: Grouping, timeout: float | None = None
) -> tuple[list[Diagnostic], list[RuleFailure]]:
    """Every finding of ``rules`` (gate rules aside: the gate runs them) and every failure."""
    found: list[Diagnostic] = []
    failures: list[RuleFailure] = []
    for rule in rules:
        if rule.scope is Scope.GATE:
            continue
        batches: Iterable[RecordSet] = {
            Scope.REGISTRY: grouping.registries,
            Scope.TRANSLATION: grouping.translations,
        }.get(rule.scope, grouping.files)
        for batch in batches:
            found.extend(run_rule(rule, batch, failures, timeout))
    return found, failures


def explain_rules(rules: Sequence[Rule], grouping: Grouping) -> tuple[list[Inferred], list[str]]:
    """What each registry rule infers for each registry (``check -v``), and every failure."""
    found: list[Inferred] = []
    errors: list[str] = []
    for rule in rules:
        if rule.scope is not Scope.REGISTRY:
            continue
        for batch in grouping.registries:
            try:
                found.extend(Inferred(rule.code, batch.name, str(t)) for t in rule.explain(batch))
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the lint
                errors.append(
                    f"rule {rule.code} {rule.name} failed to explain {batch.name}: "
                    f"{type(exc).__name__}: {exc}"
                )
    return found, errors


def run_rule(
    rule: Rule, batch: RecordSet, failures: list[RuleFailure], timeout: float | None = None
) -> list[Diagnostic]:
    """Run one rule on one batch; a failing rule is reported in ``failures``
    (see ``speclint.check.isolate``)."""
    return run_isolated(rule, batch, failures, timeout)
