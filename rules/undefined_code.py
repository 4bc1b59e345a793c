from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic
from speclint.registry.spaces import cited_keys, indexes_among
from speclint.rule import RecordSet, Rule, Scope


class UndefinedCode(Rule):
    """## What it does
    Flags a code that a reference table lists but no other table of the registry defines. A
    reference table is a table without a name column that mostly re-lists codes listed before
    it, such as the codes one endpoint can return or a map of HTTP statuses to codes. A row of
    an index whose code links to its entry on the page (`[`4099`](#4099--door-open)`) is never
    flagged: its entry may be prose under a heading of its own.

    ## Why it matters
    A code that is returned but never defined has no name to generate a constant from and no
    documented meaning: it is either a typo in the reference or a definition nobody wrote.

    ## Example
    ```markdown
    ### 组织架构

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_MISS_USERID | 300201 | 缺少用户ID |
    | ERRCODE_MISS_USERNAME | 300202 | 缺少用户名 |
    | ERRCODE_MISS_USERLIST | 300204 | 缺少用户列表 |

    ### 创建用户接口的错误码

    | 错误码 | 说明 |
    | --- | --- |
    | 300201 | 缺少用户ID |
    | 300202 | 缺少用户名 |
    | 300209 | 无效的phone格式 |
    ```

    ## How to fix
    Correct the value if the reference mistyped it, or add the code's definition (name, value
    and meaning) to the table of its category.
    """

    code = "SL106"
    name = "undefined-code"
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        # A reference cites a code by its value or, for string codes, by its name (gRPC pages
        # list CANCELLED, not 1), exactly as the registry tells references apart.
        if not records.references:
            return  # nothing cites a code
        if not any(r.name for r in records.records):
            return  # no master list of named codes: nothing tells a citation from a definition
        defined = cited_keys(records.records)
        indexes: set[tuple[str, int]] | None = None
        for reference in records.references:
            if reference.value in defined:
                continue
            if indexes is None:
                indexes = indexes_among([*records.records, *records.references])
            if (reference.file, reference.table) in indexes:
                continue  # an index row: its entry is under the heading it links to, maybe prose
            yield self.report(
                reference,
                f"code {reference.raw_value} is listed in {reference.section_title} but no "
                f"table of {records.description} defines it",
            )
