"""A page whose file status is the one recorded with its key is not read to find its cache
entries; any change to its content changes its status, and a status taken just after a change
is not trusted."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from speclint.read import known as known_module
from speclint.read.known import KnownPages, Status
from tests.conftest import EXAMPLE_PAGE, Run

RunCli = Callable[..., Run]


def _docs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "speclint.toml").write_text('select = ["SL"]\n', encoding="utf-8")
    text = EXAMPLE_PAGE.read_text(encoding="utf-8")
    for index in range(3):
        (folder / f"page-{index}.md").write_text(text, encoding="utf-8")
    return folder


def _check(run_cli: RunCli, folder: Path, *extra: str) -> tuple[int, list[tuple[str, int, str]]]:
    result = run_cli("check", ".", "--output-format", "json", *extra, cwd=folder)
    found = json.loads(result.out)["diagnostics"]
    return result.code, sorted((d["file"], d["line"], d["code"]) for d in found)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every page read to work out its key (by file name)."""
    pages: list[str] = []
    read = KnownPages.read

    def counting(path: Path) -> tuple[bytes, Status | None]:
        pages.append(path.name)
        return read(path)

    monkeypatch.setattr(KnownPages, "read", staticmethod(counting))
    return pages


@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a status however recent the file's last change (the pages were just written)."""
    monkeypatch.setattr(known_module, "RACY_SECONDS", 0.0)


@pytest.mark.usefixtures("caching", "settled_at_once")
def test_unchanged_pages_are_not_read_again(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _check(run_cli, docs)
    reads = _reads(monkeypatch)
    assert _check(run_cli, docs) == cold
    assert reads == []


@pytest.mark.usefixtures("caching", "settled_at_once")
def test_a_page_rewritten_with_its_size_and_modification_time_is_read_again(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    _check(run_cli, docs)
    page = docs / "page-1.md"
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    # Another code with the value of ERRCODE_OK, the same number of bytes; then the file's
    # modification time is set back, as `touch -r` or an archive tool would. Only its change
    # time (which no program can set) tells.
    changed = text.replace("| 3          |", "| 0          |", 1)
    assert changed != text
    assert len(changed.encode()) == len(text.encode())
    time.sleep(0.05)  # past one tick of the file system's clock
    page.write_text(changed, encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (page.stat().st_size, page.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    reads = _reads(monkeypatch)
    warm = _check(run_cli, docs)
    assert reads == ["page-1.md"]
    assert ("page-1.md", 17, "SL101") in warm[1]  # the duplicate value the change made
    monkeypatch.undo()
    assert warm == _check(run_cli, docs) == _check(run_cli, docs, "--no-cache")


def test_a_status_taken_just_after_a_change_is_not_trusted(
    run_cli: RunCli, tmp_path: Path, caching: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages written just now (as every page here is) are read again on every run until they
    have been left alone for RACY_SECONDS."""
    docs = _docs(tmp_path / "docs")
    cold = _check(run_cli, docs)
    reads = _reads(monkeypatch)
    assert _check(run_cli, docs) == cold
    assert sorted(reads) == ["page-0.md", "page-1.md", "page-2.md"]


def test_a_corrupt_record_of_statuses_is_ignored_with_a_warning(
    run_cli: RunCli, tmp_path: Path, caching: None, settled_at_once: None
) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _check(run_cli, docs)
    (entry,) = (docs / ".speclint_cache").rglob("known/*.bin")
    entry.write_bytes(entry.read_bytes()[:-3] + b"xyz")
    result = run_cli("check", ".", "--output-format", "json", cwd=docs)
    assert "ignoring corrupt entries in the cache" in result.err
    assert _check(run_cli, docs) == cold


@pytest.mark.parametrize(
    "plain",
    [
        (("page.md", (1, 2, 3, 4), "key"),),  # a status of four numbers
        (("page.md", (1, 2, 3, 4, "5"), "key"),),
        ((7, (1, 2, 3, 4, 5), "key"),),
        (("page.md", (1, 2, 3, 4, 5)),),
    ],
)
def test_a_record_of_another_shape_is_refused(plain: tuple[object, ...]) -> None:
    with pytest.raises((TypeError, ValueError)):
        KnownPages.from_plain(plain)  # type: ignore[arg-type]


def test_statuses_round_trip_and_merge(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(b"# codes\n")
    known = KnownPages()
    content, status = known.read(page)
    assert content == b"# codes\n"
    assert status is None  # written just now: not to be trusted next time
    settled = os.stat(page)
    status = (
        settled.st_size,
        settled.st_mtime_ns,
        settled.st_ctime_ns,
        settled.st_ino,
        settled.st_dev,
    )
    known.record("page.md", status, "k1")
    known.record("other.md", (1, 2, 3, 4, 5), "k2")
    again = KnownPages.from_plain(known.to_plain())
    assert again.key("page.md", page) == "k1"
    assert again.key("other.md", tmp_path / "other.md") is None  # no such file now
    again.record("page.md", None, "k3")  # changed just now: forgotten
    assert again.key("page.md", page) is None
    assert again.changed
