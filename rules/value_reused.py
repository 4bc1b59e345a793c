from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Severity
from speclint.registry.changes import ChangeRule, Changes, with_base_location
from speclint.rule import RecordSet


class ValueReused(ChangeRule):
    """## What it does
    Flags a new code that took a value which meant another code at the base revision (that code
    was removed, or renumbered away). It runs when a base is given (`speclint diff BASE`,
    `speclint check --base BASE`) and does nothing otherwise. A value that was reserved at the
    base is free to take; a code renumbered onto another's old value is reported by
    `value-changed` instead.

    ## Why it matters
    This is the breaking change no client notices: a client built against the base receives the
    new error and handles it as the old one, silently and wrongly.

    ## Example
    At the base:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |
    | ERRCODE_USER_GONE | 300227 | 用户已删除 |
    ```

    Now:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |
    | ERRCODE_USER_FROZEN | 300227 | 用户已冻结 |
    ```

    ## How to fix
    Give the new code a value that was never used. Keep the old value retired for good: leave
    its row, marked deprecated or reserved, so that nobody hands it out again.

    ## Options
    - `markers`: the words that mark a code deprecated or reserved, as `{deprecated = [...],
      reserved = [...]}`; by default the configuration's `[markers]`.
    """

    code = "SL403"
    name = "value-reused"
    severity = Severity.ERROR

    def changed(self, records: RecordSet, changes: Changes) -> Iterator[Diagnostic]:
        revision = records.base_revision
        new = {id(record) for record in changes.added}
        for reuse in changes.reused(self.markers):
            before, after = reuse.before, reuse.after
            if id(after) not in new:
                continue  # a renumbered code: value-changed says whose value it took
            message = f"value {after.raw_value} of {after.label} meant {before.label} at {revision}"
            finding = self.report(after, message, subject=[after, before])
            yield with_base_location(finding, records, before, f"{before.title} at {revision}")
