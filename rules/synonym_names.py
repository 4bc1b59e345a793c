from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic, Record
from speclint.registry.words import Vocabulary
from speclint.rule import RecordSet, Rule, Scope


class SynonymNames(Rule):
    """## What it does
    Flags two different names that say the same thing in another word order or spelling, such
    as `ERRCODE_DEPT_NOT_EXIST` and `ERRCODE_NOTEXIST_DEPT`.

    ## Why it matters
    Two names for one error make users pick one at random; usually the second was added by
    someone who did not find the first, so the two codes are returned for the same failure and
    clients handle only one of them.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_DEPT_NOT_EXIST | 300114 | 部门不存在 |
    | ERRCODE_EXIST_DEPT | 300112 | 部门ID已存在 |
    | ERRCODE_NOTEXIST_DEPT | 300307 | 部门不存在 |
    ```

    ## How to fix
    Keep one of the codes and mark the other deprecated (or remove it if it was never
    released). If the two really are different errors, rename one so that its name says how.

    Names are compared as the multiset of their words: they are split on underscores and other
    separators and at camelCase boundaries, and a compound word is split into two words the
    registry uses elsewhere on their own (`NOTEXIST` into `NOT` and `EXIST` when both occur).
    """

    code = "SL104"
    name = "synonym-names"
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        named = _first_of_each_name(records.records)
        vocabulary = Vocabulary.of_names(named)
        first_by_key: dict[tuple[str, ...], Record] = {}
        for name, record in named.items():
            key = vocabulary.synonym_key(name)
            if not key:
                continue  # "—", "-": a placeholder has no words to mean anything with
            earlier = first_by_key.setdefault(key, record)
            if earlier is record:
                continue
            words = ", ".join(vocabulary.words_of(earlier.name))
            yield self.report(
                record,
                f"{record.name} ({record.raw_value}) has the same words as {earlier.name} "
                f"({earlier.raw_value}) in another order or "
                f"spelling: {words}",
                field="name",
                related=[(earlier, f"{earlier.name} is defined here")],
            )


def _first_of_each_name(records: tuple[Record, ...]) -> dict[str, Record]:
    """Each name's first record, in order: a name repeated is not its own synonym."""
    first: dict[str, Record] = {}
    for record in records:
        if record.name:
            first.setdefault(record.name, record)
    return first
