"""Apply the inline suppressions the read stage found: drop the findings they cover."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from speclint.model import Diagnostic, Suppression


def apply(
    diagnostics: Iterable[Diagnostic], suppressions: Sequence[Suppression]
) -> tuple[list[Diagnostic], set[Suppression]]:
    """Drop suppressed findings; return the rest and the suppressions that were used."""
    kept: list[Diagnostic] = []
    used: set[Suppression] = set()
    by_file: dict[str, list[Suppression]] = {}
    for suppression in suppressions:
        by_file.setdefault(suppression.file, []).append(suppression)
    for diagnostic in diagnostics:
        covering = [s for s in by_file.get(diagnostic.file, ()) if s.covers(diagnostic)]
        if covering:
            used.update(covering)
        else:
            kept.append(diagnostic)
    return kept, used
