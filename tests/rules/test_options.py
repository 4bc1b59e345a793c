"""Rule options from the configuration: checked, and applied. (Documentation: test_rule_docs.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ('[rules.category-range]\nranges = { "群组" = [500000] }', "ranges.群组: expected"),
        ('[rules.category-range]\nranges = { "群组" = [5, 1] }', "low > high"),
        ('[rules.category-overlap]\nranges = { "群组" = "5xxxxx" }', "expected a list"),
        ('[rules.naming-convention]\npattern = "^[A-Z"', "is not a regular expression"),
        ("[rules.naming-convention]\nprefix = 1", "expected"),
    ],
)
def test_bad_options_are_configuration_errors(
    options: str,
    message: str,
    run_cli: Callable[..., Any],
    write_page: Callable[..., Path],
) -> None:
    page = write_page("page.md", "| 错误码 | 十进制数值 |\n| --- | --- |\n| ERRCODE_OK | 0 |\n")
    write_page("speclint.toml", options + "\n")
    result = run_cli("check", "page.md", cwd=page.parent)
    assert result.code == 2
    assert message in result.err


def test_a_configured_prefix_replaces_the_inferred_one(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    rows = "".join(f"| ERRCODE_CODE_{i} | {i} |\n" for i in range(12))
    page = write_page("page.md", "| 错误码 | 十进制数值 |\n| --- | --- |\n" + rows)
    write_page("speclint.toml", '[rules.naming-convention]\nprefix = "ERR_"\n')
    result = run_cli("check", "page.md", "--select", "SL201", cwd=page.parent)
    lines = [line for line in result.out.splitlines() if "SL201" in line]
    # The whole page breaks the configured prefix: one finding for it, with the count.
    assert len(lines) == 1
    assert (
        "12 of the 12 names of the page do not follow the configured prefix ERR_ then "
        in (lines[0])
    )
    write_page("speclint.toml", '[rules.naming-convention]\nprefix = ""\n')
    result = run_cli("check", "page.md", "--select", "SL201", cwd=page.parent)
    assert result.code == 0


def test_refined_by_pins_the_column_of_finer_codes(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    page = write_page(
        "page.md",
        "| Reply code | Enhanced status code | Note | Description |\n| --- | --- | --- | --- |\n"
        "| 450 | 4.2.1 | a | Mailbox busy |\n| 452 | 4.3.1 | b | No storage |\n"
        "| 452 | 4.2.2 | c | Mailbox full |\n",
    )
    inferred = run_cli("check", "page.md", "--select", "SL101", cwd=page.parent)
    assert inferred.code == 0, inferred.out
    # [] refines nothing: 452 is listed twice.
    write_page("speclint.toml", "[rules.duplicate-value]\nrefined-by = []\n")
    off = run_cli("check", "page.md", "--select", "SL101", cwd=page.parent)
    assert off.code == 1
    assert "value 452 is listed twice" in off.out
    # A pinned header refines though it names no code.
    write_page("speclint.toml", '[rules.duplicate-value]\nrefined-by = ["Note"]\n')
    pinned = run_cli("check", "page.md", "--select", "SL101", cwd=page.parent)
    assert pinned.code == 0, pinned.out


def test_name_collision_refined_by_pins_the_subtype_column(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    page = write_page(
        "page.md",
        "| Code | Name | Part | Description |\n| --- | --- | --- | --- |\n"
        "| 4097 | NAN_ERROR | 1 | NaN temperature |\n| 4098 | NAN_ERROR | 2 | NaN humidity |\n",
    )
    # 'Part' does not say it numbers variants: the name has two values.
    assert run_cli("check", "page.md", "--select", "SL103", cwd=page.parent).code == 1
    write_page("speclint.toml", '[rules.name-collision]\nrefined-by = ["Part"]\n')
    assert run_cli("check", "page.md", "--select", "SL103", cwd=page.parent).code == 0
