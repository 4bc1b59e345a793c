"""A command-line run collects cycles rarely, and leaves the collector as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from speclint import cli
from speclint.collector import YOUNG_COLLECTION_ALLOCATIONS, few_collections

EXAMPLE = Path(__file__).parent.parent / "examples" / "status-codes.zh.md"


def test_few_collections_raises_the_young_threshold_and_freezes_then_restores() -> None:
    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    with few_collections():
        assert gc.get_threshold() == (YOUNG_COLLECTION_ALLOCATIONS, *before[1:])
        assert gc.get_freeze_count() > frozen_before
        assert gc.isenabled()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_few_collections_restores_after_an_exception() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), few_collections():
        raise RuntimeError
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_run_from_the_command_line_leaves_the_collector_as_it_was(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    original = cli._dispatch

    def spy(args: object) -> int:
        seen.append(gc.get_threshold())
        return original(args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "_dispatch", spy)
        code = cli.main(["check", str(EXAMPLE), "--no-cache"])
    capsys.readouterr()
    assert code == 1  # the example page has findings
    assert seen == [(YOUNG_COLLECTION_ALLOCATIONS, *before[1:])]
    assert gc.get_threshold() == before
