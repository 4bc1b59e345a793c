from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.words import is_word, join_spelling, split_words
from speclint.rule import RecordSet, Rule, Scope


@dataclass(slots=True)
class Spelling:
    """One way a word is written across the registry: the names using it, first one first."""

    text: str
    first: Record
    names: set[str] = field(default_factory=set)


class InconsistentVocabulary(Rule):
    """## What it does
    Flags a word spelled two ways across the registry's names: as one word in some
    (`NOTEXIST`) and as two in others (`NOT_EXIST`), or with another negation (`NONEXIST`
    beside `NOTEXIST`, `NON_EXIST` beside `NOT_EXIST`). The less common spelling is reported
    once, at the first name that uses it. Nothing is inferred beyond the registry's own names: a
    pair of words counts as a spelling of a word only where the word is written whole somewhere;
    two spellings used equally often are no convention and are not reported.

    ## Why it matters
    Users search the docs and their editor for the spelling they have seen. With two spellings
    they find half the codes, and the next code added picks a spelling at random.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_USER_NOTEXIST | 300225 | 用户不存在 |
    | ERRCODE_FILE_NOTEXIST | 200010 | 资源文件不存在 |
    | ERRCODE_DEPT_NOT_EXIST | 300114 | 部门不存在 |
    ```

    ## How to fix
    Rename the codes that use the less common spelling (keep the old names as deprecated aliases
    if clients already use them). When both spellings are equally common there is no convention
    to point to, and the rule stays silent: pick one yourself.
    """

    code = "SL202"
    name = "inconsistent-vocabulary"
    severity = Severity.WARNING
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        # Every spelling of a word, keyed by the word it spells: NOTEXIST, NOT_EXIST, NONEXIST and
        # NON_EXIST all spell NOTEXIST. One pass over the names, no pairs of names.
        spellings: dict[str, dict[str, Spelling]] = {}
        for record in records.records:
            if not record.name:
                continue
            words = split_words(record.name)
            for word in words:
                if is_word(word):
                    _use(spellings.setdefault(negated(word), {}), word, record)
            for left, right in pairwise(words):
                if not (is_word(left) and is_word(right)):
                    continue  # V1_0 and V10 are different versions, not two spellings
                joined = negated(left + right)
                _use(spellings.setdefault(joined, {}), join_spelling((left, right)), record)
        for ways in spellings.values():
            # Two words side by side spell a word only where that word is also written whole
            # (ERR_FAILED spells nothing: ERRFAILED is no word of the registry).
            whole = any("_" not in way.text for way in ways.values())
            if whole and len(ways) >= 2:
                yield from self._minorities(list(ways.values()))

    def _minorities(self, spellings: list[Spelling]) -> Iterator[Diagnostic]:
        ranked = sorted(spellings, key=lambda s: len(s.names), reverse=True)
        major = ranked[0]
        if len(ranked[1].names) == len(major.names):
            return  # no convention to hold the others to
        for minor in ranked[1:]:
            record = minor.first
            count = len(minor.names)
            yield self.report(
                record,
                f"{record.name} spells {minor.text} ({count} name{'s' * (count != 1)}) where "
                f"{len(major.names)} names spell {major.text}, e.g. {major.first.name}",
                field="name",
                related=[(major.first, f"{major.first.name} spells {major.text}")],
                subject=[record],
            )


def _use(spellings: dict[str, Spelling], text: str, record: Record) -> None:
    spelling = spellings.get(text)
    if spelling is None:
        spelling = spellings[text] = Spelling(text, record)
    spelling.names.add(record.name)


# Negations written two ways: NONEXIST and NOTEXIST, NON_EXIST and NOT_EXIST.
_NEGATION = re.compile(r"NON(?=[A-Z]{3})")


def negated(word: str) -> str:
    """The word with a leading NON written as NOT, the way most names negate."""
    return _NEGATION.sub("NOT", word, count=1) if word.startswith("NON") else word
