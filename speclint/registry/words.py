"""Words in code names and meanings: splitting, compound words, and normalised comparison keys.

The naming rules (synonym-names, inconsistent-vocabulary, naming-convention) and
duplicate-description compare thousands of records; everything here works on one name or one
text at a time so that they can group by key instead of comparing pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from sys import intern

# One word of an identifier: an acronym before a capitalised word (the HTTP of HTTPError), a
# capitalised or lower-case word, an all-caps run, or digits. Digits stay on the word they follow
# so that OAUTH2 or V2 is one word.
_WORD = re.compile(r"[A-Z]+[0-9]*(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")

# Upper-case words of letters (and digits after them) joined by single underscores: the words
# _WORD finds in such a name are exactly its parts.
_SCREAMING_SNAKE = re.compile(r"[A-Z]+[0-9]*(?:_[A-Z]+[0-9]*)*")

# The shortest part a compound word is split into: single letters would split almost anything.
MIN_PART = 2


# The names whose words are remembered at most (a registry's names are split by several rules in
# turn). Plainer than ``lru_cache``: a dict, emptied when full. An LRU cache holds a list node per
# name besides the dict's entry, about 6 MB more for 100,000 names, on a large page's peak.
SPLIT_MEMO_NAMES = 1 << 18


def split_words_afresh(name: str) -> tuple[str, ...]:
    """The upper-case words of an identifier (``split_words`` remembers them).

    Separators (``_ - . / :`` and spaces) and camelCase boundaries split words:
    ``ERRCODE_NOT_EXIST`` -> ERRCODE NOT EXIST, ``AuthFailure.TokenExpired`` -> AUTH FAILURE
    TOKEN EXPIRED. A compound such as ``NOTEXIST`` stays one word; see ``Vocabulary``.
    """
    if _SCREAMING_SNAKE.fullmatch(name):
        # Most names (ERRCODE_NOT_EXIST): their words are the parts between underscores, as
        # _WORD would find them, already upper-case; a third of the time of the general way.
        return tuple(map(intern, name.split("_")))
    if not name.isascii():  # NFKC leaves ASCII as it is
        name = unicodedata.normalize("NFKC", name)
    # Interned: a registry's names share a few thousand words (ERRCODE in every one of them),
    # and 100,000 names would otherwise hold half a million copies of them.
    return tuple(map(intern, map(str.upper, _WORD.findall(name))))


class _RememberedWords(dict[str, tuple[str, ...]]):
    """The words of the names split so far, split on first sight (``__missing__``)."""

    def __missing__(self, name: str) -> tuple[str, ...]:
        if len(self) >= SPLIT_MEMO_NAMES:
            self.clear()
        words = self[name] = split_words_afresh(name)
        return words


# ``split_words(name)``: the words of ``name`` (see ``split_words_afresh``), remembered. A lookup
# in C for a name seen before rather than a Python call: the rules of one registry ask for the
# words of each of its names several times (100,000 names: about 0.2 s of a run's rules).
split_words: Callable[[str], tuple[str, ...]] = _RememberedWords().__getitem__


class Vocabulary:
    """The words a registry's names use, and how its compound words split into them.

    ``NOTEXIST`` is split into NOT EXIST only when both NOT and EXIST occur as words of their own
    somewhere in the registry: the vocabulary of the names themselves, not a dictionary, decides.
    """

    def __init__(self, words: Iterable[str]) -> None:
        given = set(words)
        # Numbers are not vocabulary: 1010 is not 10 + 10, and V1_0 does not respell V10.
        self.words = frozenset(word for word in given if not word.isdigit())  # is_word
        self._splits: dict[str, tuple[str, ...]] = {}
        self._words_of: dict[str, tuple[str, ...]] = {}  # names with a compound, split
        # The given words that are no compound: a name made of them only is its own words.
        self._whole = frozenset(word for word in given if len(self.split(word)) == 1)

    @classmethod
    def of_names(cls, names: Iterable[str]) -> Vocabulary:
        """The vocabulary of ``names``. Several rules ask for the same registry's in turn, so
        the last few are kept."""
        return _vocabulary_of(tuple(dict.fromkeys(names)))

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
        words = split_words(name)
        if self._whole.issuperset(words):
            return words  # no compound in it (most names): nothing to split, nothing to keep
        found = self._words_of.get(name)
        if found is None:
            split = self.split
            found = self._words_of[name] = tuple(part for word in words for part in split(word))
        return found

    def near_key(self, name: str) -> tuple[str, ...]:
        """What two names share when they mean the same up to inflection and error affixes:
        ERR_UPLOAD_FAILED and ERR_UPLOAD_FAILURE, ErrTimeout and ErrorTimeout."""
        stems = [stem(w) for w in self.words_of(name) if w not in ERROR_AFFIXES]
        return tuple(sorted(stems + other_script_words(name) if stems else stems))

    def synonym_key(self, name: str) -> tuple[str, ...]:
        """What two names share when they mean the same: their words, in any order and spelling.

        ``ERRCODE_DEPT_NOT_EXIST`` and ``ERRCODE_NOTEXIST_DEPT`` both give
        (DEPT, ERRCODE, EXIST, NOT); 回传IP地址 gives (IP, 回传, 地址), not 获取IP地址's.
        """
        words = self.words_of(name)
        return tuple(sorted([*words, *other_script_words(name)] if words else words))


# A run of letters of another script than the Latin (回传, 地址): words of a name that mixes
# it with Latin words. A run of Chinese characters or kana counts each character: no space
# marks its words, and 地址获取 is 获取地址 in another order, as ADDRESS_GET is GET_ADDRESS.
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z]+")
# Chinese characters and Japanese kana: scripts written without spaces between words.
_HAN = "\u3400-\u9fff\uf900-\ufaff"  # CJK ideographs, as _CJK below counts them
_UNSPACED = re.compile(rf"[\u3040-\u30ff{_HAN}]+")


def other_script_runs(name: str) -> list[str]:
    """The runs of a name's letters of another script than the Latin, whole: 获取IP地址 ->
    获取, 地址 (how a message shows them)."""
    return [] if name.isascii() else _OTHER_SCRIPT.findall(unicodedata.normalize("NFKC", name))


def other_script_words(name: str) -> list[str]:
    """The letters of a name that ``split_words`` leaves out (it keeps Latin words and digits):
    获取IP地址 -> 获, 取, 地, 址 (kana too); a run of another script (Cyrillic, Hangul) whole.
    None for an ASCII name (most)."""
    if name.isascii():
        return []
    words: list[str] = []
    for run in other_script_runs(name):
        if _UNSPACED.fullmatch(run):
            words.extend(run)
        else:
            words.append(run)
    return words


def is_word(token: str) -> bool:
    """Whether a token of a name (from ``split_words``: letters and digits) is a word, rather
    than a number."""
    return not token.isdigit()


@lru_cache(maxsize=4)
def _vocabulary_of(names: tuple[str, ...]) -> Vocabulary:
    return Vocabulary(set().union(*map(split_words, names)))


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
    return folded.translate(_DROPPED)


# Descriptions that say the meaning is not written yet, or is elsewhere (as normalise_text
# leaves them): two codes "meaning" TBD or 见示例 ("see the example") share no meaning. "同上"
# ("as above") points at another row's meaning. A slot nobody gave a meaning yet (Reserved,
# Currently unspecified, 保留, 预留) has none to share either: protocols list their unassigned
# codes so.
PLACEHOLDER_MEANINGS = frozenset(
    {
        "reserved",
        "reservedforfutureuse",
        "reservedforfuture",
        "reservedforinternaluse",
        "unspecified",
        "currentlyunspecified",
        "unassigned",
        "notassigned",
        "unused",
        "notused",
        "保留",
        "预留",
        "未定义",
        "未使用",
        "未分配",
        "tbd",
        "tba",
        "todo",
        "na",
        "none",
        "待定",
        "待补充",
        "待完善",
        "暂无",
        "无",
        "略",
        "同上",
        "见示例",
        "见下文",
        "见上文",
        "见下表",
        "seeexample",
        "seebelow",
        "seeabove",
    }
)


# A message that is only a generic template variable, the text the raiser passes: {message},
# {0}, ${msg}, {{message}}, %s, %v, %(message)s. A key that names one message
# ({login_failed}, into a translation bundle) is a meaning, and two codes sharing it are not.
_GENERIC_VARIABLE = r"(?:message|msg|error|err|details?|description|desc|reason|text|消息|信息|\d*)"
_TEMPLATE_VARIABLE = re.compile(
    rf"\$?\{{\{{?\s*{_GENERIC_VARIABLE}\s*\}}\}}?|%(?:\({_GENERIC_VARIABLE}\))?[sdrv]",
    re.IGNORECASE,
)
# How a placeholder opens when advice follows it ("Reserved for future use. Contact customer
# support if this error occurs."): only meanings opening so are split into sentences.
_PLACEHOLDER_OPENINGS = ("reserved", "unused", "notused", "unassigned", "保留", "预留", "未使用")
_FIRST_SENTENCE_END = re.compile("[.\u3002]")
# What a sentence of advice about the slot opens with: that it is not to be used, or whom to
# ask if it occurs. "Reserved. Please choose another seat." names a seat's state instead.
_ADVICE = re.compile(
    r"\s*(?:(?:please )?contact (?:customer )?support|contact us|do not use|don't use"
    r"|not in use|请勿使用|请联系客服)",
    re.IGNORECASE,
)


def is_placeholder_meaning(description: str, meaning: str) -> bool:
    """Whether a description (``meaning``: as ``normalise_text`` folds it) gives no meaning:
    a placeholder (TBD, Reserved), alone or followed by advice in a sentence of its own
    ("Reserved for future use. Contact customer support."). A placeholder word naming a state
    that the next sentence explains ("Unused. The card was never activated.") or opening an
    explanation ("Reserved: the seat is held by another booking.") is a meaning."""
    if meaning in PLACEHOLDER_MEANINGS:
        return True
    if _TEMPLATE_VARIABLE.fullmatch(description.strip()):
        return True  # {message}, %s: the text the raiser passes, no meaning written here
    if not meaning.startswith(_PLACEHOLDER_OPENINGS):
        return False
    parts = _FIRST_SENTENCE_END.split(description, maxsplit=1)
    first, rest = parts[0], parts[1] if len(parts) > 1 else ""
    opening = normalise_text(first)
    if opening not in PLACEHOLDER_MEANINGS:
        return False
    return opening.startswith("reservedfor") or bool(_ADVICE.match(rest))


class _DroppedCharacters(dict[int, int | None]):
    """A ``str.translate`` table that drops punctuation, separators and control characters
    (Unicode categories P*, Z*, C*) and keeps the rest, learning each character's category on
    first sight: one C-level pass per text rather than a category lookup per character."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code))[0] in "PZC" else code
        self[code] = kept
        return kept


# What it learns depends on nothing but the Unicode database: the same in every run.
_DROPPED = _DroppedCharacters()


def common_prefix(name: str) -> str:
    """The part of ``name`` up to and including its first underscore ("" when it has none):
    the candidate for a registry-wide prefix such as ``ERRCODE_``."""
    head, sep, rest = name.partition("_")
    return f"{head}_" if sep and head and rest else ""


# Words that make a name's order its meaning: TINYID_TO_OPENID is not OPENID_TO_TINYID.
DIRECTIONAL_WORDS = frozenset({"TO", "FROM", "BY", "VS", "SRC", "DST", "INTO", "ONTO", "2"})
# Words that only say "this is an error": ErrTimeout, ErrorTimeout and Timeout name one thing.
ERROR_AFFIXES = frozenset({"ERR", "ERROR", "ERRS", "ERRORS", "ERRNO", "ERRCODE"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, the same for the forms names use: FAILED, FAILURE and FAIL; FILE and
    FILES; CLOSE and CLOSED. Only ever compared with another stem."""
    for suffix in ("URE", "ED", "ES", "S"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix) and not word.endswith("SS"):
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 3 and word.endswith("E") else word


def crosses_direction(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two orders of the same words differ around a directional word (A_TO_B, B_TO_A)."""
    return list(a) != list(b) and any(w in DIRECTIONAL_WORDS for w in a)


# Words too common in meanings to tell two of them apart.
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "and",
        "or",
        "so",
        "this",
        "that",
        "it",
        "its",
        "has",
        "have",
        "had",
        "not",
        "no",
    ]
)
_LATIN = re.compile(r"[a-z0-9]+")
_CJK = re.compile(f"[{_HAN}]")


def meaning_tokens(text: str) -> frozenset[str]:
    """What a description says, as tokens: Latin words (stemmed) and CJK characters."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = {stem(w.upper()) for w in _LATIN.findall(folded) if w not in _STOP_WORDS}
    return frozenset(words | set(_CJK.findall(folded)))


def meanings_differ(
    a: str,
    b: str,
    *,
    below: float,
    overlap_below: float,
    also: Iterable[str] = (),
    also_b: Iterable[str] = (),
) -> bool:
    """Whether two descriptions clearly say different things: few shared tokens (Jaccard under
    ``below``) and neither mostly contained in the other (overlap under ``overlap_below``).
    ``also`` / ``also_b`` add tokens to each side (a name's word stems). An empty description
    differs from nothing: it says nothing either way."""
    ta, tb = meaning_tokens(a), meaning_tokens(b)
    if not ta or not tb:
        return False
    ta, tb = ta | set(also), tb | set(also_b)
    shared = len(ta & tb)
    return shared / len(ta | tb) < below and shared / min(len(ta), len(tb)) < overlap_below


# Words error names spell, known right: a name's word one or two edits from one of these is
# probably a typo of it (UNKNWN, PERMISION), even when the registry uses it nowhere else.
COMMON_WORDS = frozenset(
    [
        "ACCESS",
        "ACCOUNT",
        "ALREADY",
        "ARGUMENT",
        "AUTHENTICATION",
        "AUTHORIZED",
        "AVAILABLE",
        "BALANCE",
        "CANCELED",
        "CANCELLED",
        "CAPACITY",
        "CERTIFICATE",
        "CHANNEL",
        "CONFIG",
        "CONFIGURATION",
        "CONFLICT",
        "CONNECTION",
        "CONTENT",
        "DEVICE",
        "DENIED",
        "DISABLED",
        "DUPLICATE",
        "EMPTY",
        "ERROR",
        "EXCEEDED",
        "EXIST",
        "EXISTS",
        "EXPIRED",
        "FAILED",
        "FAILURE",
        "FORBIDDEN",
        "FORMAT",
        "FOUND",
        "FREQUENCY",
        "GROUP",
        "ILLEGAL",
        "INTERNAL",
        "INVALID",
        "LENGTH",
        "LIMIT",
        "LOCKED",
        "MEMBER",
        "MESSAGE",
        "METHOD",
        "MISMATCH",
        "MISSING",
        "NETWORK",
        "NOTEXIST",
        "NOTFOUND",
        "NUMBER",
        "OPERATION",
        "ORDER",
        "OVERFLOW",
        "PARAM",
        "PARAMETER",
        "PASSWORD",
        "PAYMENT",
        "PERMISSION",
        "PROTOCOL",
        "QUOTA",
        "REFUSED",
        "REQUEST",
        "REQUIRED",
        "RESOURCE",
        "RESPONSE",
        "SERVER",
        "SERVICE",
        "SESSION",
        "SIGNATURE",
        "SUCCESS",
        "SUPPORT",
        "SUPPORTED",
        "SYSTEM",
        "TIMEOUT",
        "TOKEN",
        "UNAUTHORIZED",
        "UNAVAILABLE",
        "UNKNOWN",
        "UNSUPPORTED",
        "UPLOAD",
        "USER",
        "VERSION",
    ]
)


def edit_distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance (insertions, deletions, substitutions and
    transpositions of neighbours), or ``limit + 1`` once it is certain to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=65536)
def deletions(word: str, depth: int) -> frozenset[str]:
    """Every string ``word`` becomes with up to ``depth`` letters deleted (itself included):
    two words within ``depth`` edits share one of these, so near words are found by lookup,
    never by comparing every pair (the idea of SymSpell). Cached: registries share words."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return frozenset(found)
