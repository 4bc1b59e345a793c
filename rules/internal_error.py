from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic
from speclint.rule import RecordSet, Rule, Scope


class InternalError(Rule):
    """## What it does
    Reports a rule that could not do its job on a page: it raised an exception (a plugin's bug,
    `SystemExit` included), ran longer than `--rule-timeout`, or yielded something that is not a
    well-formed diagnostic. The finding names the rule, where it comes from and the page (and the
    record, for a rule that judges records one by one); every other rule's findings are still
    reported, and the exit code is 2.

    ## Why it matters
    A rule that fails checks nothing: the page would pass the rule without having been judged.
    Saying so at the page, in every output format, keeps a CI gate honest and tells the plugin's
    author what broke, while one broken rule never costs the findings of all the others.

    ## Example
    A plugin rule that fails on a page (here `speclint_broken_rules:Crashing`, in
    `tests/plugins/`) turns any page with codes into this finding:
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_OK | 0 | 成功 |
    ```

    ## How to fix
    Report the message to the rule's author (the module is named in it), or turn the rule off
    (`ignore = ["SL802"]`) until it is fixed. For a slow rule, raise `--rule-timeout`. Ignoring
    `SL000` itself does not hide failures: they are then printed as errors.
    """

    code = "SL000"
    name = "internal-error"
    scope = Scope.GATE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        outcome = records.outcome
        for failure in outcome.rule_failures if outcome is not None else ():
            message = failure.describe().removeprefix("rule ")
            subject = (failure.code, failure.batch, failure.record, failure.reason)
            yield self.report_at(failure.location, f"rule {message}", subject=subject)
