"""A progress bar on stderr for long runs, and nothing at all anywhere else.

Shown only when stderr is a terminal (never in pipes, CI logs or files) and only once the run
has taken about a second, so a quick run prints nothing extra. rich is imported only then.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# A run shorter than this finishes before a bar would be worth drawing.
SHOW_AFTER_SECONDS = 1.0


@contextmanager
def progress_bar(total: int, *, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """Yield a function to call with the number of pages finished, or None when no bar can be
    shown (not a terminal, disabled, or nothing to count)."""
    if not enabled or total <= 1 or not _terminal():
        yield None
        return
    bar = _DelayedBar(total, time.monotonic())
    try:
        yield bar.advance
    finally:
        bar.close()


def _terminal() -> bool:
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _DelayedBar:
    """Counts from the start, draws from ``SHOW_AFTER_SECONDS`` on."""

    def __init__(self, total: int, started: float) -> None:
        self.total = total
        self.started = started
        self.done = 0
        self.bar: Any = None
        self.task: Any = None

    def advance(self, count: int) -> None:
        self.done += count
        if self.bar is None:
            if time.monotonic() - self.started < SHOW_AFTER_SECONDS or self.done >= self.total:
                return
            self._start()
        self.bar.update(self.task, completed=self.done)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        self.bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("reading pages", total=self.total, completed=self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
