from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Severity
from speclint.registry.changes import ChangeRule, Changes, with_base_location
from speclint.rule import RecordSet


class RenamedCode(ChangeRule):
    """## What it does
    Flags a code whose name changed since the base revision while its value and meaning stayed
    (the same value, the same meaning up to spacing, case and punctuation). It runs when a base
    is given (`speclint diff BASE`, `speclint check --base BASE`) and does nothing otherwise. A
    new name for the value with another meaning is not a rename: the old code was removed
    (`removed-code`) and its value reused (`value-reused`).

    ## Why it matters
    The value on the wire is unchanged, so running clients keep working, but generated constants
    and code that names the code stop compiling, and searches of logs and docs for the old name
    find nothing.

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
    | ERRCODE_USER_NOT_FOUND | 300225 | 用户不存在 |
    ```

    ## How to fix
    Keep the old name. If the new one is better, announce the rename (the changelog of
    `speclint diff BASE --output-format changelog` lists it) and accept the finding in a
    baseline, or suppress it at the table with the reason.

    ## Options
    - `markers`: the words that mark a code deprecated or reserved, as `{deprecated = [...],
      reserved = [...]}`; by default the configuration's `[markers]`.
    """

    code = "SL404"
    name = "renamed-code"
    severity = Severity.WARNING

    def changed(self, records: RecordSet, changes: Changes) -> Iterator[Diagnostic]:
        revision = records.base_revision
        for pair in changes.renamed:
            before, after = pair.before, pair.after
            message = f"{after.title} was called {before.name} at {revision}"
            finding = self.report(after, message, field="name", subject=[after, before])
            yield with_base_location(
                finding, records, before, f"{before.title} at {revision}", "name"
            )
