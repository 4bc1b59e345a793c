"""The declared registries' findings come back from the cache when none of their pages changed,
and are found again, in full, when one did."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from speclint.check.local import PageRules
from speclint.read import page as page_module
from speclint.read.batch import MIN_PAGES_PER_WORKER
from speclint.read.cache import PageCache
from tests.conftest import EXAMPLE_PAGE, Run, no_parsing

RunCli = Callable[..., Run]


def _docs(folder: Path) -> Path:
    """Three pages of one declared registry (they repeat each other's codes) and a page outside
    it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "speclint.toml").write_text(
        'select = ["SL"]\n[registries.api]\ninclude = ["api/*.md"]\n', encoding="utf-8"
    )
    text = EXAMPLE_PAGE.read_text(encoding="utf-8")
    for index in range(3):
        page = folder / "api" / f"page-{index}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text(text.replace("| 300311 |", f"| {300311 + index} |", 1), encoding="utf-8")
    (folder / "other.md").write_text(text, encoding="utf-8")
    return folder


def _check(run_cli: RunCli, folder: Path, *extra: str) -> tuple[int, str]:
    result = run_cli("check", ".", "--output-format", "json", *extra, cwd=folder)
    return result.code, result.out


def _no_registry_check(self: PageRules, files: object) -> object:
    raise AssertionError("the registry was checked again although none of its pages changed")


def test_an_unchanged_registry_is_not_checked_again(
    run_cli: RunCli, tmp_path: Path, caching: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _check(run_cli, docs)
    codes = {d["code"] for d in json.loads(cold[1])["diagnostics"]}
    assert {"SL101", "SL103"} <= codes  # the registry rules found what the pages repeat
    parse_text = page_module.parse_text
    monkeypatch.setattr(PageRules, "shared", _no_registry_check)
    monkeypatch.setattr(page_module, "parse_text", no_parsing)
    assert _check(run_cli, docs) == cold
    # A page outside the registry changed: it is parsed again, the registry's findings still
    # come back.
    other = docs / "other.md"
    other.write_text(other.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(page_module, "parse_text", parse_text)
    warm = _check(run_cli, docs)
    monkeypatch.undo()
    assert warm == _check(run_cli, docs, "--no-cache")


def test_a_changed_member_page_checks_the_registry_again(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _check(run_cli, docs)
    # page-2 loses its codes: the findings it shared with the other pages go too.
    (docs / "api" / "page-2.md").write_text("# 全局错误码\n", encoding="utf-8")
    warm = _check(run_cli, docs)
    assert warm == _check(run_cli, docs, "--no-cache")
    assert warm != cold


def test_other_rules_options_are_another_memory(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs")
    _check(run_cli, docs)
    narrowed = _check(run_cli, docs, "--ignore", "SL103")
    assert narrowed == _check(run_cli, docs, "--ignore", "SL103", "--no-cache")
    assert "SL103" not in narrowed[1]


def _loads_of_records(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every page whose records are read back from the cache (its "pages" entry)."""
    loaded: list[str] = []
    load = PageCache.load

    def counting(self: PageCache, kind: str, key: str) -> object:
        if kind == "pages":
            loaded.append(key)
        return load(self, kind, key)

    monkeypatch.setattr(PageCache, "load", counting)
    return loaded


def test_a_member_page_whose_prose_changed_keeps_the_registry_findings(
    run_cli: RunCli, tmp_path: Path, caching: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _check(run_cli, docs)
    page = docs / "api" / "page-1.md"
    # The same lines, rows and headings: only words of prose changed, and a comment was added
    # after the last table (a blank line apart: a line right under a table is one of its rows).
    text = page.read_text(encoding="utf-8")
    edited = text.replace("description: 详细介绍", "description: 简要介绍", 1) + "\n<!-- ok -->\n"
    assert edited != text
    page.write_text(edited, encoding="utf-8")
    loaded = _loads_of_records(monkeypatch)
    monkeypatch.setattr(PageRules, "shared", _no_registry_check)
    warm = _check(run_cli, docs)
    assert loaded == []  # no member page's records were read back
    monkeypatch.undo()
    assert warm == cold == _check(run_cli, docs, "--no-cache")


def test_a_line_moved_on_a_member_page_checks_the_registry_again(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _check(run_cli, docs)
    page = docs / "api" / "page-0.md"
    text = page.read_text(encoding="utf-8")
    # One line more above the tables: the registry's findings on this page move down a line.
    page.write_text(text.replace("\n#", "\n\nA new paragraph.\n\n#", 1), encoding="utf-8")
    warm = _check(run_cli, docs)
    assert warm == _check(run_cli, docs, "--no-cache")
    assert warm != cold


def test_a_registry_checked_again_reads_records_the_cache_lost(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs")
    _check(run_cli, docs)
    # The unchanged pages' records are gone from the cache (a cleanup, another run): they are
    # parsed again when a changed row needs the registry checked.
    for entry in (docs / ".speclint_cache").rglob("pages/*.bin"):
        entry.unlink()
    page = docs / "api" / "page-2.md"
    page.write_text(page.read_text(encoding="utf-8").replace("| 300313 |", "| 300311 |"), "utf-8")
    warm = _check(run_cli, docs)
    assert warm == _check(run_cli, docs, "--no-cache")


def test_pages_parsed_by_helpers_are_known_by_the_same_digest(
    run_cli: RunCli, tmp_path: Path, caching: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enough pages for helper processes to parse them on the first run; a comment added to one
    is then parsed here, and must be known by the digest its helper gave it."""
    docs = _docs(tmp_path / "docs")
    text = (docs / "api" / "page-0.md").read_text(encoding="utf-8")
    for index in range(3, 3 + 3 * MIN_PAGES_PER_WORKER):
        (docs / "api" / f"page-{index}.md").write_text(text, encoding="utf-8")
    cold = _check(run_cli, docs)
    page = docs / "api" / f"page-{MIN_PAGES_PER_WORKER}.md"
    page.write_text(text + "\n<!-- reviewed -->\n", encoding="utf-8")
    monkeypatch.setattr(PageRules, "shared", _no_registry_check)
    assert _check(run_cli, docs) == cold
