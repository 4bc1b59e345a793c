"""SL105 reports one meaning several codes share once, and leaves users' messages alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

HEAD = "| Code Key | Error Code | {header} |\n| --- | --- | --- |\n"
ROWS = (
    "| CardDeclined | 203 | The card was declined. |\n"
    "| InsufficientFunds | 204 | The card was declined. |\n"
    "| StolenOrLost | 205 | The card was declined. |\n"
    "| InactiveCard | 208 | The card was declined. |\n"
    "| ExpiredCard | 209 | The card was declined. |\n"
    "| InvalidCvn | 211 | Reserved |\n"
    "| BadCvn | 212 | Reserved |\n"
)


def _findings(
    run_cli: Callable[..., Any], write_page: Callable[..., Path], header: str, config: str = ""
) -> list[str]:
    page = write_page("page.md", HEAD.format(header=header) + ROWS)
    write_page("speclint.toml", config)
    result = run_cli("check", "page.md", "--select", "SL105", cwd=page.parent)
    return result.out.splitlines()[:-1]


def test_a_meaning_four_codes_copy_is_one_finding_naming_them(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    expected = (
        "page.md:4:29: SL105 [warning] InsufficientFunds (204) means 'The card was declined.', "
        "the same as CardDeclined (203), and so do StolenOrLost (205), InactiveCard (208) and "
        "ExpiredCard (209) (see page.md:3, page.md:5, page.md:6 and 1 more) "
        "(duplicate-description)"
    )
    assert _findings(run_cli, write_page, "Description") == [expected]


def test_a_column_of_messages_shown_to_users_is_not_compared_unless_configured(
    run_cli: Callable[..., Any], write_page: Callable[..., Path]
) -> None:
    assert _findings(run_cli, write_page, "Message Shown to User") == []
    configured = "[rules.duplicate-description]\nuser-message-headers = []\n"
    found = _findings(run_cli, write_page, "Message Shown to User", configured)
    assert [line.split(" SL105")[0] for line in found] == ["page.md:4:29:"]
