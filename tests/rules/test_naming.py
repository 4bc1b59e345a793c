from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from speclint.registry.words import Vocabulary, common_prefix, normalise_text, split_words


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("ERRCODE_DEPT_NOT_EXIST", ("ERRCODE", "DEPT", "NOT", "EXIST")),
        ("ERRCODE_NOTEXIST_DEPT", ("ERRCODE", "NOTEXIST", "DEPT")),
        ("InvalidParameter", ("INVALID", "PARAMETER")),
        ("AuthFailure.SignatureExpire", ("AUTH", "FAILURE", "SIGNATURE", "EXPIRE")),
        ("HTTPError", ("HTTP", "ERROR")),
        ("userId", ("USER", "ID")),
        ("ERR_V2_ONLY", ("ERR", "V2", "ONLY")),
        ("ERRCODE__DOUBLE", ("ERRCODE", "DOUBLE")),
        ("auth-failure/token:expired", ("AUTH", "FAILURE", "TOKEN", "EXPIRED")),
        ("ＥＲＲ＿ＦＵＬＬ", ("ERR", "FULL")),  # full-width letters are the same name  # noqa: RUF001
        ("", ()),
    ],
)
def test_split_words(name: str, words: tuple[str, ...]) -> None:
    assert split_words(name) == words


def test_compound_splits_only_into_words_the_registry_uses() -> None:
    vocabulary = Vocabulary.of_names(["ERRCODE_DEPT_NOT_EXIST", "ERRCODE_USER_NOTEXIST"])
    assert vocabulary.split("NOTEXIST") == ("NOT", "EXIST")
    assert vocabulary.split("USERNAME") == ("USERNAME",)  # NAME is never a word on its own
    assert vocabulary.split("DEPT") == ("DEPT",)


def test_parts_of_a_compound_split_again() -> None:
    vocabulary = Vocabulary(["NOT", "IN", "DEPT", "NOTIN"])
    assert vocabulary.split("NOTINDEPT") == ("NOT", "IN", "DEPT")


def test_a_compound_is_two_known_words_not_any_known_pieces() -> None:
    # NOT + IN + DEPT are all words, but neither NOTIN nor INDEPT is: two known halves or none.
    vocabulary = Vocabulary(["NOT", "IN", "DEPT"])
    assert vocabulary.split("NOTINDEPT") == ("NOTINDEPT",)


def test_parts_shorter_than_two_letters_are_not_words() -> None:
    vocabulary = Vocabulary(["A", "BC", "ABC"])
    assert vocabulary.split("ABC") == ("ABC",)


def test_numbers_are_not_words() -> None:
    vocabulary = Vocabulary(["10", "V2", "ERR"])
    assert "10" not in vocabulary
    assert vocabulary.split("1010") == ("1010",)
    assert vocabulary.split("ERRV2") == ("ERR", "V2")  # V2 has a letter: it is a word


def test_synonym_key_ignores_order_spelling_and_case() -> None:
    names = ["ERRCODE_DEPT_NOT_EXIST", "ERRCODE_NOTEXIST_DEPT", "ERRCODE_Dept_NotExist"]
    vocabulary = Vocabulary.of_names(names)
    keys = {vocabulary.synonym_key(name) for name in names}
    assert keys == {("DEPT", "ERRCODE", "EXIST", "NOT")}


def test_synonym_key_keeps_repeated_words() -> None:
    vocabulary = Vocabulary.of_names(["EXIST_DEPT", "EXIST_EXIST_DEPT"])
    assert vocabulary.synonym_key("EXIST_DEPT") != vocabulary.synonym_key("EXIST_EXIST_DEPT")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("无效的userId", "无效的 UserID。"),
        ("部门不存在", "\uff02部门不存在\uff02"),  # full-width quotation marks
        ("企业号字段格式不正确（int）", "企业号字段格式不正确(int)"),
        ("Invalid  request.", "invalid request"),
    ],
)
def test_normalise_text_folds_width_case_space_and_punctuation(a: str, b: str) -> None:
    assert normalise_text(a) == normalise_text(b)


def test_normalise_text_keeps_what_the_text_says() -> None:
    assert normalise_text("部门不存在") != normalise_text("父部门不存在")
    assert normalise_text("-") == ""
    assert normalise_text("  ") == ""


@pytest.mark.parametrize(
    ("name", "prefix"),
    [("ERRCODE_OK", "ERRCODE_"), ("OK", ""), ("_OK", ""), ("ERRCODE_", ""), ("E_FAIL", "E_")],
)
def test_common_prefix(name: str, prefix: str) -> None:
    assert common_prefix(name) == prefix


def test_split_words_remembers_names_until_full_then_starts_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from speclint.registry import words

    monkeypatch.setattr(words, "SPLIT_MEMO_NAMES", 2)
    first = words.split_words("ERR_MEMO_ONE")
    assert words.split_words("ERR_MEMO_ONE") is first  # remembered
    words.split_words("ERR_MEMO_TWO")
    words.split_words("ERR_MEMO_THREE")  # full: the memo starts again
    again = words.split_words("ERR_MEMO_ONE")
    assert again == first == ("ERR", "MEMO", "ONE")
    assert again is not first


@given(
    st.lists(
        st.text(alphabet="ABCXYZ019az_-.", min_size=1, max_size=8), min_size=1, max_size=5
    ).map("_".join)
)
@example("ERRCODE_NOT_EXIST")
@example("ERR_2FA")
@example("OAUTH2_TOKEN_V1_0")
@example("A__B")
@example("HTTPError_X")
def test_split_words_reads_every_name_as_the_word_pattern_does(name: str) -> None:
    from speclint.registry import words

    general = tuple(w.upper() for w in words._WORD.findall(name))
    assert words.split_words_afresh(name) == general
    assert words.split_words(name) == general


@given(
    st.text(alphabet=st.sampled_from([*"aZz_-. 09", "\t", "\x1f", "中", "\xa0", "é"]), max_size=8)
)
@example("market")
@example("ERRCODE_NOT_EXIST")
@example("Bad Request")
@example("")
def test_is_label_answers_as_the_label_pattern_does(name: str) -> None:
    from speclint.registry import conventions

    assert conventions.is_label(name) == (conventions._LABEL.search(name) is not None)


def _names(pattern: str, samples: list[str], min_size: int = 0) -> st.SearchStrategy[list[str]]:
    """Lists of up to 12 names, each drawn from ``pattern`` or among ``samples``."""
    return st.lists(
        st.one_of(st.from_regex(pattern), st.sampled_from(samples)), min_size=min_size, max_size=12
    )


@given(
    _names(
        r"\A(ERR_|E_)?[A-Z]{1,4}(_[A-Z0-9]{1,3}){0,2}\Z",
        ["OK", "SUCCESS", "errTimeout", "ErrNotFound", "market", "成功"],
        min_size=1,
    ),
    st.lists(st.sampled_from([0, 200, 5, 1001]), min_size=12, max_size=12),
)
# Every rest in the style, so only a prefix or a success code can break it (the fast way):
# OK exempt from ERR_; SUCCESS with a value that is no success's, and E_X, breaking it.
@example([*(f"ERR_{c}" for c in "ABCDEFGHI"), "OK", "E_X"], [5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 5, 5])
@example([*(f"ERR_{c}" for c in "ABCDEFGHI"), "SUCCESS", "E_X"], [0] * 9 + [5, 5, 5])
@example(["ERR_A", "ERR_B", "ERR_C"], [0] * 12)
def test_an_inferred_convention_names_the_records_that_break_it_as_admits_does(
    names: list[str], values: list[int]
) -> None:
    from speclint.model import Record
    from speclint.registry.conventions import infer_convention

    records = [
        Record("p.md", line, ("S",), 0, name, value, str(value), "", ())
        for line, (name, value) in enumerate(zip(names, values, strict=False), start=1)
    ]
    convention = infer_convention(records, "S", 1, 1)
    assume(convention is not None)  # no style to infer (only success names after a prefix)
    assert convention is not None
    expected = [r for r in records if not convention.admits(r)]
    assert convention.breaking_among(records) == expected
    assert convention.following == len(records) - len(expected)
    assert replace(convention, breaking=None).breaking_among(records) == expected


@given(
    _names(
        r"\A(NO|NOT|NON|ERR)?_?[A-Z]{2,5}(_(NO|NOT|NON|[A-Z]{2,5}|[0-9]))*\Z",
        ["NOTEXIST", "NOT_EXIST", "NON_EXIST", "USER_NOEXIST", "V1_0", "V10"],
    )
)
@example(["ERR_NOT_EXIST", "ERR_NOTEXIST", "FILE_NON_EXIST", "V1_0"])
def test_the_spellings_of_a_registry_are_those_its_names_have(names: list[str]) -> None:
    from rules import inconsistent_vocabulary as rule
    from speclint.registry.words import is_word, split_words

    first = list(dict.fromkeys(names))
    written = set().union(*map(split_words, first))
    whole = {rule.negated(w) for w in written if is_word(w)}
    per_name = {text: word for name in first for text, word in rule._ways(name, whole)}
    assert rule._spellings(first, written, whole) == per_name
