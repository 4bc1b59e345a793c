"""Keep a large page's memory returnable to the system (glibc's malloc on Linux).

glibc serves a large block (a page's bytes, its text, a list of its rows) from its own ``mmap``
and gives it back when freed, but then raises its threshold for that to the size of the block
freed (up to 32 MiB), so that the next blocks of up to that size come from the heap, where
freed memory is kept. Reading one page of 100,000 rows makes many such blocks, one after the
other: with the threshold left where it starts (128 KiB) the process peaks about 14 MiB lower
(`bench/run.py --targets`, one page of 100,000 rows: 185 -> 171 MiB). Elsewhere (musl, macOS,
Windows) nothing is done.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

# A page this large is worth the setting (and the 2 ms ctypes takes to import): below it the
# blocks are small and nothing changes.
LARGE_PAGE_BYTES = 4 << 20
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h
_DEFAULT_MMAP_THRESHOLD = 128 * 1024


def keep_large_blocks_returnable(pages: Iterable[Path]) -> None:
    """Before reading ``pages``: pin glibc's mmap threshold at its default when one of them is
    large. Safe to call more than once; never fails (reading a page says what is wrong)."""
    if not sys.platform.startswith("linux") or not any(map(_large, pages)):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, ImportError):
        return  # not glibc (musl has no mallopt), or no ctypes: nothing to tune
    mallopt(_M_MMAP_THRESHOLD, _DEFAULT_MMAP_THRESHOLD)


def _large(page: Path) -> bool:
    try:
        return page.stat().st_size >= LARGE_PAGE_BYTES
    except OSError:
        return False


def give_back_free_memory() -> None:
    """Return the heap's free pages to the system (glibc's ``malloc_trim``), before forking
    workers from a process that has just freed much: a forked worker starts with its parent's
    resident memory, freed or not (one page of 100,000 rows: the parent holds about 20 MiB
    freed by reading it, and each rule worker would start with them). Never fails."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        malloc_trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, ImportError):
        return  # not glibc: nothing to ask
    malloc_trim(0)
