from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.words import normalise_text
from speclint.rule import RecordSet, Rule, Scope


class DuplicateDescription(Rule):
    """## What it does
    Flags a meaning given to more than one value. Meanings are compared after folding case,
    full- and half-width forms, whitespace and punctuation, so `无效的 userId。` and `无效的UserID`
    are the same meaning.

    ## Why it matters
    When two codes read the same, users cannot tell which one a failure returns, and clients end
    up handling only one of them. Often one of the two is a leftover copy, or a meaning pasted
    without being edited.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_INVALID_USERID | 300223 | 无效的userId |
    | ERRCODE_INVALID_GROUP_USERID | 500007 | 无效的userId |
    ```

    ## How to fix
    Say what sets the codes apart (`无效的群成员userId`), or merge them into one code if they
    are the same error. Rows without a meaning are not compared.
    """

    code = "SL105"
    name = "duplicate-description"
    severity = Severity.WARNING
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        # Per meaning, the first record of each value seen so far: a value listed twice with
        # the same meaning is a duplicate row (SL101/SL102), not two codes sharing a meaning.
        seen: dict[str, dict[tuple[str, object], Record]] = {}
        for record in records.records:
            meaning = normalise_text(record.description)
            if not meaning:
                continue
            values = seen.setdefault(meaning, {})
            value = record.value_key
            if value in values:
                continue
            if values:
                yield self._finding(record, next(iter(values.values())))
            values[value] = record

    def _finding(self, record: Record, earlier: Record) -> Diagnostic:
        wording = (
            "" if record.description == earlier.description else f"{earlier.description!r} of "
        )
        return self.report(
            record,
            f"{record.title} means {record.description!r}, the same as {wording}{earlier.title}",
            field="description",
            related=[(earlier, f"{earlier.title} has this meaning")],
        )
