"""Registries: one code space over several pages, and changed files checked against all of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

RunCli = Callable[..., Run]
HEAD = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"
CONFIG = '[registries.im]\ninclude = ["docs/api/errors/*.md"]\n'


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    errors = tmp_path / "docs" / "api" / "errors"
    errors.mkdir(parents=True)
    (errors / "auth.md").write_text(
        f"## 鉴权\n\n{HEAD}| ERR_TOKEN_EXPIRED | 1001 | 令牌过期 |\n| ERR_NO_RIGHT | 1002 | 无权限 |\n",
        encoding="utf-8",
    )
    (errors / "message.md").write_text(
        f"## 消息\n\n{HEAD}| ERR_MSG_TOO_LONG | 2001 | 消息过长 |\n", encoding="utf-8"
    )
    other = tmp_path / "docs" / "other-api"
    other.mkdir()
    # Another API's code space: its 1001 has nothing to do with the IM API's 1001.
    (other / "codes.md").write_text(f"{HEAD}| E_OTHER | 1001 | 别的 |\n", encoding="utf-8")
    (tmp_path / "speclint.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def collide(tree: Path) -> None:
    page = tree / "docs" / "api" / "errors" / "message.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "| ERR_MSG_RECALLED | 1002 | 消息已撤回 |\n",
        encoding="utf-8",
    )


def test_values_colliding_across_the_pages_of_a_registry(tree: Path, run_cli: RunCli) -> None:
    collide(tree)
    result = run_cli("check", "--select", "SL101", "docs", cwd=tree)
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        "docs/api/errors/message.md:6:22: SL101 [error] value 1002 of ERR_MSG_RECALLED is "
        "already used by ERR_NO_RIGHT (see docs/api/errors/auth.md:6) (duplicate-value)"
    )
    assert "other-api" not in result.out  # a page outside the registry is its own code space


def test_without_a_declaration_each_file_is_its_own_registry(tree: Path, run_cli: RunCli) -> None:
    collide(tree)
    (tree / "speclint.toml").write_text("")
    assert run_cli("check", "--select", "SL101", "docs", cwd=tree).code == 0


def test_a_changed_page_is_checked_against_its_whole_registry(tree: Path, run_cli: RunCli) -> None:
    collide(tree)
    changed = "docs/api/errors/message.md"
    result = run_cli("check", "--select", "SL101", changed, cwd=tree)
    assert result.code == 1
    assert f"{changed}:6:22: SL101" in result.out
    assert "1 file" in result.out.splitlines()[-1]  # the other page was read, not linted


def test_findings_only_in_unchanged_pages_are_left_out_unless_all(
    tree: Path, run_cli: RunCli
) -> None:
    auth = tree / "docs" / "api" / "errors" / "auth.md"
    auth.write_text(
        auth.read_text(encoding="utf-8") + "| ERR_DUP | 1001 | 重复 |\n", encoding="utf-8"
    )
    changed = "docs/api/errors/message.md"
    assert run_cli("check", "--select", "SL101", changed, cwd=tree).code == 0
    everything = run_cli("check", "--select", "SL101", "--all", changed, cwd=tree)
    assert everything.code == 1
    assert "docs/api/errors/auth.md:7:13: SL101" in everything.out


def test_registry_narrowed_to_sections(tree: Path, run_cli: RunCli) -> None:
    collide(tree)
    (tree / "speclint.toml").write_text(CONFIG + 'sections = ["鉴权"]\n', encoding="utf-8")
    # message.md's 消息 section is outside the registry, so it is checked on its own.
    assert run_cli("check", "--select", "SL101", "docs", cwd=tree).code == 0


def test_tables_with_differently_headed_code_columns_are_separate_code_spaces(
    tmp_path: Path, run_cli: RunCli
) -> None:
    (tmp_path / "mqtt.md").write_text(
        "## Packet types\n\n| Name | Value | Description |\n|--|--|--|\n"
        "| CONNECT | 1 | connect |\n| CONNACK | 2 | acknowledge |\n\n"
        "## Reason codes\n\n| Reason Code | Name | Description |\n|--|--|--|\n"
        "| 1 | Granted QoS 1 | granted |\n| 2 | Granted QoS 2 | granted too |\n| 2 | Again | dup |\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--select", "SL101", "mqtt.md", cwd=tmp_path)
    # 1 and 2 are both a packet type and a reason code; only the repeat inside one space counts.
    assert [line.split(": ")[0] for line in result.out.splitlines()[:-1]] == ["mqtt.md:14:3"]


def test_a_nameless_table_citing_a_named_space_joins_it(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "api.md").write_text(
        f"## Codes\n\n{HEAD}| ERR_A | 1001 | a |\n| ERR_B | 1002 | b |\n\n"
        "## What /send returns\n\n| 错误码 | 说明 |\n|--|--|\n| 1001 | a |\n| 1002 | b |\n"
        "| 1003 | c |\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--select", "SL101,SL106", "api.md", cwd=tmp_path)
    assert result.out.splitlines()[:-1] == [
        (
            "api.md:14:3: SL106 [error] code 1003 is listed in What /send returns but no table "
            "of this page defines it (undefined-code)"
        )
    ]


def test_linting_the_whole_tree_walks_it_once(
    tree: Path, count_calls: Callable[[object, str], list[int]]
) -> None:
    # The configuration's folder named: its walk is the whole tree a declared registry needs.
    from speclint import discover
    from speclint.config import load_settings

    settings = load_settings(tree / "speclint.toml")
    walks = count_calls(discover, "discover")
    whole = discover.plan([tree], settings)
    assert len(walks) == 1
    part = discover.plan([tree / "docs" / "api" / "errors" / "auth.md"], settings)
    assert len(walks) == 3  # a page alone, then the tree its registry spans
    keys = {page.key for page in whole.pages}
    assert keys == {
        "docs/api/errors/auth.md",
        "docs/api/errors/message.md",
        "docs/other-api/codes.md",
    }
    assert {page.key for page in (*part.pages, *part.context)} == {
        "docs/api/errors/auth.md",
        "docs/api/errors/message.md",
    }
