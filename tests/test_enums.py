"""An enum's members numbered as C numbers them (speclint.read.enums)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speclint.read.enums import Numbering, int_expression, is_enum_header


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("( 1  << 16)", 65536),
        ("( 1  << 16) + 1", 65537),
        ("0x10 | 0x01", 17),
        ("-(2 << 3)", -16),
        ("7", 7),
    ],
)
def test_an_integer_expression_is_evaluated(text: str, value: int) -> None:
    assert int_expression(text) == value


@pytest.mark.parametrize(
    "text",
    ["MLResultAPIPrefix_Global", "__import__('os')", "1 << 100000", "2 ** 8", "1.5 + 1", "", "("],
)
def test_anything_but_integer_literals_and_a_few_operators_is_refused(text: str) -> None:
    assert int_expression(text) is None


@given(st.integers(min_value=0, max_value=2**40), st.integers(min_value=0, max_value=40))
def test_a_shift_plus_one_is_what_c_gives(base: int, shift: int) -> None:
    assert int_expression(f"({base} << {shift}) + 1") == (base << shift) + 1


def test_members_without_a_value_take_the_next_number() -> None:
    numbering = Numbering()
    texts = ["", "", "10", "", "( 1 << 4)", "", "OTHER_CONSTANT", "", "3", ""]
    assert [numbering.value_text(t) for t in texts] == [
        "0",
        "1",
        "10",
        "11",
        "16",
        "17",
        "OTHER_CONSTANT",
        None,
        "3",
        "4",
    ]


@pytest.mark.parametrize(
    ("header", "enum"),
    [("Enumerator", True), ("枚举值", True), ("Enum", True), ("Name", False), ("错误码", False)],
)
def test_an_enumerator_header(header: str, enum: bool) -> None:
    assert is_enum_header(header) is enum


def test_an_expression_too_deep_or_too_long_is_refused_not_a_crash() -> None:
    assert int_expression("(" + "+".join(["1"] * 2000) + ")") is None
    assert int_expression("(" * 40 + "1" + ")" * 40) is None
