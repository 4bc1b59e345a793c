from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Location, Severity
from speclint.rule import RecordSet, Rule, Scope


class StaleBaselineEntry(Rule):
    """## What it does
    Flags an entry of the baseline (`--baseline FILE` or the `baseline` setting) that no longer
    matches any finding, pointing at its line in the baseline file.

    It runs at gate scope, once the baseline has been applied to every other rule's findings.

    ## Why it matters
    A fixed problem left in the baseline lets the same mistake come back unnoticed.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_REPEAT_USERID | 300311 | 重复的userId |
    | ERRCODE_NOTEXIST_JOBID | 300313 | jobId不存在 |
    ```
    with a baseline written while both codes were 300311.

    ## How to fix
    Regenerate the baseline with `speclint check --write-baseline FILE`, or delete the entry.
    """

    code = "SL903"
    name = "stale-baseline-entry"
    severity = Severity.WARNING
    scope = Scope.GATE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        outcome = records.outcome
        if outcome is None:
            return
        for entry in outcome.stale_baseline_entries:
            # Column 5: where the entry's text starts, after its indentation.
            where = Location(outcome.baseline_file, entry.line, 5)
            yield self.report_at(
                where, f"baseline entry no longer matches a finding: {entry.summary}"
            )
