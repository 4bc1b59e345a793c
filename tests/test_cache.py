"""The page cache and the helper processes: same findings as a fresh run, whatever happens to the
cache, and the same output order whichever process finishes first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from speclint import sharing
from speclint.cache_folder import CACHE_DIR
from speclint.read import batch
from speclint.read import page as page_module
from tests.conftest import EXAMPLE_PAGE, ROOT, Run, no_parsing

RunCli = Callable[..., Run]
PAGES = 60  # more than the threshold for helpers (2 x MIN_PAGES_PER_WORKER)


def _docs(folder: Path, pages: int = 3) -> Path:
    """A project of ``pages`` copies of the example page, each with its own findings."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "speclint.toml").write_text('select = ["SL"]\n', encoding="utf-8")
    text = EXAMPLE_PAGE.read_text(encoding="utf-8")
    for index in range(pages):
        # A different duplicate value on each page, so pages differ in content and findings.
        changed = text.replace("| 300311 |", f"| {300311 + index} |", 1)
        (folder / f"page-{index:03d}.md").write_text(changed, encoding="utf-8")
    return folder


def _json(run_cli: RunCli, folder: Path, *extra: str) -> tuple[int, dict[str, object], str]:
    result = run_cli("check", ".", "--output-format", "json", *extra, cwd=folder)
    return result.code, json.loads(result.out), result.err


def test_a_warm_run_reports_what_a_cold_one_did_without_parsing(
    run_cli: RunCli, tmp_path: Path, caching: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _json(run_cli, docs)
    assert (docs / CACHE_DIR / "CACHEDIR.TAG").is_file()
    assert (docs / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    monkeypatch.setattr(page_module, "parse_text", no_parsing)
    warm = _json(run_cli, docs)
    assert warm == cold
    assert cold[0] == 1
    assert cold[2] == ""
    text_cold = run_cli("check", ".", "--statistics", cwd=docs)
    assert "in 273 records in 15 sections of 3 files" in text_cold.out


def test_a_changed_page_is_read_again(run_cli: RunCli, tmp_path: Path, caching: None) -> None:
    docs = _docs(tmp_path / "docs")
    before = _json(run_cli, docs)[1]
    target = docs / "page-001.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("ERRCODE_REPEAT_USERID", "errcode_repeat"),
        encoding="utf-8",
    )
    after = _json(run_cli, docs)[1]
    assert after == _json(run_cli, docs, "--no-cache")[1]
    assert after != before
    assert any(
        d["code"] == "SL201" and "errcode_repeat" in d["message"] for d in after["diagnostics"]
    )  # type: ignore[index, union-attr]


def test_no_cache_writes_nothing(run_cli: RunCli, tmp_path: Path, caching: None) -> None:
    docs = _docs(tmp_path / "docs")
    _json(run_cli, docs, "--no-cache")
    assert not (docs / CACHE_DIR).exists()


def test_the_environment_can_turn_the_cache_off(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPECLINT_NO_CACHE", "1")
    docs = _docs(tmp_path / "docs")
    _json(run_cli, docs)
    assert not (docs / CACHE_DIR).exists()


def test_a_corrupt_cache_is_ignored_with_one_warning(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _json(run_cli, docs)
    entries = [p for p in (docs / CACHE_DIR).rglob("*.bin")]
    assert entries
    for number, entry in enumerate(entries):
        data = entry.read_bytes()
        # Torn writes, flipped bytes, other programs' files.
        entry.write_bytes([data[: len(data) // 2], data[:-1] + b"\x00", b"not ours"][number % 3])
    code, report, err = _json(run_cli, docs)
    assert (code, report) == cold[:2]
    warnings = [line for line in err.splitlines() if line.startswith("speclint: warning:")]
    assert len(warnings) == 1, err
    assert "ignoring corrupt entries in the cache" in warnings[0]
    assert "error" not in err
    assert _json(run_cli, docs) == cold  # and rewritten


def test_an_unwritable_cache_is_a_warning_not_an_error(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs")
    expected = _json(run_cli, docs, "--no-cache")
    # What a read-only checkout does to the cache, in a way that holds even for root: the
    # folder cannot be created.
    (docs / CACHE_DIR).write_text("in the way\n", encoding="utf-8")
    code, report, err = _json(run_cli, docs)
    assert (code, report) == expected[:2]
    assert err.count("speclint: warning: cannot write the cache") == 1, err
    assert "error" not in err


def test_the_cache_follows_the_configuration(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs", pages=1)
    codes = {d["code"] for d in _json(run_cli, docs)[1]["diagnostics"]}  # type: ignore[index]
    assert "SL101" in codes
    (docs / "speclint.toml").write_text('ignore = ["SL101"]\n', encoding="utf-8")
    codes = {d["code"] for d in _json(run_cli, docs)[1]["diagnostics"]}  # type: ignore[index]
    assert "SL101" not in codes
    assert "SL103" in codes


def test_the_cache_follows_the_record_schema(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs", pages=1)
    schema = docs / "record.schema.json"
    (docs / "speclint.toml").write_text('schema = "record.schema.json"\n', encoding="utf-8")
    schema.write_text('{"type": "object"}', encoding="utf-8")
    first = _json(run_cli, docs)[1]["diagnostics"]  # type: ignore[index]
    assert not [d for d in first if d["code"] == "SL001"]  # type: ignore[index]
    schema.write_text('{"type": "object", "required": ["nothing"]}', encoding="utf-8")
    # One finding per table (5 tables), each naming its rows.
    second = _json(run_cli, docs)[1]["diagnostics"]  # type: ignore[index]
    assert len([d for d in second if d["code"] == "SL001"]) == 5  # type: ignore[index]


def test_a_declared_registry_reads_its_records_back_from_the_cache(
    run_cli: RunCli, tmp_path: Path, caching: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    (docs / "speclint.toml").write_text('[registries.all]\ninclude = ["*.md"]\n', encoding="utf-8")
    cold = _json(run_cli, docs)
    assert any(
        d["file"] != r["file"]
        for d in cold[1]["diagnostics"]
        for r in d["related"]  # type: ignore[index, union-attr]
    ), "the registry spans pages"
    monkeypatch.setattr(page_module, "parse_text", no_parsing)
    assert _json(run_cli, docs) == cold


def test_export_from_the_cache(
    run_cli: RunCli, tmp_path: Path, caching: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = run_cli("export", ".", "--format", "csv", cwd=docs)
    run_cli("check", ".", cwd=docs)  # the findings entries alone must not satisfy an export
    monkeypatch.setattr(page_module, "parse_text", no_parsing)
    warm = run_cli("export", ".", "--format", "csv", cwd=docs)
    assert (warm.code, warm.out) == (cold.code, cold.out)
    assert cold.out.count("\n") == 1 + 3 * 91


def test_helpers_keep_the_order_of_a_single_process(
    run_cli: RunCli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    count_calls: Callable[[object, str], list[int]],
) -> None:
    docs = _docs(tmp_path / "docs", pages=PAGES)
    pooled = count_calls(sharing, "share_out")
    in_pool = run_cli("check", ".", "--output-format", "json", cwd=docs)
    monkeypatch.setattr(batch, "MIN_PAGES_PER_WORKER", 10**9)
    alone = run_cli("check", ".", "--output-format", "json", cwd=docs)
    if (os.cpu_count() or 1) > 1:
        assert pooled, "60 pages on several processors should be shared with a helper"
    assert in_pool.out == alone.out
    assert json.loads(in_pool.out)["record_count"] == PAGES * 91


def test_parallel_runs_share_one_cache(tmp_path: Path) -> None:
    docs = _docs(tmp_path / "docs", pages=PAGES)
    environment = {k: v for k, v in os.environ.items() if k != "SPECLINT_NO_CACHE"}
    command = [sys.executable, "-m", "speclint", "check", ".", "--output-format", "json"]

    def run(extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *extra],
            cwd=docs,
            capture_output=True,
            text=True,
            env={**environment, "PYTHONPATH": str(ROOT)},
            check=False,
        )

    expected = run(("--no-cache",))
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda _: run(), range(4)))
    for done in [*together, run()]:
        assert done.returncode == expected.returncode == 1
        assert done.stdout == expected.stdout
        assert done.stderr == ""
    assert not list((docs / CACHE_DIR).rglob(".tmp-*")), "a temporary file was left behind"


def test_helpers_say_what_a_single_process_says_about_bad_pages(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs", pages=PAGES)
    (docs / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    text = EXAMPLE_PAGE.read_text(encoding="utf-8")
    (docs / "legacy.md").write_bytes(text.encode("gb18030"))
    in_pool = run_cli("check", ".", "--output-format", "json", cwd=docs)
    monkeypatch.setattr(batch, "MIN_PAGES_PER_WORKER", 10**9)
    alone = run_cli("check", ".", "--output-format", "json", cwd=docs)
    assert (in_pool.code, in_pool.out, in_pool.err) == (alone.code, alone.out, alone.err)
    assert "image.md" in alone.err
    assert "legacy.md" in alone.err
    assert json.loads(alone.out)["record_count"] == (PAGES + 1) * 91


def test_the_cache_follows_the_files_a_record_schema_refers_to(
    run_cli: RunCli, tmp_path: Path, caching: None
) -> None:
    docs = _docs(tmp_path / "docs", pages=1)
    (docs / "speclint.toml").write_text('schema = "record.schema.json"\n', encoding="utf-8")
    (docs / "record.schema.json").write_text('{"$ref": "defs.json"}', encoding="utf-8")
    defs = docs / "defs.json"
    defs.write_text('{"type": "object"}', encoding="utf-8")
    first = _json(run_cli, docs)[1]["diagnostics"]  # type: ignore[index]
    assert not [d for d in first if d["code"] == "SL001"]  # type: ignore[index]
    defs.write_text('{"type": "object", "required": ["nothing"]}', encoding="utf-8")
    second = _json(run_cli, docs)[1]["diagnostics"]  # type: ignore[index]
    assert [d for d in second if d["code"] == "SL001"]  # type: ignore[index]
