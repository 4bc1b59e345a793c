"""Words in code names and meanings: splitting, compound words, and normalised comparison keys.

The naming rules (synonym-names, inconsistent-vocabulary, naming-convention) and
duplicate-description compare thousands of records; everything here works on one name or one
text at a time so that they can group by key instead of comparing pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# One word of an identifier: an acronym before a capitalised word (the HTTP of HTTPError), a
# capitalised or lower-case word, an all-caps run, or digits. Digits stay on the word they follow
# so that OAUTH2 or V2 is one word.
_WORD = re.compile(r"[A-Z]+[0-9]*(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")

# The shortest part a compound word is split into: single letters would split almost anything.
MIN_PART = 2


@lru_cache(maxsize=65536)
def split_words(name: str) -> tuple[str, ...]:
    """The upper-case words of an identifier.

    Separators (``_ - . / :`` and spaces) and camelCase boundaries split words:
    ``ERRCODE_NOT_EXIST`` -> ERRCODE NOT EXIST, ``AuthFailure.TokenExpired`` -> AUTH FAILURE
    TOKEN EXPIRED. A compound such as ``NOTEXIST`` stays one word; see ``Vocabulary``.
    """
    return tuple(word.upper() for word in _WORD.findall(unicodedata.normalize("NFKC", name)))


class Vocabulary:
    """The words a registry's names use, and how its compound words split into them.

    ``NOTEXIST`` is split into NOT EXIST only when both NOT and EXIST occur as words of their own
    somewhere in the registry: the vocabulary of the names themselves, not a dictionary, decides.
    """

    def __init__(self, words: Iterable[str]) -> None:
        # Numbers are not vocabulary: 1010 is not 10 + 10, and V1_0 does not respell V10.
        self.words = frozenset(word for word in words if is_word(word))
        self._splits: dict[str, tuple[str, ...]] = {}

    @classmethod
    def of_names(cls, names: Iterable[str]) -> Vocabulary:
        return cls(word for name in names for word in split_words(name))

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def split(self, word: str) -> tuple[str, ...]:
        """``word`` as the known words it is made of (itself when it is not a compound).

        A compound is two known words run together; each part is split again, so a word made of
        three known words ends up as three. The first split point from the left wins, which keeps
        the result the same for every name that uses the word.
        """
        cached = self._splits.get(word)
        if cached is not None:
            return cached
        parts: tuple[str, ...] = (word,)
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if head in self.words and tail in self.words:
                parts = (*self.split(head), *self.split(tail))
                break
        self._splits[word] = parts
        return parts

    def words_of(self, name: str) -> tuple[str, ...]:
        """The words of ``name`` with every compound split: ``ERRCODE_NOTEXIST_DEPT`` ->
        ERRCODE NOT EXIST DEPT."""
        return tuple(part for word in split_words(name) for part in self.split(word))

    def synonym_key(self, name: str) -> tuple[str, ...]:
        """What two names share when they mean the same: their words, in any order and spelling.

        ``ERRCODE_DEPT_NOT_EXIST`` and ``ERRCODE_NOTEXIST_DEPT`` both give
        (DEPT, ERRCODE, EXIST, NOT).
        """
        return tuple(sorted(self.words_of(name)))


def is_word(token: str) -> bool:
    """Whether a token of a name is a word (has a letter), rather than a number or version."""
    return any(ch.isalpha() for ch in token)


def join_spelling(words: Iterable[str]) -> str:
    """How a message shows a spelling made of several words: NOT_EXIST."""
    return "_".join(words)


def normalise_text(text: str) -> str:
    """A description reduced to what it says: full- and half-width forms unified (NFKC), case
    folded, and whitespace, punctuation and control characters dropped.

    ``无效的 userId。`` and ``无效的UserID`` give the same text; a description that is only
    punctuation (``-``, ``—``) gives "".
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZC")


def common_prefix(name: str) -> str:
    """The part of ``name`` up to and including its first underscore ("" when it has none):
    the candidate for a registry-wide prefix such as ``ERRCODE_``."""
    head, sep, rest = name.partition("_")
    return f"{head}_" if sep and head and rest else ""
