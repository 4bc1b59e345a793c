"""The Markdown report: a summary for a GitHub job summary or a pull-request comment.

GitHub-flavoured Markdown from a Jinja2 template. Every value the template prints is escaped
for Markdown unless speclint built it itself (``Trusted``): spec text is data, so a meaning that
holds ``<img onerror=...>``, ``**`` or ``|`` reads as written and cannot break a table. The
report is cut to ``MAX_CHARACTERS`` (a pull-request comment holds 65,536), findings first, with
a note saying what was left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2

from speclint.model import Location
from speclint.report.overview import Overview

# GitHub takes 65,536 characters in a pull-request comment and 1 MiB in a job summary; keep
# room for whatever a workflow adds around the report.
MAX_CHARACTERS = 60_000
# A rule's findings are folded in <details> when there are more than this many.
FOLD_FINDINGS_ABOVE = 10
# The section table is folded when the report has more sections than this.
FOLD_SECTIONS_ABOVE = 10
# No finding or section row is shorter than this: bounds how many could ever fit.
SHORTEST_ITEM = 20

# Characters that mean something in GitHub Markdown inline text (or a table cell).
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_\[\]|~]")


class Trusted(str):
    """Markdown that speclint wrote itself: printed as it is."""

    __slots__ = ()


def escape(text: str) -> str:
    """``text`` as Markdown that reads exactly as ``text``, on one line, safe in a table cell."""
    one_line = " ".join(str(text).split("\n"))
    html_safe = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_PUNCTUATION.sub(lambda match: "\\" + match.group(0), html_safe)


def code(text: object) -> Trusted:
    """``text`` as a code span (file paths, names, values), safe in a table cell too."""
    one_line = " ".join(str(text).split("\n"))
    if not one_line.strip():
        return Trusted(escape(one_line))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", one_line)), default=0) + 1)
    padded = f" {one_line} " if one_line.startswith("`") or one_line.endswith("`") else one_line
    # A pipe ends a table cell even inside a code span; GitHub reads \| there as a pipe.
    return Trusted(fence + padded.replace("|", "\\|") + fence)


def _finalize(value: Any) -> str:
    if isinstance(value, Trusted):
        return value
    if isinstance(value, bool) or value is None:
        return escape(str(value))
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return escape(str(value))


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("speclint.report", "templates"),
        autoescape=False,  # HTML escaping is not Markdown escaping: _finalize does that
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["code"] = code
    environment.filters["trusted"] = Trusted
    environment.filters["place"] = lambda location: code(_place(location))
    environment.globals["plural"] = _plural
    return environment


def _plural(count: int, word: str) -> str:
    return f"{_finalize(count)} {word}{'' if count == 1 else 's'}"


def _place(location: Location) -> str:
    return f"{location.file}:{location.line}"


def render(view: Overview, *, title: str, max_characters: int = MAX_CHARACTERS) -> str:
    findings_total, sections_total = view.finding_count, len(view.sections)

    def attempt(findings: int, sections: int) -> str:
        return _render(view, title, findings, sections)

    # Render only as much as could fit: a report of 100,000 findings is never written whole.
    most = max_characters // SHORTEST_ITEM
    text = attempt(min(findings_total, most), min(sections_total, most))
    if len(text) <= max_characters:
        return text
    findings = _most(lambda k: len(attempt(k, 0)) <= max_characters, min(findings_total, most))
    sections = _most(
        lambda k: len(attempt(findings, k)) <= max_characters, min(sections_total, most)
    )
    text = attempt(findings, sections)
    if len(text) > max_characters:  # even the summary does not fit (thousands of errors)
        note = f"\n\n… cut at {max_characters:,} characters.\n"
        text = text[: max_characters - len(note)] + note
    return text


def _most(fits: Callable[[int], bool], upper: int) -> int:
    """The largest k in 0..upper for which ``fits(k)`` holds (0 when none does); ``fits`` holds
    for every k below one for which it holds."""
    low, high = 0, upper
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _render(view: Overview, title: str, findings: int, sections: int) -> str:
    groups = []
    budget = findings
    for group in view.rules:
        shown = group.findings[:budget]
        budget -= len(shown)
        groups.append((group, shown))
    return (
        _environment()
        .get_template("report.md.j2")
        .render(
            view=view,
            title=title,
            groups=groups,
            sections=view.sections[:sections],
            hidden_findings=view.finding_count - findings,
            hidden_sections=len(view.sections) - sections,
            fold_findings_above=FOLD_FINDINGS_ABOVE,
            fold_sections_above=FOLD_SECTIONS_ABOVE,
        )
    )
