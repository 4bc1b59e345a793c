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
