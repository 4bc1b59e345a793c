from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.categories import by_category
from speclint.registry.thresholds import MODULE_WORD_MIN_NAMES
from speclint.registry.words import (
    PLACEHOLDER_MEANINGS,
    Vocabulary,
    normalise_text,
    split_words,
)
from speclint.rule import RecordSet, Rule, Scope


class DuplicateDescription(Rule):
    """## What it does
    Flags a meaning given to more than one value in the same category (the heading that sets a
    table apart on its page). Meanings are compared after folding case, full- and half-width
    forms, whitespace and punctuation, so `无效的 userId。` and `无效的UserID` are the same
    meaning. The same text in different categories (`参数错误` in every module) is normal and
    not reported, and neither are two records whose names are one name or its synonym, even
    one alike only up to an inflection or an error affix (name-collision and synonym-names
    report those), nor the same error of two modules in one table: names that differ in one
    word, each word naming a module (used in the names of at least `MODULE_WORD_MIN_NAMES` (3)
    codes: `ErrorAppleParams` beside `ErrorMarketParams`, or the classes `Data Read Error`
    and `Data Write Error`, each the name of several codes).

    ## Why it matters
    When two codes read the same, users cannot tell which one a failure returns, and clients end
    up handling only one of them. Often one of the two is a leftover copy, or a meaning pasted
    without being edited.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_INVALID_USERID | 300223 | 无效的userId |
    | ERRCODE_INVALID_DEPT_USERID | 300230 | 无效的userId |
    ```

    ## How to fix
    Say what sets the codes apart (`无效的群成员userId`), or merge them into one code if they
    are the same error. Rows without a meaning, or with a placeholder for one (`TBD`, `待定`), are
    not compared.
    """

    code = "SL105"
    name = "duplicate-description"
    severity = Severity.WARNING
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        found = [pair for m in by_category(records.records).values() for pair in _copies(m)]
        if not found:
            return
        names = [r.name for r in records.records if r.name]
        vocabulary = Vocabulary.of_names(names)
        # Each code's name counts: a name several codes share (Data Read Error, the class of
        # nine codes) shows its words as the same error's family as a module's name does.
        uses = Counter(word for name in names for word in set(split_words(name)))
        for record, earlier in found:
            if _same_name(earlier, record, vocabulary) or _parallel(earlier, record, uses):
                continue
            yield self._finding(record, earlier)

    def _finding(self, record: Record, earlier: Record) -> Diagnostic:
        wording = (
            "" if record.description == earlier.description else f"{earlier.description!r} of "
        )
        return self.report(
            record,
            f"{record.title} means {record.description!r}, the same as {wording}{earlier.title}",
            field="description",
            related=[(earlier, f"{earlier.title} has this meaning")],
        )


def _same_name(earlier: Record, record: Record, vocabulary: Vocabulary) -> bool:
    """Two names for one error (the same name, the same words, or words alike up to an
    inflection or an error affix: synonym-names reports those) are one problem, already
    reported; the shared meaning is part of it."""
    if not (earlier.name and record.name):
        return False
    if vocabulary.synonym_key(earlier.name) == vocabulary.synonym_key(record.name):
        return True
    # Alike up to an inflection or an error affix (E_DATA_CONFLICT, E_DATA_CONFLICT_ERROR):
    # with one meaning, synonym-names reports the pair as one error with two names.
    near = vocabulary.near_key(earlier.name)
    return bool(near) and near == vocabulary.near_key(record.name)


def _parallel(earlier: Record, record: Record, uses: Counter[str]) -> bool:
    """Whether two names are the same error of two modules (ErrorAppleParams beside
    ErrorMarketParams, ERR_VOICE_PLAYER_PARAM_NULL beside ERR_VOICE_RECORD_PARAM_NULL): they
    differ in one word, and each of the two words names a module, used in the names of several
    codes (a name that several codes share, Data Read Error beside Data Write Error, counts
    once per code)."""
    a, b = split_words(earlier.name), split_words(record.name)
    if not a or len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return uses[x] >= MODULE_WORD_MIN_NAMES and uses[y] >= MODULE_WORD_MIN_NAMES


def _copies(members: list[Record]) -> Iterator[tuple[Record, Record]]:
    """Each record whose meaning an earlier record of another value already has, with it."""
    # Per meaning, its first record and then the first record of each value seen so far: a
    # value listed twice with the same meaning is a duplicate row (SL101/SL102), not two codes
    # sharing a meaning. Most meanings are one record's: their values are indexed only once a
    # second record has the meaning (not a dict per record).
    first: dict[str, Record] = {}
    shared: dict[str, dict[tuple[str, object], Record]] = {}
    for record in members:
        meaning = normalise_text(record.description)
        if not meaning or meaning in PLACEHOLDER_MEANINGS:
            continue  # TBD, 待定: no meaning written yet, none to share
        earlier = first.setdefault(meaning, record)
        if earlier is record:
            continue
        values = shared.get(meaning)
        if values is None:
            values = shared[meaning] = {earlier.value_key: earlier}
        value = record.value_key
        if value in values:
            continue
        values[value] = record
        yield record, earlier
