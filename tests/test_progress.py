"""The progress bar: only on a terminal, only for a long run, and rich only then."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from speclint import progress
from tests.conftest import ROOT


def test_no_bar_and_no_rich_outside_a_terminal() -> None:
    code = (
        "import sys, speclint.progress as p\n"
        "with p.progress_bar(1000, enabled=True) as advance:\n"
        "    assert advance is None\n"
        "assert 'rich' not in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_a_short_run_draws_nothing_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "_terminal", lambda: True)
    with progress.progress_bar(10, enabled=True) as advance:
        assert advance is not None
        advance(10)
        bar = advance.__self__  # type: ignore[attr-defined]
    assert bar.bar is None


def test_a_long_run_on_a_terminal_draws_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "_terminal", lambda: True)
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.0)
    screen = io.StringIO()
    monkeypatch.setattr(sys, "stderr", screen)
    with progress.progress_bar(10, enabled=True) as advance:
        assert advance is not None
        advance(3)
        bar = advance.__self__  # type: ignore[attr-defined]
        assert bar.bar is not None
        assert bar.bar.tasks[0].completed == 3
        assert bar.bar.tasks[0].total == 10


def test_ci_never_gets_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with progress.progress_bar(1000, enabled=True) as advance:
        assert advance is None
