"""Inline suppressions written in the page as HTML comments.

``<!-- speclint-disable SL101 -- reason -->`` ... ``<!-- speclint-enable -->`` silences rules for
a region; ``<!-- speclint-disable-next-table SL104 -- reason -->`` for the next table only (a table
row cannot hold a comment). Without codes, every rule is silenced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from speclint.blocks import Comment, SourceTable
from speclint.model import Diagnostic

_DIRECTIVE = re.compile(
    r"<!--\s*speclint-(?P<kind>disable-next-table|disable|enable)\b(?P<body>.*?)-->", re.DOTALL
)
_SELECTOR = re.compile(r"^(ALL|SL[0-9]{0,3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rules silenced from ``start`` to ``end`` (1-based lines, inclusive) of ``file``."""

    file: str
    line: int  # where the comment is
    column: int
    selectors: tuple[str, ...]  # empty: every rule
    reason: str
    start: int
    end: int

    def covers(self, diagnostic: Diagnostic) -> bool:
        return (
            diagnostic.file == self.file
            and self.start <= diagnostic.line <= self.end
            and (
                not self.selectors
                or any(
                    diagnostic.code.startswith(s) or diagnostic.rule == s for s in self.selectors
                )
            )
        )


@dataclass(frozen=True, slots=True)
class DirectiveProblem:
    file: str
    line: int
    message: str


def _parse_body(body: str) -> tuple[tuple[str, ...], str, list[str]]:
    codes, _, reason = body.partition("--")
    selectors = tuple(s for s in re.split(r"[\s,]+", codes.strip()) if s)
    bad = [s for s in selectors if not _SELECTOR.match(s)]
    return tuple(s for s in selectors if s not in bad), reason.strip(), bad


def find_suppressions(
    path: str, comments: Sequence[Comment], tables: Sequence[SourceTable], last_line: int
) -> tuple[tuple[Suppression, ...], tuple[DirectiveProblem, ...]]:
    """Read the directives of a page into suppressions, and say what is wrong with any."""
    found: list[Suppression] = []
    problems: list[DirectiveProblem] = []
    open_regions: list[_Open] = []
    for comment in comments:
        match = _DIRECTIVE.fullmatch(comment.text.strip())
        if match is None:
            continue
        kind = match["kind"]
        selectors, reason, bad = _parse_body(match["body"])
        for selector in bad:
            problems.append(DirectiveProblem(path, comment.line, f"{selector!r} is not a rule"))
        if kind == "disable":
            open_regions.append((comment, selectors, reason))
        elif kind == "enable":
            closed, open_regions = _enable(path, comment, selectors, open_regions)
            found.extend(closed)
            if not closed:
                problems.append(
                    DirectiveProblem(path, comment.line, "this enable matches no open disable")
                )
        else:
            table = next((t for t in tables if t.header.line > comment.end_line), None)
            if table is None:
                problems.append(
                    DirectiveProblem(path, comment.line, "no table follows this directive")
                )
                continue
            end = table.rows[-1].line if table.rows else table.header.line
            found.append(
                Suppression(path, comment.line, 1, selectors, reason, table.header.line, end)
            )
    for opened, selectors, reason in open_regions:
        found.append(Suppression(path, opened.line, 1, selectors, reason, opened.line, last_line))
    return tuple(found), tuple(problems)


_Open = tuple[Comment, tuple[str, ...], str]


def _enable(
    path: str, comment: Comment, selectors: tuple[str, ...], regions: list[_Open]
) -> tuple[list[Suppression], list[_Open]]:
    """Close what an enable names: every open region, or only the named rules of each.

    ``disable SL101 SL105`` then ``enable SL101`` ends the region for SL101 and keeps SL105
    disabled; ``disable`` (every rule) then ``enable SL105`` cannot be narrowed to "every rule
    but SL105", so it is left open and the enable is reported as matching nothing.
    """
    closed: list[Suppression] = []
    still_open: list[_Open] = []
    for opened, opened_selectors, reason in regions:
        if not selectors:
            ending, staying = opened_selectors, ()
        elif not opened_selectors:
            still_open.append((opened, opened_selectors, reason))
            continue
        else:
            ending = tuple(s for s in opened_selectors if s in selectors)
            staying = tuple(s for s in opened_selectors if s not in selectors)
        if ending or not opened_selectors:
            closed.append(
                Suppression(path, opened.line, 1, ending, reason, opened.line, comment.line)
            )
        if staying:
            still_open.append((opened, staying, reason))
    return closed, still_open


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
