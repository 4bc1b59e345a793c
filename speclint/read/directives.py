"""Read the inline suppressions a page writes as HTML comments.

``<!-- speclint-disable SL101 -- reason -->`` ... ``<!-- speclint-enable -->`` silences rules for
a region; ``<!-- speclint-disable-next-table SL104 -- reason -->`` the next table only (a table
row cannot hold a comment). Without selectors, or with ``ALL``, every rule is silenced.
Selectors follow the one grammar of ``speclint.selectors``. Applying them is the gate's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from speclint.model import DirectiveProblem, Suppression
from speclint.read.blocks import Comment, SourceTable
from speclint.selectors import ALL, SelectorError, parse_selector

_DIRECTIVE = re.compile(
    r"<!--\s*speclint-(?P<kind>disable-next-table|disable|enable)\b(?P<body>.*?)-->", re.DOTALL
)

_Open = tuple[Comment, tuple[str, ...], str]


def _parse_body(body: str) -> tuple[tuple[str, ...], str, list[str]]:
    """The selectors (``ALL`` read as "every rule": none), the reason, and what is no selector."""
    codes, _, reason = body.partition("--")
    selectors: list[str] = []
    bad: list[str] = []
    for text in (s for s in re.split(r"[\s,]+", codes.strip()) if s):
        try:
            selectors.append(parse_selector(text).text)
        except SelectorError:
            bad.append(text)
    if ALL in selectors:
        selectors = []
    return tuple(selectors), reason.strip(), bad


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
