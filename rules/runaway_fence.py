from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Location, Severity
from speclint.rule import RecordSet, Rule, Scope


class RunawayFence(Rule):
    """## What it does
    Flags a code fence that swallows the page: one that is never closed, so everything after it
    renders as code, or a code block of some language (```json) that holds Markdown tables,
    which happens when a closing fence is mistyped (`> ```` instead of ```` ``` ````).

    ## Why it matters
    The tables inside the fence are not tables any more: readers see raw pipes, and speclint,
    like every Markdown tool, cannot check the codes in them. The page looks fine in the editor
    and is broken where it is published.

    ## Example
    ````markdown
    Every response looks like this:
    ```json
    {"errCode": 0, "errMsg": ""}
    > ```

    ### 通用错误码

    | errCode | errMsg | 含义 |
    |---------|--------|------|
    | 500 | ServerInternalError | 服务器内部错误 |
    ````

    ## How to fix
    Close the fence on a line of its own with the same characters it opened with (three or more
    backticks or tildes), outside any block quote or list.
    """

    code = "SL003"
    name = "runaway-fence"
    severity = Severity.ERROR
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        for fence in records.suspect_fences:
            if fence.never_closed:
                message = (
                    f"this code fence is never closed, so the {fence.lines_hidden} lines after it "
                    "render as code"
                )
            else:
                tables = (
                    "a Markdown table"
                    if fence.tables_hidden == 1
                    else (f"{fence.tables_hidden} Markdown tables")
                )
                message = (
                    f"this code block holds {tables} that render as code; a closing fence is "
                    "probably mistyped"
                )
            yield self.report_at(Location(records.name, fence.line, 1), message, subject=(message,))
