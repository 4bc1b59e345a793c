from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Location, Severity
from speclint.rule import RecordSet, Rule, Scope


class SuppressionWithoutReason(Rule):
    """## What it does
    Flags an inline suppression (`<!-- speclint-disable ... -->` or
    `<!-- speclint-disable-next-table ... -->`) that gives no reason after `--`.

    ## Why it matters
    A suppression hides a finding for good. Without a reason, the next maintainer cannot tell a
    published mistake that clients depend on from a silenced bug.

    ## Example
    ```markdown
    <!-- speclint-disable-next-table SL101 -->
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_A | 1 | a |
    | ERRCODE_B | 1 | b |
    ```

    ## How to fix
    Say why after two dashes:
    `<!-- speclint-disable-next-table SL101 -- both published in v1; clients depend on them -->`.
    """

    code = "SL901"
    name = "suppression-without-reason"
    severity = Severity.WARNING
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        for suppression in records.suppressions:
            if not suppression.reason:
                codes = ", ".join(suppression.selectors) or "all rules"
                where = Location(suppression.file, suppression.line, suppression.column)
                yield self.report_at(
                    where,
                    f"suppression of {codes} gives no reason; add one after `--`",
                    subject=(codes,),
                )
