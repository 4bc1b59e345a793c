"""A long table is read from its rows' texts, each row split again when its records are made:
the records, problems and tables are the same as when every row's cells are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from speclint.config import Settings
from speclint.read import records
from speclint.read.page import parse_text
from tests.conftest import EXAMPLES, ROOT

PAGES = sorted(
    [
        *EXAMPLES.rglob("*.md"),
        *(ROOT / "tests" / "precision" / "pages").glob("*.md"),
        *(ROOT / "tests" / "fixtures" / "wild").rglob("*.md"),
    ]
)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_long_table_reads_as_a_short_one(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = page.read_text(encoding="utf-8", errors="replace")
    settings = Settings()
    kept = parse_text(page.name, text, settings)
    monkeypatch.setattr(records, "KEEP_CELLS_MAX_ROWS", 0)  # every table is "long"
    split_again = parse_text(page.name, text, settings)
    assert split_again == kept
    for mine, theirs in zip(split_again.records, kept.records, strict=True):
        assert [c.column for c in mine.cells] == [c.column for c in theirs.cells]


def test_a_plain_cell_shares_one_string_for_its_text_and_raw(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (EXAMPLES / "status-codes.zh.md").read_text(encoding="utf-8")
    monkeypatch.setattr(records, "KEEP_CELLS_MAX_ROWS", 0)
    parsed = parse_text("page.md", text, Settings())
    plain = [c for r in parsed.records for c in r.cells if c.raw and c.raw == c.text]
    assert plain
    assert all(c.raw is c.text for c in plain)
