from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.conventions import is_label
from speclint.registry.thresholds import (
    COMMON_WORD_MIN_LETTERS,
    MISSPELLING_MIN_LETTERS,
    MISSPELLING_TWO_EDITS_LETTERS,
    VOCABULARY_MIN_NAMES,
)
from speclint.registry.words import COMMON_WORDS, deletions, edit_distance, split_words, stem
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class MisspelledWordOptions:
    words: tuple[str, ...] = ()


@dataclass(slots=True)
class _Word:
    records: list[Record] = field(default_factory=list)
    names: set[str] = field(default_factory=set)


class MisspelledWord(Rule):
    """## What it does
    Flags a word of a code name that is probably a misspelling of a word the registry uses
    elsewhere: `NOT_SURPPORT` beside `NOT_SUPPORT`, `USER_NOTFOUDN` beside `NOTFOUND`,
    `UNKNWN_ERROR`. The likely spelling is in the message.

    A word used in a single name is compared with the registry's vocabulary (the words used in
    at least `VOCABULARY_MIN_NAMES` (2) names) and with a short list of common error-name words
    (`NOT`, `FOUND`, `EXIST`, `SUPPORT`, `UNKNOWN`, `INVALID`, `TIMEOUT`, `PERMISSION`,
    `DENIED` ...). It is reported when it is one edit away (an inserted, missing, wrong or
    swapped letter), or two for words of `MISSPELLING_TWO_EDITS_LETTERS` (7) letters or more.
    Never reported: words shorter than `MISSPELLING_MIN_LETTERS` (4) letters, words of the
    vocabulary or the common list themselves, a word that contains the other (`SUPPORTED`,
    `USERS`, `BLOCKED` beside `LOCKED`) or has its stem (`EXPIRE`), and negation variants
    (`NONEXIST`), which are inconsistent-vocabulary's.

    ## Why it matters
    A misspelt name is published forever: clients generate `NOT_SURPPORT` from it, nobody finds
    it by searching for `SUPPORT`, and the next code copies the typo.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERR_CODEC_NOT_SUPPORT | 103 | 不支持的编码 |
    | ERR_HDR_NOT_SUPPORT | 105 | 不支持 HDR |
    | ERR_RESOLUTION_NOT_SURPPORT | 106 | 不支持的分辨率 |
    ```

    ## How to fix
    Correct the spelling if the code is not published yet. If it is, keep it and accept the
    finding (a suppression with a reason, or the baseline), or add the word to `words` when it
    is spelt as intended.

    ## Options
    - `words`: words spelt as intended, never reported (e.g. product names).
    """

    code = "SL203"
    name = "misspelled-word"
    severity = Severity.WARNING
    scope = Scope.REGISTRY
    Options = MisspelledWordOptions

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        words: dict[str, _Word] = defaultdict(_Word)
        for record in records.records:
            if is_label(record.name) or " " in record.name:
                continue  # "Session taken over": words for people, not an identifier's
            for word in dict.fromkeys(split_words(record.name)):
                if word.isalpha():
                    entry = words[word]
                    entry.records.append(record)
                    entry.names.add(record.name)
        accepted = {w.upper() for w in self.options.words}
        vocabulary = {w for w, e in words.items() if len(e.names) >= VOCABULARY_MIN_NAMES}
        known = (vocabulary | COMMON_WORDS | accepted) - {""}
        # Every known word under its deletions: a word within two edits of a known word shares
        # one of them, so candidates are found by lookup, never by comparing all pairs.
        index: dict[str, set[str]] = defaultdict(set)
        for word in known:
            if len(word) >= MISSPELLING_MIN_LETTERS:
                for deleted in deletions(word, 2):
                    index[deleted].add(word)
        for word, entry in words.items():
            if word in known or len(word) < MISSPELLING_MIN_LETTERS:
                continue
            likely = _likely_spelling(word, index, words, vocabulary)
            if likely is not None:
                yield self._finding(word, entry.records[0], likely, words.get(likely))

    def _finding(self, word: str, record: Record, likely: str, uses: _Word | None) -> Diagnostic:
        if uses is not None and uses.names:
            first = uses.records[0]
            count = len(uses.names)
            where = f", as {count} other name{'s' * (count != 1)} spell it (e.g. {first.name})"
            related = [(first, f"{first.name} spells {likely}")]
        else:
            where, related = "", []
        return self.report(
            record,
            f"{word} in {record.name} looks like a misspelling of {likely}{where}",
            field="name",
            related=related,
            subject=[record],
        )


def _likely_spelling(
    word: str, index: dict[str, set[str]], words: dict[str, _Word], vocabulary: set[str]
) -> str | None:
    budget = 2 if len(word) >= MISSPELLING_TWO_EDITS_LETTERS else 1
    candidates = {known for deleted in deletions(word, budget) for known in index.get(deleted, ())}
    best: tuple[int, int, str] | None = None
    for known in candidates:
        if known in word or word in known or stem(known) == stem(word):
            continue  # SUPPORTED, USERS, BLOCKED/LOCKED: an inflection or another word
        if word.startswith("NON") and known == "NOT" + word[3:]:
            continue  # NONEXIST: a negation variant, inconsistent-vocabulary's business
        # Against a common word the registry does not use itself, only one edit of a long word
        # counts: short real words sit one edit from each other (TAKEN, TOKEN).
        own = known in vocabulary
        limit = budget if own else (1 if len(word) >= COMMON_WORD_MIN_LETTERS else 0)
        distance = edit_distance(word, known, limit)
        if distance > limit:
            continue
        if distance == 2 and len(word) == len(known):
            continue  # two letters changed in place make another word (CONGESTION, CONNECTION)
        uses = len(words[known].names) if known in words else 0
        key = (distance, -uses, known)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else None
