from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic
from speclint.registry.translations import match_records
from speclint.rule import RecordSet, Rule, Scope


class TranslationValueMismatch(Rule):
    """## What it does
    Flags a code whose name has one value on a page and another value on its translation
    (`[translations]` in the configuration). The finding is on the translated page, with the
    reference page's record beside it: the first language declared is the reference.

    ## Why it matters
    A client written from the English page switches on the English value. If the Chinese page,
    and the server, say another, that client misreads the error, and nothing fails until the
    error happens in production.

    ## Example
    With `[translations]` `zh = "docs/zh"` and `en = "docs/en"`, `docs/en/errors.md`:

    ```markdown
    | Name | Value | Meaning |
    | --- | --- | --- |
    | ERRCODE_BUSY | 2 | System busy |
    ```

    where `docs/zh/errors.md` says:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_BUSY | 1 | 系统繁忙 |
    ```

    ## How to fix
    Find out which value the service really returns and correct the other page. Pages without a
    name column match their codes by value, so they can only miss a code (`SL501`), not give it
    another value.
    """

    code = "SL502"
    name = "translation-value-mismatch"
    scope = Scope.TRANSLATION

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        other = records.counterpart
        if other is None or not other.records:
            return
        for first, second in match_records(records.records, other.records).pairs:
            if first.name and second.name and first.value_key != second.value_key:
                there = f"{first.raw_value} on the {records.language} page"
                yield self.report(
                    second,
                    f"{second.name} is {second.raw_value} on the {other.language} page but {there}",
                    related=[(first, f"{first.name} is {there}")],
                )
