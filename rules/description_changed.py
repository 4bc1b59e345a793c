from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Severity
from speclint.registry.changes import ChangeRule, Changes, with_base_location, wording
from speclint.rule import RecordSet


class DescriptionChanged(ChangeRule):
    """## What it does
    Reports a code whose meaning (its description) was reworded since the base revision; spacing
    alone is no change. It runs when a base is given (`speclint diff BASE`, `speclint check
    --base BASE`) and does nothing otherwise.

    ## Why it matters
    Most rewordings clarify, but a code given a new meaning is a breaking change that neither the
    name nor the value shows: clients keep handling it the old way. Each rewording deserves a
    look, which is why this is information, not a warning.

    ## Example
    At the base:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |
    ```

    Now:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户名已被占用 |
    ```

    ## How to fix
    Nothing, if the new wording says the same. If the code now means something else, restore the
    old meaning and add a new code for the new one.

    ## Options
    - `markers`: the words that mark a code deprecated or reserved, as `{deprecated = [...],
      reserved = [...]}`; by default the configuration's `[markers]`.
    """

    code = "SL406"
    name = "description-changed"
    severity = Severity.INFO

    def changed(self, records: RecordSet, changes: Changes) -> Iterator[Diagnostic]:
        revision = records.base_revision
        for pair in changes.redescribed():
            before, after = pair.before, pair.after
            message = (
                f"{after.title} meant {wording(before.description)!r} at {revision}, "
                f"now {wording(after.description)!r}"
            )
            finding = self.report(after, message, field="description", subject=[after, before])
            yield with_base_location(
                finding, records, before, f"{before.title} at {revision}", "description"
            )
