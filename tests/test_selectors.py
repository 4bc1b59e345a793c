"""One selector grammar: the command line, the configuration and inline comments agree on what
``ALL``, a code, a code prefix and a rule name select."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from speclint.selectors import SelectorError, parse_selector

from .conftest import EXAMPLE_PAGE

# What the example page is reported for by default: the selectors below are judged on these.
FOUND = {"SL101", "SL103", "SL104", "SL202"}
NAMES = {
    "SL101": "duplicate-value",
    "SL103": "name-collision",
    "SL104": "synonym-names",
    "SL202": "inconsistent-vocabulary",
}
SELECTORS = ["ALL", "SL", "SL1", "SL10", "SL101", "duplicate-value", "inconsistent-vocabulary"]
CODE = re.compile(r": (SL\d{3}) \[")


def codes(output: str) -> set[str]:
    return {m.group(1) for m in map(CODE.search, output.splitlines()) if m}


def selected(selector: str) -> set[str]:
    parsed = parse_selector(selector)
    return {code for code in FOUND if parsed.matches(code, NAMES[code])}


@pytest.fixture
def page(write_page: Callable[..., Path]) -> Path:
    return write_page("codes.md", EXAMPLE_PAGE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("selector", SELECTORS)
def test_command_line_configuration_and_comments_agree(
    selector: str, page: Path, run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    expected = selected(selector)
    assert expected, "every selector here names at least one finding"

    on_the_command_line = run_cli("check", "--select", selector, "codes.md", cwd=page.parent)
    assert codes(on_the_command_line.out) == expected

    write_page("speclint.toml", f'select = ["{selector}"]\n')
    in_the_configuration = run_cli("check", "codes.md", cwd=page.parent)
    assert codes(in_the_configuration.out) == expected
    (page.parent / "speclint.toml").unlink()

    text = page.read_text(encoding="utf-8")
    page.write_text(f"<!-- speclint-disable {selector} -- adopted as is -->\n{text}", "utf-8")
    in_a_comment = run_cli("check", "codes.md", cwd=page.parent)
    # Everything but what the comment names is still reported, and the comment is used.
    assert codes(in_a_comment.out) == FOUND - expected


@pytest.mark.parametrize(
    ("text", "malformed"),
    [
        ("SL1011", True),
        ("Duplicate-Value", True),
        ("SL-1", True),
        ("sl101", False),  # a well-formed rule name that names no rule
        ("all", False),
        ("duplicate-values", False),
    ],
)
def test_what_names_no_rule_is_refused_everywhere(
    text: str,
    malformed: bool,
    page: Path,
    run_cli: Callable[..., Any],
    write_page: Callable[..., Path],
) -> None:
    if malformed:
        with pytest.raises(SelectorError):
            parse_selector(text)
    on_the_command_line = run_cli("check", "--select", text, "codes.md", cwd=page.parent)
    assert on_the_command_line.code == 2
    assert text in on_the_command_line.err
    write_page("speclint.toml", f'ignore = ["{text}"]\n')
    in_the_configuration = run_cli("check", "codes.md", cwd=page.parent)
    assert in_the_configuration.code == 2
    assert "speclint.toml" in in_the_configuration.err
    (page.parent / "speclint.toml").unlink()
    original = page.read_text(encoding="utf-8")
    page.write_text(f"<!-- speclint-disable {text} -- x -->\n{original}", "utf-8")
    in_a_comment = run_cli("check", "codes.md", cwd=page.parent)
    message = (
        f"suppression: {text!r} is not a rule"
        if malformed
        else f"this suppression names no rule speclint knows: {text}"
    )
    assert f"codes.md:1:1: SL902 [warning] {message}" in in_a_comment.out


def test_all_in_a_next_table_comment_silences_that_table_and_is_used(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    page = write_page(
        "p.md",
        "<!-- speclint-disable-next-table ALL -- legacy table, published as is -->\n"
        "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"
        "| E_A | 1 | a |\n| E_B | 1 | b |\n",
    )
    result = run_cli("check", "p.md", cwd=page.parent)
    assert result.code == 0, result.out
    assert "SL902" not in result.out
