from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Location
from speclint.rule import RecordSet, Rule, Scope


class MalformedTable(Rule):
    """## What it does
    Reports a table row that cannot become a record as written: it has fewer or more cells than
    the header, or no value. Also reports what keeps a table from being read at all: a table
    headed like a code table (`错误码 | 十进制数值 | 含义`) in which no row holds a readable code,
    a code table whose delimiter row (`| --- | --- |`) has another number of cells than its
    header (Markdown then renders no table, only the lines as text), and lists or quotes nested
    so deep (over 100 levels) that speclint stops reading inside them.

    ## Why it matters
    Renderers pad or cut ragged rows without a word, so the page shows a code with a missing or
    shifted meaning, and tools that read the table see something else than readers do.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_OK | 0 |
    ```

    ## How to fix
    Give the row exactly one cell per header column; escape a pipe that belongs to the text as
    `\\|` or put it in backticks. Put the codes themselves in the code column of a code table,
    and give the delimiter row one cell per header cell.
    """

    code = "SL002"
    name = "malformed-table"
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        for problem in records.problems:
            location = Location(problem.file, problem.line, problem.column)
            yield self.report_at(location, problem.message, subject=(problem.text,))
