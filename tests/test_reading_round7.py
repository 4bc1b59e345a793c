"""Reading what a person reads, round 7: shapes of real pages the reader got wrong (see
tests/precision/pages/r7-*.md for whole pages and their findings)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speclint.config import Settings
from speclint.read.blocks import open_containers, parse_blocks
from speclint.read.page import parse_text
from speclint.read.values import (
    dual_notation,
    parse_range,
    parse_value,
    split_compound,
    split_list,
    value_kind,
)


@pytest.mark.parametrize(
    ("cell", "value"),
    [("0(0x0)", 0), ("12(0xc)", 12), ("11 (0xb)", 11), ("12（0xC）", 12), ("0x1F (31)", 31)],
)
def test_one_number_in_two_notations_is_that_number(cell: str, value: int) -> None:
    assert dual_notation(cell) == value
    assert parse_value(cell) == value
    assert split_compound(cell) is None  # the hex form is no name


@pytest.mark.parametrize("cell", ["17(0x12)", "5 (6)", "OK(200)", "12(0xc) extra"])
def test_two_different_numbers_or_a_word_are_not_one_value(cell: str) -> None:
    assert dual_notation(cell) is None
    assert parse_value(cell) == cell


def test_a_value_in_two_notations_has_the_kind_it_is_written_first_in() -> None:
    assert value_kind("12(0xc)") == "decimal"
    assert value_kind("0x0C (12)") == "hex"


@pytest.mark.parametrize(
    ("cell", "bounds"),
    [
        ("5xx", (500, 599)),
        ("13nnn", (13000, 13999)),
        ("15**", (1500, 1599)),
        ("11060*", (110600, 110609)),
    ],
)
def test_wildcard_digits_stand_for_a_block_of_codes(cell: str, bounds: tuple[int, int]) -> None:
    assert parse_range(cell) == bounds


@pytest.mark.parametrize(
    ("cell", "bounds"),
    [("8 à 27", (8, 27)), ("101 bis 199", (101, 199)), ("1 a 99", (1, 99)), ("1 до 9", (1, 9))],
)
def test_other_languages_write_a_range_with_their_word_for_to(
    cell: str, bounds: tuple[int, int]
) -> None:
    assert parse_range(cell) == bounds


@pytest.mark.parametrize("cell", ["8a27", "8à27", "101bis199", "8 à", "à 27"])
def test_a_range_word_needs_a_blank_on_each_side_and_two_ends(cell: str) -> None:
    assert parse_range(cell) is None


@pytest.mark.parametrize("cell", ["7a01", "1x5", "0xx"])
def test_letters_inside_the_digits_are_no_wildcard(cell: str) -> None:
    assert parse_range(cell) is None


def test_string_codes_listed_with_a_comma_are_several_codes() -> None:
    assert split_list("QuotaExceeded, QuotaLimitReached") == ["QuotaExceeded", "QuotaLimitReached"]
    assert split_list("Storage/Full") is None  # a slash belongs to string codes themselves
    assert split_list("Quota exceeded, retry later") is None  # prose


def test_http_status_lines_are_a_status_and_its_reason() -> None:
    assert split_compound("HTTP 404 Not Found") == ("Not Found", "404")
    assert split_compound("404 Not Found") == ("Not Found", "404")
    assert split_compound("HTTP/1.1 200 OK") == ("OK", "200")
    assert split_compound("404 页面不存在") is None  # a reason phrase is a Latin label


def test_codes_one_per_line_in_a_cell_are_one_record_each_at_the_row() -> None:
    page = (
        "| Error code | Mitigation |\n| --- | --- |\n"
        + "".join(f"| Code{i} | Do thing {i}. |\n" for i in range(8))
        + "| InvalidTemplateDeployment <br> InvalidTemplate | Check the template. |\n"
    )
    parsed = parse_text("p.md", page, Settings())
    last = [r for r in parsed.records if r.line == 11]
    assert [r.value for r in last] == ["InvalidTemplateDeployment", "InvalidTemplate"]
    assert {r.description for r in last} == {"Check the template."}
    assert not parsed.problems


def test_a_success_row_has_no_error_code_and_no_problem() -> None:
    page = (
        "|HTTP状态码|错误码|描述|\n|---|---|---|\n|**200**||OK|\n|400|INVALID|Bad input|\n"
        "|404|NOT_FOUND|Missing|\n|400||No code|\n"
    )
    parsed = parse_text("p.md", page, Settings())
    assert [r.value for r in parsed.records] == ["INVALID", "NOT_FOUND"]
    assert [p.line for p in parsed.problems] == [6]  # a failure without its code still is one


ADMONITION = """# T

!!! note "Codes"

    | Code | Name | Meaning |
    | --- | --- | --- |
    | 1 | `A_B` | a |
    | 2 | `A_C` | c |

    Example, not a container:

        | Code | Name | Meaning |
        | --- | --- | --- |
        | 9 | `Z` | z |
"""


def test_a_table_in_an_admonition_is_read_with_its_lines_and_columns() -> None:
    parsed = parse_text("p.md", ADMONITION, Settings())
    assert [(r.line, r.value, r.column("value")) for r in parsed.records] == [(7, 1, 7), (8, 2, 7)]


def test_a_marker_with_nothing_indented_under_it_is_left_alone() -> None:
    text = '!!! note "x"\nplain text\n\n| a | b |\n| - | - |\n| 1 | 2 |\n'
    assert open_containers(text) == text


@given(
    st.lists(
        st.sampled_from(["!!! note", '=== "Tab"', "???+ tip", "    x", "", "| a |", "text"]),
        max_size=12,
    )
)
def test_opening_containers_keeps_every_line_and_its_length(lines: list[str]) -> None:
    text = "\n".join(lines)
    opened = open_containers(text)
    assert [len(line) for line in opened.split("\n")] == [len(line) for line in text.split("\n")]
    parse_blocks(text)  # and the page still parses


def test_classes_of_codes_listed_one_per_line_are_ranges_not_a_malformed_code() -> None:
    page = (
        "| Error code | Description |\n| --- | --- |\n"
        + "".join(f"| {code} | Code {code}. |\n" for code in range(200500, 200508))
        + "| `102***`<br>`103***` | Invalid parameters. |\n"
    )
    parsed = parse_text("p.md", page, Settings())
    assert [r.value for r in parsed.records] == list(range(200500, 200508))
    assert not parsed.problems
    assert [(d.low, d.high) for d in parsed.declared_ranges if d.line == 11] == [
        (102000, 102999),
        (103000, 103999),
    ]
