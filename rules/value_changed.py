from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Severity
from speclint.registry.changes import ChangeRule, Changes, with_base_location
from speclint.rule import RecordSet


class ValueChanged(ChangeRule):
    """## What it does
    Flags a code whose value changed since the base revision: the same name, another value. It
    runs when a base is given (`speclint diff BASE`, `speclint check --base BASE`) and does
    nothing otherwise. When the new value belonged to another code at the base, the message
    says which.

    ## Why it matters
    Clients compare the number, not the name. A client built against the base handles the old
    value, so it misses the code under its new value, and if the new value meant another code
    before, it mistakes one error for the other.

    ## Example
    At the base:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |
    | ERRCODE_USER_NOTEXIST | 300225 | 用户不存在 |
    ```

    Now:

    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |
    | ERRCODE_USER_NOTEXIST | 300230 | 用户不存在 |
    ```

    ## How to fix
    Restore the old value. If servers really return a new value now, that is a new code: give it
    a new name, and keep the old row, marked deprecated, until clients have moved.

    ## Options
    - `markers`: the words that mark a code deprecated or reserved, as `{deprecated = [...],
      reserved = [...]}`; by default the configuration's `[markers]`.
    """

    code = "SL402"
    name = "value-changed"
    severity = Severity.ERROR

    def changed(self, records: RecordSet, changes: Changes) -> Iterator[Diagnostic]:
        revision = records.base_revision
        taken = {id(reuse.after): reuse.before for reuse in changes.reused(self.markers)}
        for pair in changes.renumbered():
            before, after = pair.before, pair.after
            message = f"{after.label} is {after.raw_value}, was {before.raw_value} at {revision}"
            previous = taken.get(id(after))
            if previous is not None:
                message += f" ({after.raw_value} was the value of {previous.label} there)"
            finding = self.report(after, message, subject=[after, before])
            yield with_base_location(finding, records, before, f"{before.title} at {revision}")
