"""A third-party rule written against speclint's public plugin interface only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from speclint.model import Diagnostic, Severity
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class PlaceholderOptions:
    words: tuple[str, ...] = ("TODO", "TBD", "待定")


class PlaceholderDescription(Rule):
    """## What it does
    Flags a code whose meaning is still a placeholder.

    ## Why it matters
    Users read the meaning to decide what to do.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_A | 1 | TODO |
    ```

    ## How to fix
    Write the meaning.

    ## Options
    - `words`: the placeholder words.
    """

    code = "SL801"
    name = "placeholder-description"
    severity = Severity.WARNING
    scope = Scope.RECORD
    Options = PlaceholderOptions

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        for record in records.records:
            found = [w for w in self.options.words if w in record.description]
            if found:
                yield self.report(
                    record, f"{record.label} has a placeholder meaning", field="description"
                )
