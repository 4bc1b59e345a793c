"""Pages and findings survive the cache's and the pool's plain-tuple form exactly."""

from __future__ import annotations

import marshal
import sys

import pytest

from speclint.config import Settings
from speclint.model import Diagnostic, Location, Related, Severity
from speclint.read.page import parse_text
from speclint.read.plain import (
    diagnostics_from_plain,
    diagnostics_to_plain,
    page_digest,
    page_from_plain,
    page_to_plain,
)
from tests.conftest import EXAMPLE_PAGE, ROOT

EVERYTHING = """\
# Codes

<!-- speclint-disable-next-table SL101 -- published twice -->
## 用户模块 (60000–69999)

Codes 60000-69999 are reserved for users.

| name | code | meaning |
| --- | --- | --- |
| A_OK | 60000 | fine |
| A_DUP | 60000 | again |
| A_BAD | 6 0 | |
| A_ONE |
| A_HEX | 0x10 | hex |
| A_STR | 0001 | padded |

```json
| a | b |
| - | - |
| 1 | 2 |
"""


@pytest.mark.parametrize(
    "path", [EXAMPLE_PAGE, *sorted((ROOT / "tests" / "fixtures" / "wild").glob("*.md"))[:20]]
)
def test_a_page_round_trips(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    parsed = parse_text("docs/page.md", text, Settings(root=ROOT))
    assert page_from_plain(marshal.loads(marshal.dumps(page_to_plain(parsed)))) == parsed


def test_every_part_of_a_page_round_trips() -> None:
    parsed = parse_text("p.md", EVERYTHING, Settings(root=ROOT))
    parts = ("records", "tables", "problems", "suppressions", "suspect_fences", "declared_ranges")
    for part in parts:
        assert getattr(parsed, part), f"the page should have {part}"
    assert page_from_plain(marshal.loads(marshal.dumps(page_to_plain(parsed)))) == parsed
    without = page_from_plain(page_to_plain(parsed, records=False))
    assert without.records == ()
    assert without.tables == parsed.tables


def test_findings_round_trip() -> None:
    found = (
        Diagnostic(
            "SL101",
            "duplicate-value",
            Severity.ERROR,
            "value 1 is used twice",
            Location("a.md", 3, 7),
            (Related(Location("b.md", 9, 2), "first here", "A_OK"),),
            ("a.md", "A_OK=1"),
        ),
        Diagnostic("SL002", "malformed-table", Severity.WARNING, "ragged", Location("a.md", 1)),
    )
    assert diagnostics_from_plain(marshal.loads(marshal.dumps(diagnostics_to_plain(found)))) == (
        found
    )


def _fresh(value: object) -> object:
    """``value`` rebuilt with a new object for every string (none shared, none interned)."""
    if isinstance(value, str):
        return "".join(list(value))
    if isinstance(value, tuple):
        return tuple(_fresh(item) for item in value)
    return value


def _shared(value: object, seen: dict[str, str]) -> object:
    """``value`` rebuilt with one interned object for all equal strings."""
    if isinstance(value, str):
        return seen.setdefault(value, sys.intern(value))
    if isinstance(value, tuple):
        return tuple(_shared(item, seen) for item in value)
    return value


def test_a_pages_digest_depends_on_its_content_alone() -> None:
    """Two parses alike, made where different strings happen to be shared or interned (another
    process, a memo), have one digest: a declared registry's remembered findings are found
    again by it. Any change to what the rules see changes it."""
    plain = page_to_plain(parse_text("api/page.md", EXAMPLE_PAGE.read_text("utf-8"), Settings()))
    fresh, shared = _fresh(plain), _shared(plain, {})
    assert marshal.dumps(fresh) != marshal.dumps(shared)  # the cache's own bytes differ
    assert page_digest(fresh) == page_digest(shared) == page_digest(plain)
    path, records, parts = plain
    assert page_digest((path, records[:-1], parts)) != page_digest(plain)
    assert page_digest(("api/other.md", records, parts)) != page_digest(plain)
