from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.conventions import is_label
from speclint.registry.dictionary import is_english_word
from speclint.registry.lifecycle import Markers, replacements
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
    dictionary: bool = True
    # The words that mark a code deprecated; by default the configuration's [markers].
    markers: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(slots=True)
class _Word:
    first: Record  # the first record whose name (or string code) uses the word
    identifier: str  # that name or string code
    names: int = 0  # how many names use it


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

    English words spelt right are never reported either (`LOGIC` beside `LOGIN`, `STALLED`
    beside `STALE`, `TIMER` beside `TIMED`): they are checked against pyspellchecker's English
    word list, which leaves out common typos.

    ## Options
    - `words`: words spelt as intended, never reported (e.g. product names).
    - `dictionary`: never report an English word spelt right (default `true`); `false` reports
      a word one edit from the registry's vocabulary even when it is an English word.
    - `markers`: the words that mark a code deprecated (`{deprecated = [...]}`; by default the
      configuration's `[markers]`): a deprecated name whose row names its replacement is kept
      for old clients, its spelling fixed already, and is not reported.
    """

    code = "SL203"
    name = "misspelled-word"
    severity = Severity.WARNING
    scope = Scope.REGISTRY
    Options = MisspelledWordOptions

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        names: dict[str, Record] = {}
        for record in records.records:
            # A table of string codes (InvalidTempalteVersion) has its identifiers as values.
            identifier = record.name or (record.value if isinstance(record.value, str) else "")
            # "Session taken over": words for people, not an identifier's.
            if identifier and " " not in identifier and not is_label(identifier):
                names.setdefault(identifier, record)
        words: dict[str, _Word] = {}
        for name, record in names.items():
            for word in dict.fromkeys(split_words(name)):
                if word.isalpha():
                    entry = words.get(word)
                    if entry is None:
                        entry = words[word] = _Word(record, name)
                    entry.names += 1
        accepted = {w.upper() for w in self.options.words}
        vocabulary = {w for w, e in words.items() if e.names >= VOCABULARY_MIN_NAMES}
        known = (vocabulary | COMMON_WORDS | accepted) - {""}
        suspects = [w for w in words if w not in known and len(w) >= MISSPELLING_MIN_LETTERS]
        if not suspects:
            return
        # The suspects under their deletions; a known word within two edits of a suspect shares
        # one of them, so pairs are found by lookup, never by comparing every pair of words.
        # The common words' deletions are indexed once per process; the registry's own words
        # (and a known word's stem: UNSURPORT misspells UNSUPPORT(ED)) are looked up here.
        index: dict[str, set[str]] = defaultdict(set)
        for word in suspects:
            for deleted in deletions(word, _budget(word)):
                index[deleted].add(word)
        near: dict[str, set[str]] = defaultdict(set)
        common = _common_index()
        for deleted, suspects_here in index.items():
            for word in common.get(deleted, ()):
                for suspect in suspects_here:
                    near[suspect].add(word)
        lengths = {len(w) for w in suspects}
        own_words = (vocabulary | accepted) - COMMON_WORDS
        targets = own_words | {stem(w) for w in own_words}
        for word in targets:
            if len(word) < MISSPELLING_MIN_LETTERS or all(abs(len(word) - n) > 2 for n in lengths):
                continue
            # The shared deletions, found by a set intersection in C rather than one lookup
            # per deletion (a registry's own words are many, its suspects few).
            for deleted in index.keys() & deletions(word, 2):
                for suspect in index[deleted]:
                    near[suspect].add(word)
        own = vocabulary | {stem(w) for w in vocabulary}
        for word in suspects:
            likely = _likely_spelling(word, near.get(word, set()), words, own)
            # An English word is spelt as meant, whatever registry word it is one edit from
            # (LOGIC, LOGIN): asked last, of the few words about to be reported.
            if likely is not None and not (self.options.dictionary and is_english_word(word)):
                if self._kept_alias(words[word], names):
                    continue
                yield self._finding(word, words[word], likely, words.get(likely))

    def _kept_alias(self, misspelt: _Word, names: dict[str, Record]) -> bool:
        """Whether the one name spelling a word so is a deprecated alias whose row says to
        use a code of the page ("KEY_CONFILICT (deprecated): use KEY_CONFLICT"): the old
        spelling is kept for old clients and fixed already. Asked of the few words about to
        be reported, not of every record."""
        if misspelt.names != 1:
            return False
        instead = replacements(misspelt.first, Markers.configured(self.options.markers))
        return not instead.isdisjoint(names)

    def _finding(self, word: str, misspelt: _Word, likely: str, uses: _Word | None) -> Diagnostic:
        if uses is not None and uses.names:
            count = uses.names
            spell = "names spell" if count != 1 else "name spells"
            where = f", as {count} other {spell} it (e.g. {uses.identifier})"
            related = [(uses.first, f"{uses.identifier} spells {likely}")]
        else:
            where, related = "", []
        record = misspelt.first
        return self.report(
            record,
            f"{word} in {misspelt.identifier} looks like a misspelling of {likely}{where}",
            field="name" if record.name else "value",
            related=related,
            subject=[record],
        )


_ENDINGS = ("ED", "ING", "ES", "ER")


_INFLECTIONS = ("D", "ED", "S", "ES", "ING")


@lru_cache(maxsize=1)
def _common_index() -> dict[str, frozenset[str]]:
    """The common error-name words (and their stems) under their deletions, built once."""
    index: dict[str, set[str]] = defaultdict(set)
    for word in COMMON_WORDS | {stem(w) for w in COMMON_WORDS}:
        if len(word) >= MISSPELLING_MIN_LETTERS:
            for deleted in deletions(word, 2):
                index[deleted].add(word)
    return {deleted: frozenset(words) for deleted, words in index.items()}


def _inflection_inserted(word: str, known: str) -> bool:
    """Whether ``word`` is ``known`` with an inflection put inside it (TIMEDOUT, TIMEOUT)."""
    extra = len(word) - len(known)
    if extra <= 0:
        return False
    return any(
        word[i : i + extra] in _INFLECTIONS and word[:i] + word[i + extra :] == known
        for i in range(1, len(word) - extra)
    )


def _budget(word: str) -> int:
    return 2 if len(word) >= MISSPELLING_TWO_EDITS_LETTERS else 1


def _likely_spelling(
    word: str, candidates: set[str], words: dict[str, _Word], vocabulary: set[str]
) -> str | None:
    budget = _budget(word)
    best: tuple[int, int, str] | None = None
    for known in candidates:
        if known in word or word in known or stem(known) == stem(word):
            continue  # SUPPORTED, USERS, BLOCKED/LOCKED: an inflection or another word
        if word.startswith("NON") and known == "NOT" + word[3:]:
            continue  # NONEXIST: a negation variant, inconsistent-vocabulary's business
        # Against a common word the registry does not use itself, only one edit of a long word
        # counts: short real words sit one edit from each other (TAKEN, TOKEN).
        # An inflected word (REUSED, LOADING) is a stem plus an ending, and its stem is usually
        # a word of its own: only the registry's own vocabulary can say it is a typo.
        own = known in vocabulary
        inflected = word.endswith(_ENDINGS)
        limit = (
            budget if own else (1 if len(word) >= COMMON_WORD_MIN_LETTERS and not inflected else 0)
        )
        distance = edit_distance(word, known, limit)
        if distance > limit:
            continue
        if distance == 2 and len(word) == len(known):
            continue  # two letters changed in place make another word (CONGESTION, CONNECTION)
        if not own and len(word) == len(known) and sorted(word) != sorted(known):
            continue  # one letter changed makes another real word (CONTEXT, CONTENT)
        if _inflection_inserted(word, known):
            continue  # TIMEDOUT: TIMEOUT with its verb inflected, not a typo
        uses = words[known].names if known in words else 0
        key = (distance, -uses, known)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else None
