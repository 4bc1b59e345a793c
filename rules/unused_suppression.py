from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, GateOutcome, Location, Severity, Suppression
from speclint.rule import RecordSet, Rule, Scope
from speclint.selectors import selects


class UnusedSuppression(Rule):
    """## What it does
    Flags an inline suppression that silences nothing, or that cannot work (it names no known
    rule, or no table follows a `disable-next-table`), like ruff's RUF100.

    It runs at gate scope: after every other rule has run and the suppressions have been
    applied, because only then is it known what each suppression silenced. A suppression whose
    rules did not run (not selected) is not judged.

    ## Why it matters
    A stale suppression will silently hide the next real problem in its region.

    ## Example
    ```markdown
    <!-- speclint-disable-next-table SL101 -- kept for v1 clients -->
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_A | 1 | a |
    | ERRCODE_B | 2 | b |
    ```

    ## How to fix
    Remove the suppression, or narrow it to the rule that still needs it.
    """

    code = "SL902"
    name = "unused-suppression"
    severity = Severity.WARNING
    scope = Scope.GATE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        outcome = records.outcome
        if outcome is None:
            return
        for suppression in outcome.unused_suppressions:
            message = _verdict(suppression, outcome)
            if message is not None:
                where = Location(suppression.file, suppression.line, suppression.column)
                codes = ", ".join(suppression.selectors) or "all rules"
                yield self.report_at(where, message, subject=(codes,))
        for problem in outcome.directive_problems:
            where = Location(problem.file, problem.line, 1)
            yield self.report_at(where, f"suppression: {problem.message}")


def _verdict(suppression: Suppression, outcome: GateOutcome) -> str | None:
    """Why an unused suppression is a finding, or None when it cannot be judged."""
    unknown = [s for s in suppression.selectors if not _names_a_rule(s, outcome.rules_known)]
    if unknown:
        return f"this suppression names no rule speclint knows: {', '.join(unknown)}"
    if suppression.selectors and not any(
        _names_a_rule(s, outcome.rules_run) for s in suppression.selectors
    ):
        return None  # its rules did not run (not selected): whether it is needed is unknown
    codes = ", ".join(suppression.selectors) or "all rules"
    return f"this suppression ({codes}) silences nothing; remove it"


def _names_a_rule(selector: str, rules: frozenset[tuple[str, str]]) -> bool:
    return any(selects(selector, code, name) for code, name in rules)
