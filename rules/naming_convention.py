from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from speclint.model import Diagnostic, Record, Severity
from speclint.naming import common_prefix
from speclint.rule import RecordSet, Rule, Scope

UPPER_SNAKE_CASE = r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"
# A prefix is inferred only when this share of the registry's names have it, and only from
# enough names for the share to mean something.
PREFIX_SHARE = 0.8
PREFIX_MIN_NAMES = 10


@dataclass(frozen=True)
class NamingConventionOptions:
    pattern: str = UPPER_SNAKE_CASE
    # None: infer the prefix from the registry; "": no prefix is required.
    prefix: str | None = None


@dataclass(frozen=True, slots=True)
class Prefix:
    text: str
    sharing: int = 0  # names that have it, when inferred
    total: int = 0

    @property
    def inferred(self) -> bool:
        return self.total > 0


class NamingConvention(Rule):
    """## What it does
    Checks that every code name matches the naming pattern (UPPER_SNAKE_CASE by default) and
    starts with the registry's prefix, such as `ERRCODE_`. Unless configured, the prefix is the
    one at least 80% of the registry's names share (when it has at least ten names).

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
    - `pattern`: a regular expression every name must match (default
      `^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`, UPPER_SNAKE_CASE).
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
            self.pattern = re.compile(self.options.pattern)
        except re.error as exc:
            raise ValueError(
                f"pattern {self.options.pattern!r} is not a regular expression: {exc}"
            ) from None

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        # A name cell holding only "—" or "-" is a placeholder for no name, not a bad name.
        named = [r for r in records.records if any(ch.isalnum() for ch in r.name)]
        prefix = self._prefix(named)
        for record in named:
            if not self.pattern.search(record.name):
                yield self.report(
                    record,
                    f"{record.name} does not match the naming pattern {self._pattern_name()}",
                    field="name",
                )
            if prefix is not None and not record.name.startswith(prefix.text):
                yield self.report(record, _missing_prefix(record, prefix), field="name")

    def _pattern_name(self) -> str:
        pattern = self.pattern.pattern
        return f"UPPER_SNAKE_CASE ({pattern})" if pattern == UPPER_SNAKE_CASE else pattern

    def _prefix(self, named: list[Record]) -> Prefix | None:
        if self.options.prefix is not None:
            return Prefix(self.options.prefix) if self.options.prefix else None
        return infer_prefix({r.name for r in named})


def infer_prefix(names: set[str]) -> Prefix | None:
    """The prefix (up to the first underscore) that most of ``names`` share, if most do."""
    if len(names) < PREFIX_MIN_NAMES:
        return None
    counts = Counter(common_prefix(name) for name in names)
    counts.pop("", None)
    if not counts:
        return None
    text, sharing = max(counts.items(), key=lambda item: (item[1], item[0]))
    if sharing < PREFIX_SHARE * len(names):
        return None
    return Prefix(text, sharing, len(names))


def _missing_prefix(record: Record, prefix: Prefix) -> str:
    message = f"{record.name} does not start with the prefix {prefix.text}"
    if prefix.inferred:
        message += (
            f" (inferred: {prefix.sharing} of the registry's {prefix.total} names start with it;"
            " set rules.naming-convention.prefix to choose another)"
        )
    return message
