"""The allocator setting for large pages: asked only for a large page, and never a failure."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from speclint.read import memory


def test_only_a_large_page_tunes_the_allocator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = tmp_path / "small.md"
    small.write_text("| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    large = tmp_path / "large.md"
    with large.open("wb") as handle:  # sparse: the size is what counts
        handle.truncate(memory.LARGE_PAGE_BYTES)
    asked: list[tuple[int, int]] = []

    class FakeLibc:
        def mallopt(self, parameter: int, value: int) -> int:
            asked.append((parameter, value))
            return 1

    import ctypes

    monkeypatch.setattr(ctypes, "CDLL", lambda name: FakeLibc())
    monkeypatch.setattr(sys, "platform", "linux")
    memory.keep_large_blocks_returnable([small, tmp_path / "missing.md", tmp_path])
    assert asked == []
    memory.keep_large_blocks_returnable([small, large])
    assert asked == [(-3, 128 * 1024)]


def test_without_mallopt_nothing_happens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    large = tmp_path / "large.md"
    with large.open("wb") as handle:
        handle.truncate(memory.LARGE_PAGE_BYTES)
    import ctypes

    def no_libc(name: object) -> object:
        raise OSError("no such library")

    monkeypatch.setattr(ctypes, "CDLL", no_libc)
    memory.keep_large_blocks_returnable([large])  # musl, or no C library: silently nothing


def test_free_memory_is_given_back_through_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    trimmed: list[int] = []

    class FakeLibc:
        def malloc_trim(self, pad: int) -> int:
            trimmed.append(pad)
            return 1

    import ctypes

    monkeypatch.setattr(ctypes, "CDLL", lambda name: FakeLibc())
    monkeypatch.setattr(sys, "platform", "linux")
    memory.give_back_free_memory()
    assert trimmed == [0]
    monkeypatch.setattr(sys, "platform", "darwin")
    memory.give_back_free_memory()
    assert trimmed == [0]  # only glibc is asked


def test_without_malloc_trim_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    class Musl:
        pass  # no malloc_trim: AttributeError

    monkeypatch.setattr(ctypes, "CDLL", lambda name: Musl())
    monkeypatch.setattr(sys, "platform", "linux")
    memory.give_back_free_memory()
