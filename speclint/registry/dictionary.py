"""English words spelt right, from pyspellchecker's word list (about 160,000 words, each seen
at least 50 times in its corpus, so common typos such as RECIEVE or FAILUE are not in it).

misspelled-word asks only about a word it is about to report: a word of a name one edit from a
word the registry uses is a misspelling only when it is no English word itself (LOGIC beside
LOGIN, STALLED beside STALE, TIMER beside TIMED are words, and mean something else). The list
takes about 0.1 s to load, so it is loaded only then, once per process.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib.resources import files


def is_english_word(word: str) -> bool:
    """Whether ``word`` (any case) is an English word spelt right."""
    return word.lower() in _english_words()


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    # Imported here: loading the list takes a tenth of a second, only runs that ask about a
    # word pay it. The list is read straight from pyspellchecker's resource (0.13 s) rather
    # than through SpellChecker (0.21 s, which builds what speclint does not use); its own API
    # is the way back if the resource ever moves.
    try:
        resource = files("spellchecker").joinpath("resources", "en.json.gz")
        with resource.open("rb") as packed:
            return frozenset(json.loads(gzip.decompress(packed.read())))
    except (OSError, ValueError):
        from spellchecker import SpellChecker

        return frozenset(SpellChecker(language="en", distance=1).word_frequency.keys())
