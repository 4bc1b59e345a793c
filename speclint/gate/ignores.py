"""Per-file ignores: rules a configuration switches off for some pages (flake8's idea)."""

from __future__ import annotations

from collections.abc import Sequence

from speclint.config import Settings
from speclint.globs import glob_matches
from speclint.model import Diagnostic
from speclint.selectors import selects


def ignored_for(path: str, settings: Settings) -> tuple[str, ...]:
    """The selectors that ``per-file-ignores`` applies to ``path``."""
    found: list[str] = []
    for pattern, selectors in settings.per_file_ignores:
        if glob_matches([pattern], path):
            found.extend(selectors)
    return tuple(found)


def drop_ignored(diagnostics: Sequence[Diagnostic], settings: Settings) -> list[Diagnostic]:
    if not settings.per_file_ignores:
        return list(diagnostics)
    return [d for d in diagnostics if not _ignored_here(d, settings)]


def _ignored_here(diagnostic: Diagnostic, settings: Settings) -> bool:
    selectors = ignored_for(diagnostic.file, settings)
    return any(selects(s, diagnostic.code, diagnostic.rule) for s in selectors)
