from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Severity
from speclint.registry.changes import ChangeRule, Changes, with_base_location
from speclint.rule import RecordSet


class MovedCategory(ChangeRule):
    """## What it does
    Flags a code that is under another heading (category) than at the base revision. It runs
    when a base is given (`speclint diff BASE`, `speclint check --base BASE`) and does nothing
    otherwise. The heading right above the table counts, not the page: a table moved to another
    page under the same heading has not moved, and a heading that was renamed moves nothing
    (when most of its codes are under one new heading, it was renamed).

    ## Why it matters
    The category is part of what a code means: clients and dashboards group codes by it, and
    links to a section's codes point at it. A code that changes category is usually a row pasted
    into the wrong table.

    ## Example
    At the base:

    ```markdown
    ### 用户

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |
    | ERRCODE_GROUP_FULL | 300226 | 群已满 |

    ### 群组

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_GROUP_NOTEXIST | 500004 | 群不存在 |
    ```

    Now:

    ```markdown
    ### 用户

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_EXIST | 300224 | 用户已存在 |

    ### 群组

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_GROUP_NOTEXIST | 500004 | 群不存在 |
    | ERRCODE_GROUP_FULL | 300226 | 群已满 |
    ```

    ## How to fix
    Move the row back under its heading. If the code really belongs to the other category now,
    accept the finding (a baseline, or a suppression with the reason) and announce it.

    ## Options
    - `markers`: the words that mark a code deprecated or reserved, as `{deprecated = [...],
      reserved = [...]}`; by default the configuration's `[markers]`.
    """

    code = "SL405"
    name = "moved-category"
    severity = Severity.WARNING

    def changed(self, records: RecordSet, changes: Changes) -> Iterator[Diagnostic]:
        revision = records.base_revision
        for pair in changes.moved():
            before, after = pair.before, pair.after
            message = (
                f"{after.title} moved from {before.section_title} to {after.section_title} "
                f"since {revision}"
            )
            finding = self.report(after, message, field="name", subject=[after, before])
            yield with_base_location(
                finding, records, before, f"{before.title} at {revision}", "name"
            )
