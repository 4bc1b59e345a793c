"""English words spelt right, from pyspellchecker's word list (about 160,000 words, each seen
at least 50 times in its corpus, so common typos such as RECIEVE or FAILUE are not in it).

misspelled-word asks only about a word it is about to report: a word of a name one edit from a
word the registry uses is a misspelling only when it is no English word itself (LOGIC beside
LOGIN, STALLED beside STALE, TIMER beside TIMED are words, and mean something else). The list
takes about 0.2 s to load, so it is loaded only then, once per process.
"""

from __future__ import annotations

from functools import lru_cache


def is_english_word(word: str) -> bool:
    """Whether ``word`` (any case) is an English word spelt right."""
    return word.lower() in _english_words()


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    # Imported here: loading the list takes 0.2 s, only runs that ask about a word pay it.
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.keys())
