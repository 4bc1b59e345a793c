from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Severity
from speclint.rule import RecordSet, Rule, Scope


class UnusedSuppression(Rule):
    """## What it does
    Flags an inline suppression that silences nothing, or that cannot work (it names no known
    rule, or no table follows a `disable-next-table`), like ruff's RUF100.

    speclint reports this after every other rule has run, because only then is it known what each
    suppression silenced; the rule itself only carries the code, the documentation and the
    severity, so it can be selected, ignored and configured like any other.

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
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        return iter(())  # computed by the engine once all findings are known; see the docstring
