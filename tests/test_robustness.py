"""Odd pages, odd trees and odd configurations: a clear answer, never a traceback."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from speclint.config import Settings
from speclint.read.blocks import parse_blocks
from speclint.read.directives import find_suppressions
from speclint.read.page import parse_text
from tests.conftest import Run

RunCli = Callable[..., Run]
TABLE = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n| E_A | 1 | a |\n| E_B | 1 | b |\n"


def test_a_table_after_a_deeply_nested_list_is_still_read() -> None:
    nested = "".join("  " * depth + "- item\n" for depth in range(30))
    parsed = parse_text("p.md", nested + "\n" + TABLE, Settings())
    assert [r.name for r in parsed.records] == ["E_A", "E_B"]


def test_absurdly_long_numbers_stay_text() -> None:
    page = TABLE.replace("| E_B | 1 |", f"| E_B | {'9' * 5000} |")
    record = parse_text("p.md", page, Settings()).records[1]
    assert record.value == "9" * 5000


def test_every_rule_survives_absurd_values(tmp_path: Path, run_cli: RunCli) -> None:
    page = tmp_path / "p.md"
    page.write_text(TABLE.replace("| E_B | 1 |", f"| E_B | 0x{'f' * 5000} |"), encoding="utf-8")
    result = run_cli("check", "p.md", cwd=tmp_path)
    assert result.code in (0, 1), result.err


def test_fifo_and_dangling_links_are_not_pages(tmp_path: Path, run_cli: RunCli) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "real.md").write_text(TABLE, encoding="utf-8")
    os.mkfifo(docs / "pipe.md")
    (docs / "gone.md").symlink_to(docs / "nowhere.md")
    result = run_cli("check", "--select", "SL101", "docs", cwd=tmp_path)
    assert result.code == 1
    assert "1 file" in result.out.splitlines()[-1]


def test_a_linked_page_is_named_by_its_link(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "real" / "page.md").write_text(TABLE, encoding="utf-8")
    (tmp_path / "docs" / "page.md").symlink_to(tmp_path / "real" / "page.md")
    result = run_cli("check", "--select", "SL101", "docs/page.md", cwd=tmp_path)
    assert result.out.startswith("docs/page.md:4:")


@pytest.mark.parametrize(
    "content",
    [
        '{"speclint_baseline": 1, "entries": [{"code": "SL101"}]}',
        '{"speclint_baseline": 1, "entries": "x"}',
    ],
)
def test_malformed_baseline_entries_are_a_usage_error(
    tmp_path: Path, run_cli: RunCli, content: str
) -> None:
    (tmp_path / "p.md").write_text(TABLE, encoding="utf-8")
    (tmp_path / "base.json").write_text(content)
    result = run_cli("check", "--baseline", "base.json", "p.md", cwd=tmp_path)
    assert result.code == 2
    assert "base.json: entries must be objects with a string fingerprint" in result.err


def _suppressions(page: str) -> list[tuple[tuple[str, ...], int, int]]:
    blocks = parse_blocks(page)
    found, _ = find_suppressions("p.md", blocks.comments, blocks.tables, page.count("\n") + 1)
    return sorted((s.selectors, s.start, s.end) for s in found)


def test_enable_of_one_rule_ends_only_that_rule() -> None:
    page = "<!-- speclint-disable SL101 SL105 -- x -->\n\n<!-- speclint-enable SL101 -->\n\ntext\n"
    assert _suppressions(page) == [(("SL101",), 1, 3), (("SL105",), 1, 6)]


def test_enable_of_one_rule_cannot_narrow_a_disable_of_all() -> None:
    page = "<!-- speclint-disable -- x -->\n\n<!-- speclint-enable SL105 -->\n\ntext\n"
    blocks = parse_blocks(page)
    found, problems = find_suppressions("p.md", blocks.comments, blocks.tables, 6)
    assert [(s.selectors, s.start, s.end) for s in found] == [((), 1, 6)]
    assert [p.message for p in problems] == ["this enable matches no open disable"]


def test_category_overlap_is_one_finding_per_category_that_overlaps_earlier_ones(
    tmp_path: Path, run_cli: RunCli
) -> None:
    (tmp_path / "speclint.toml").write_text(
        '[rules.category-range]\nranges = { "A" = [0, 100], "B" = [10, 20], "C" = [15, 30] }\n'
    )
    sections = "".join(f"## {s}\n\n{TABLE.replace('E_', f'E_{s}_')}\n" for s in "ABC")
    (tmp_path / "p.md").write_text(sections, encoding="utf-8")
    result = run_cli("check", "--select", "SL302", "p.md", cwd=tmp_path)
    findings = result.out.splitlines()[:-1]
    # B overlaps A; C overlaps A and B: two findings, the second naming A and counting B.
    assert [line.split(" of ")[1][0] + line.split(" of ")[2][0] for line in findings] == [
        "BA",
        "CA",
    ]
    assert "and 1 other category" in findings[1]


def test_command_line_ignore_adds_to_the_configuration(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "speclint.toml").write_text('ignore = ["SL101"]\n')
    (tmp_path / "p.md").write_text(TABLE + "| E_A | 2 | c |\n", encoding="utf-8")
    result = run_cli("check", "--ignore", "SL105", "p.md", cwd=tmp_path)
    assert "SL101" not in result.out
    assert "SL103" in result.out


def test_paths_under_different_configurations_are_refused(tmp_path: Path, run_cli: RunCli) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "speclint.toml").write_text("")
        (tmp_path / name / "p.md").write_text(TABLE, encoding="utf-8")
    result = run_cli("check", "one/p.md", "two/p.md", cwd=tmp_path)
    assert result.code == 2
    assert "the paths fall under different configurations" in result.err


def test_excludes_are_relative_to_the_configuration_wherever_speclint_runs(
    tmp_path: Path, run_cli: RunCli
) -> None:
    drafts = tmp_path / "docs" / "drafts"
    drafts.mkdir(parents=True)
    (drafts / "wip.md").write_text(TABLE, encoding="utf-8")
    (tmp_path / "speclint.toml").write_text('exclude = ["docs/drafts/"]\n')
    (tmp_path / ".gitignore").write_text("docs/build/\n")
    (tmp_path / "docs" / "build").mkdir()
    (tmp_path / "docs" / "build" / "out.md").write_text(TABLE, encoding="utf-8")
    assert run_cli("check", ".", cwd=tmp_path).code == 0
    assert run_cli("check", "docs", cwd=tmp_path).code == 0
    assert run_cli("check", ".", cwd=tmp_path / "docs").code == 0
    # Named explicitly, a page is linted, unless the hook's --force-exclude applies the excludes.
    assert run_cli("check", "docs/drafts/wip.md", cwd=tmp_path).code == 1
    assert run_cli("check", "--force-exclude", "docs/drafts/wip.md", cwd=tmp_path).code == 0


def test_a_page_read_for_its_registry_still_suppresses(tmp_path: Path, run_cli: RunCli) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "speclint.toml").write_text('[registries.im]\ninclude = ["docs/*.md"]\n')
    head = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"
    (docs / "a.md").write_text(head + "| ERRCODE_A | 1 | a |\n", encoding="utf-8")
    (docs / "b.md").write_text(
        "<!-- speclint-disable-next-table SL101 -- published -->\n"
        + head
        + "| ERRCODE_B | 1 | b |\n",
        encoding="utf-8",
    )
    assert run_cli("check", "--select", "SL101", "docs", cwd=tmp_path).code == 0
    assert run_cli("check", "--select", "SL101", "docs/a.md", cwd=tmp_path).code == 0


def test_a_folder_named_explicitly_is_linted_even_if_ignored(
    tmp_path: Path, run_cli: RunCli
) -> None:
    corpus = tmp_path / "bench" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "p.md").write_text(TABLE, encoding="utf-8")
    (corpus / "skip").mkdir()
    (corpus / "skip" / "q.md").write_text(TABLE, encoding="utf-8")
    (corpus / ".gitignore").write_text("skip/\n")
    (tmp_path / ".gitignore").write_text("bench/corpus/\n")
    assert run_cli("check", ".", cwd=tmp_path).out.endswith("0 files).\n")
    named = run_cli("check", "--select", "SL101", "bench/corpus", cwd=tmp_path)
    assert [line.split(":")[0] for line in named.out.splitlines()[:-1]] == ["bench/corpus/p.md"]
