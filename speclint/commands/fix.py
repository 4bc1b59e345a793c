"""``speclint check --fix`` and ``--diff``: fix the linted pages, or show what fixing would do.

Only the pages the run lints are touched (never a page read for its registry or translation).
The tables sorted are those where unsorted-values (SL303) reported a row that the gate shows:
a table whose order a suppression or the baseline accepts stays as it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from speclint.config import Settings
from speclint.discover import relative_name
from speclint.fix.page import FixError, encoding_of, fix_page
from speclint.fix.write import unified_diff, write_atomically
from speclint.model import Diagnostic, ParsedFile

SORTING_RULE = "SL303"  # unsorted-values: its findings are the rows sorting fixes


@dataclass(frozen=True)
class FixOutcome:
    pages: tuple[str, ...]  # the pages changed (or that would be, with --diff)
    tables: int
    sorted: int
    errors: tuple[str, ...]

    def summary(self, written: bool) -> str:
        pages = len(self.pages)
        did = "fixed" if written else "would fix"
        text = (
            f"{did} {self.tables} table{'' if self.tables == 1 else 's'} in {pages} "
            f"file{'' if pages == 1 else 's'}"
        )
        return text + (f" ({self.sorted} sorted by value)" if self.sorted else "")


def fix_files(
    files: Sequence[ParsedFile],
    diagnostics: Sequence[Diagnostic],
    settings: Settings,
    *,
    diff_to: TextIO | None = None,
) -> FixOutcome:
    """Fix ``files`` (as ``lint`` returns them); with ``diff_to``, write a unified diff there
    instead of changing any file."""
    unsorted: dict[str, set[int]] = defaultdict(set)
    for diagnostic in diagnostics:
        if diagnostic.code == SORTING_RULE:
            unsorted[diagnostic.file].add(diagnostic.line)
    changed: list[str] = []
    tables = sorted_tables = 0
    errors: list[str] = []
    for parsed in files:
        path = Path(parsed.path)
        try:
            data = path.read_bytes()
            fix = fix_page(
                data,
                parsed.path,
                relative_name(path, settings.root),
                settings,
                unsorted[parsed.path],
            )
            if fix.fixed == data:
                continue
            if diff_to is not None:
                bom, codec = encoding_of(data)
                before = data[len(bom) :].decode(codec)
                after = fix.fixed[len(bom) :].decode(codec)
                diff_to.write(unified_diff(parsed.path, before, after))
            else:
                write_atomically(path, fix.fixed)
        except FixError as exc:
            errors.append(str(exc))
            continue
        except OSError as exc:
            errors.append(f"{parsed.path}: cannot fix: {exc.strerror or exc}")
            continue
        changed.append(parsed.path)
        tables += fix.tables
        sorted_tables += fix.sorted
    return FixOutcome(tuple(changed), tables, sorted_tables, tuple(errors))
