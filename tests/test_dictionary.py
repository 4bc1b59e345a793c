"""The English word list misspelled-word asks before it reports a word."""

from __future__ import annotations

from speclint.registry.dictionary import is_english_word


def test_english_words_are_known_in_any_case() -> None:
    assert all(is_english_word(w) for w in ("LOGIC", "stalled", "Timer", "failure"))


def test_common_typos_are_not_words() -> None:
    assert not any(is_english_word(w) for w in ("FAILUE", "RECIEVE", "SURPPORT", "UNKNWN"))
