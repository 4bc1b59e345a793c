from __future__ import annotations

import re
from collections.abc import Iterator

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.thresholds import MEANING_DIFFERS, MEANING_OVERLAP
from speclint.registry.words import (
    Vocabulary,
    crosses_direction,
    meanings_differ,
    normalise_text,
    other_script_runs,
)
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
    The same words are an error, unless the order is the meaning (a directional word such as
    `TO`, `FROM`, `BY`, `VS`, `SRC`, `DST`: `TINYID_TO_OPENID` is not `OPENID_TO_TINYID`; or
    numbers standing in another order: `RATE_4_3` is not `RATE_3_4`) or the two descriptions
    clearly say different things (under `MEANING_DIFFERS` (50%) of their words shared and
    neither `MEANING_OVERLAP` (80%) inside the other). Names that differ only
    by an inflection, a plural or an error affix (`X_FAILED` and `X_FAILURE`, `ErrTimeout` and
    `ErrorTimeout`, `InvalidUrl` and `InvalidUrlErr`) are a warning.
    """

    code = "SL104"
    name = "synonym-names"
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        named = _first_of_each_name(records.records)
        vocabulary = Vocabulary.of_names(named)
        # Two passes, one index at a time (a registry of 100,000 names makes each one large):
        # names with the same words, then among the others names alike up to inflection.
        settled: set[str] = set()  # no words, or the words of an earlier name: asked no more
        # Indexed by the hash of the words, not the words: on a page of 100,000 names a tuple
        # per name is about 5 MB more at the rule's peak. The earlier name's words are worked
        # out again only when the hashes meet (a synonym, or almost never two words alike).
        first_by_words: dict[int, Record] = {}
        for name, record in named.items():
            words = vocabulary.synonym_key(name)
            if not words:
                settled.add(name)  # "—", "-": a placeholder has no words to mean anything with
                continue
            earlier = first_by_words.setdefault(hash(words), record)
            if earlier is not record and vocabulary.synonym_key(earlier.name) == words:
                settled.add(name)
                if self._one_meaning(earlier, record, vocabulary):
                    yield self._synonym(record, earlier, vocabulary)
        del first_by_words
        first_by_stems: dict[int, Record] = {}
        for name, record in named.items():
            if name in settled:
                continue
            stems = vocabulary.near_key(name)
            earlier = first_by_stems.setdefault(hash(stems), record) if stems else record
            if (
                earlier is not record
                and vocabulary.near_key(earlier.name) == stems
                and self._one_meaning(earlier, record, vocabulary, stems)
            ):
                yield self._near_synonym(record, earlier)

    def _one_meaning(
        self,
        earlier: Record,
        record: Record,
        vocabulary: Vocabulary,
        stems: tuple[str, ...] = (),
    ) -> bool:
        """Same words, but is it the same error? Not when the order is the meaning
        (TINYID_TO_OPENID, OPENID_TO_TINYID; RATE_4_3, RATE_3_4) or the descriptions clearly
        say different things.
        For names alike only up to inflection, their shared stems count as part of what each
        says (InvalidUrl "cannot be parsed", InvalidUrlErr "is not valid")."""
        if _crosses(earlier, record, vocabulary) or _numbers_reordered(earlier, record, vocabulary):
            return False
        return not meanings_differ(
            earlier.description,
            record.description,
            below=MEANING_DIFFERS,
            overlap_below=MEANING_OVERLAP,
            also=stems,
            also_b=stems,
        )

    def _synonym(self, record: Record, earlier: Record, vocabulary: Vocabulary) -> Diagnostic:
        words = ", ".join([*vocabulary.words_of(earlier.name), *other_script_runs(earlier.name)])
        same = normalise_text(record.description) == normalise_text(earlier.description)
        meaning = f"; both mean {record.description!r}" if same and record.description else ""
        return self.report(
            record,
            f"{record.name} ({record.raw_value}) has the same words as {earlier.name} "
            f"({earlier.raw_value}) in another order or spelling: {words}{meaning}",
            field="name",
            related=[(earlier, f"{earlier.name} is defined here")],
        )

    def _near_synonym(self, record: Record, earlier: Record) -> Diagnostic:
        return self.report(
            record,
            f"{record.name} ({record.raw_value}) differs from {earlier.name} "
            f"({earlier.raw_value}) only by an inflection, a plural or an error affix: one "
            "error with two names?",
            field="name",
            related=[(earlier, f"{earlier.name} is defined here")],
            severity=min(self.level, Severity.WARNING),
        )


def _crosses(earlier: Record, record: Record, vocabulary: Vocabulary) -> bool:
    return crosses_direction(vocabulary.words_of(earlier.name), vocabulary.words_of(record.name))


_DIGITS = re.compile(r"[0-9]+")


def _numbers_reordered(earlier: Record, record: Record, vocabulary: Vocabulary) -> bool:
    """Whether the names' numbers stand in another order, and so do not name one thing: 4:3 is
    not 3:4 (RATE_4_3, RATE_3_4), v1 to v2 is not v2 to v1. Unless the two say word for word
    the same: then the numbers are a set (SAMPLE_RATE_44100_48000_ONLY and _48000_44100_)."""

    def numbers(name: str) -> list[str]:  # V1, V2 and H264 carry numbers too
        return [n for word in vocabulary.words_of(name) for n in _DIGITS.findall(word)]

    if numbers(earlier.name) == numbers(record.name):
        return False
    said = normalise_text(earlier.description)
    return not said or said != normalise_text(record.description)


def _first_of_each_name(records: tuple[Record, ...]) -> dict[str, Record]:
    """Each name's first record, in order: a name repeated is not its own synonym."""
    first: dict[str, Record] = {}
    for record in records:
        if record.name:
            first.setdefault(record.name, record)
    return first
