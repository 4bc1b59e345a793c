"""SL201 follows the convention a registry already keeps, and says when it inferred it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from speclint.registry.conventions import infer_style

HEAD = "| 名称 | 值 | 说明 |\n| --- | --- | --- |\n"


@pytest.mark.parametrize(
    ("names", "style"),
    [
        (["ERRCODE_OK", "ERRCODE_FAIL"], "UPPER_SNAKE_CASE"),
        (["successful_completion", "no_data", "warning"], "lower_snake_case"),
        (["ErrCommon", "ErrRecordNotFound", "ErrAPINotAllowed"], "PascalCase"),
        (
            ["OK", "Created", "Bad Request", "Not Found", "Internal Server Error"],
            "Title Case Words",
        ),
        (["AuthFailure.SignatureExpire", "ResourceNotFound.InstanceNotExist"], "dotted.PascalCase"),
        (["ERRCODE_OK", "ErrFail", "bad_thing", "otherThing"], "UPPER_SNAKE_CASE"),  # no majority
    ],
)
def test_inferred_style(names: list[str], style: str) -> None:
    assert infer_style(names).name == style


def test_a_registry_of_pascal_case_names_is_clean_and_a_stray_name_is_named(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    rows = "".join(f"| Err{word} | {i} | {word} |\n" for i, word in enumerate("ABCDEFGHI"))
    page = write_page("page.md", HEAD + rows)
    write_page("speclint.toml", "")
    assert run_cli("check", "page.md", "--select", "SL201", cwd=page.parent).code == 0
    page.write_text(HEAD + rows + "| ERR_TEN | 10 | ten |\n", encoding="utf-8")
    result = run_cli("check", "page.md", "--select", "SL201", cwd=page.parent)
    assert result.out.splitlines()[0] == (
        "page.md:12:3: SL201 [error] ERR_TEN does not follow PascalCase, which 9 of the 10 names "
        "of the page follow; set rules.naming-convention.pattern to pin another "
        "(naming-convention)"
    )


def _sl201_lines(
    run_cli: Callable[..., Any], write_page: Callable[..., Path], name: str, extra: str
) -> list[str]:
    """SL201's findings on nine names ``name.format(word)`` (values 0..8), then ``extra`` rows."""
    rows = "".join(
        f"| {name.format(word)} | {i} | {word} |\n" for i, word in enumerate("ABCDEFGHI")
    )
    page = write_page("page.md", HEAD + rows + extra)
    write_page("speclint.toml", "")
    result = run_cli("check", "page.md", "--select", "SL201", cwd=page.parent)
    return result.out.splitlines()[:-1]


def test_a_name_whose_placeholder_the_page_hides_as_a_tag_says_so(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    extra = "| ERROR_SDK_<Parameter>_EMPTY | 10 | 空 |\n"
    expected = (
        "page.md:12:3: SL201 [error] ERROR_SDK__EMPTY (as the page shows it: `<Parameter>` in "
        "the cell is read as an HTML tag and hidden; escape it to show it) does not follow "
        "ERROR_ then UPPER_SNAKE_CASE, which 9 of the 10 names of the page follow; set "
        "rules.naming-convention.pattern to pin another (naming-convention)"
    )
    assert _sl201_lines(run_cli, write_page, "ERROR_SDK_{}", extra) == [expected]


def test_the_rest_of_a_name_after_its_prefix_may_begin_with_a_digit(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    extra = "| SW_2FA_KEY | 10 | 2FA |\n| SW_3des | 11 | x |\n"
    found = _sl201_lines(run_cli, write_page, "SW_{}_KEY", extra)
    assert [line.split(" SL201")[0] for line in found] == ["page.md:13:3:"]


def test_a_line_break_between_two_names_is_no_hidden_placeholder(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    extra = "| ErrorTen<br>ERROR_TEN | 10 | 十 |\n"
    found = "\n".join(_sl201_lines(run_cli, write_page, "ERROR_{}_X", extra))
    assert "ErrorTen, ERROR_TEN does not follow" in found
    assert "HTML tag" not in found
