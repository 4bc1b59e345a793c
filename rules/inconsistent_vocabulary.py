from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.words import is_word, join_spelling, split_words
from speclint.rule import RecordSet, Rule, Scope


@dataclass(slots=True)
class Spelling:
    """One way a word is written across the registry: how many names use it, the first first."""

    text: str
    first: Record
    names: int = 0


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
        first: dict[str, Record] = {}
        for record in records.records:
            if record.name:
                first.setdefault(record.name, record)
        # The words written whole: a pair of words side by side spells a word only where that
        # word is also written whole (ERR_FAILED spells nothing: ERRFAILED is no word).
        written = set().union(*map(split_words, first))
        whole = {negated(w) for w in written if is_word(w)}
        # Most registries spell every word one way: then there is nothing to count. (A spelling
        # spells one word, whichever name it is in, so every spelling is found among the words
        # and the pairs of neighbouring words, each taken once rather than once per name.) Each
        # name's spellings are worked out again below rather than kept: a registry of 100,000
        # names would hold them all.
        spelled = _spellings(first, written, whole)
        if len(set(spelled.values())) == len(spelled):
            return
        spellings: dict[str, dict[str, Spelling]] = {}
        for name, record in first.items():
            for text, word in _ways(name, whole):
                group = spellings.setdefault(word, {})
                spelling = group.get(text)
                if spelling is None:
                    spelling = group[text] = Spelling(text, record)
                spelling.names += 1
        for group in spellings.values():
            if len(group) >= 2:
                yield from self._minorities(list(group.values()))

    def _minorities(self, spellings: list[Spelling]) -> Iterator[Diagnostic]:
        ranked = sorted(spellings, key=lambda s: s.names, reverse=True)
        major = ranked[0]
        if ranked[1].names == major.names:
            return  # no convention to hold the others to
        for minor in ranked[1:]:
            record = minor.first
            count = minor.names
            yield self.report(
                record,
                f"{record.name} spells {minor.text} ({count} name{'s' * (count != 1)}) where "
                f"{major.names} names spell {major.text}, e.g. {major.first.name}",
                field="name",
                related=[(major.first, f"{major.first.name} spells {major.text}")],
                subject=[record],
            )


def _ways(name: str, whole: set[str]) -> list[tuple[str, str]]:
    """The spellings in ``name``, each once, with the word each spells: its words, and each pair
    of words side by side that spells a word written whole elsewhere (or a negation)."""
    words = split_words(name)
    ways: dict[str, str] = {word: negated(word) for word in words if not word.isdigit()}
    for left, right in pairwise(words):
        joined = _pair_spelling(left, right, whole)
        if joined is not None:
            ways[join_spelling((left, right))] = joined
    return list(ways.items())


def _spellings(names: Iterable[str], written: set[str], whole: set[str]) -> dict[str, str]:
    """Every spelling in ``names`` (whose words are ``written``) with the word it spells: what
    ``_ways`` finds in each name, found among the words and the distinct pairs of neighbouring
    words instead (a registry of 100,000 names has a few thousand of each)."""
    spelled = {word: negated(word) for word in written if not word.isdigit()}
    for left, right in set(chain.from_iterable(map(pairwise, map(split_words, names)))):
        joined = _pair_spelling(left, right, whole)
        if joined is not None:
            spelled[join_spelling((left, right))] = joined
    return spelled


def _pair_spelling(left: str, right: str, whole: set[str]) -> str | None:
    """The word two neighbouring words of a name spell together, if they spell one."""
    joined = left + right
    if joined.startswith("NO"):  # only such a word is respelt (and most pairs are not)
        joined = negated(joined)
    # V1_0 and V10 are versions, not spellings of one word. A negation and the word it
    # negates (NO_EXIST, NOT_EXIST) always spell one, even in camelCase names.
    negation = left in NEGATIONS and len(right) >= MIN_NEGATED
    if (joined in whole or negation) and is_word(left) and is_word(right):
        return joined
    return None


# Negations written several ways: NONEXIST, NOEXIST and NOTEXIST; NO_EXIST and NOT_EXIST.
NEGATIONS = frozenset({"NO", "NOT", "NON"})
MIN_NEGATED = 3  # letters of the negated word: NONE and NODE are no negations
_NEGATION = re.compile(rf"NO[NT]?(?=[A-Z]{{{MIN_NEGATED}}})")


@lru_cache(maxsize=1 << 16)
def negated(word: str) -> str:
    """The word with a leading NON or NO written as NOT, the way most names negate."""
    return _NEGATION.sub("NOT", word, count=1) if word.startswith("NO") else word
