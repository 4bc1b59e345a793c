from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.conventions import Prefix, Style, infer_prefix, infer_style
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class NamingConventionOptions:
    # "": the convention most of the registry's names follow (UPPER_SNAKE_CASE when none is).
    pattern: str = ""
    # None: infer the prefix from the registry; "": no prefix is required.
    prefix: str | None = None


class NamingConvention(Rule):
    """## What it does
    Checks that every code name follows the registry's naming convention and starts with its
    prefix, such as `ERRCODE_`. Unless configured, the convention is the one at least 80% of
    the registry's names follow (UPPER_SNAKE_CASE, lower_snake_case, PascalCase, camelCase,
    dotted.PascalCase or Title Case Words for HTTP reason phrases), and UPPER_SNAKE_CASE when
    no convention is that common; the prefix is the one at least 80% of the names share (when
    the registry has at least ten names). An inferred convention or prefix says so.

    ## Why it matters
    Names become constants in generated clients. A name that breaks the pattern produces an
    identifier that looks wrong or does not compile, and a name without the shared prefix is
    hard to find and easy to mistake for something else.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_MISS_USERID | 300201 | 缺少用户ID |
    | ERRCODE_missUserName | 300202 | 缺少用户名 |
    ```

    ## How to fix
    Rename the code to match the pattern and carry the prefix. If the registry deliberately uses
    another convention, configure it.

    ## Options
    - `pattern`: a regular expression every name must match, e.g. `"^ERRCODE_[A-Z0-9_]+$"`.
      Unset, the convention is inferred per registry as described above.
    - `prefix`: the prefix every name must start with. Unset, it is inferred per registry (the
      part up to the first underscore that at least 80% of the names share); `""` requires none.
    """

    code = "SL201"
    name = "naming-convention"
    scope = Scope.REGISTRY
    Options = NamingConventionOptions

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        super().__init__(options, severity)
        try:
            self.pattern = re.compile(self.options.pattern) if self.options.pattern else None
        except re.error as exc:
            raise ValueError(
                f"pattern {self.options.pattern!r} is not a regular expression: {exc}"
            ) from None

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        # A name cell holding only "—" or "-" is a placeholder for no name, not a bad name.
        named = [r for r in records.records if any(ch.isalnum() for ch in r.name)]
        prefix = self._prefix(named)
        style = self._style(named)
        for record in named:
            if not style.pattern.search(record.name):
                yield self.report(
                    record, f"{record.name} does not follow {style.describe()}", field="name"
                )
            if prefix is not None and not record.name.startswith(prefix.text):
                yield self.report(record, _missing_prefix(record, prefix), field="name")

    def _style(self, named: list[Record]) -> Style:
        if self.pattern is not None:
            return Style(self.pattern.pattern, self.pattern)
        return infer_style([r.name for r in named])

    def _prefix(self, named: list[Record]) -> Prefix | None:
        if self.options.prefix is not None:
            return Prefix(self.options.prefix) if self.options.prefix else None
        return infer_prefix({r.name for r in named})


def _missing_prefix(record: Record, prefix: Prefix) -> str:
    message = f"{record.name} does not start with the prefix {prefix.text}"
    if prefix.inferred:
        message += (
            f" (inferred: {prefix.sharing} of the registry's {prefix.total} names start with it;"
            " set rules.naming-convention.prefix to choose another)"
        )
    return message
