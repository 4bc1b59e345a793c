"""``speclint report``: one finished lint written as a standalone HTML or Markdown document.

The renderers (and Jinja2 with them) are imported only when a report is written, so that
``speclint check`` starts as fast as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from speclint.config import Settings
from speclint.lint import LintResult
from speclint.report.overview import overview

FORMATS = ("html", "markdown")
_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


class FormatError(ValueError):
    """The report's format cannot be told from what the user gave."""


def report_format(output: Path | None, chosen: str | None) -> str:
    """The format to write: ``chosen`` (``--format``), else the output file's extension."""
    if chosen is not None:
        return chosen
    if output is None:
        raise FormatError(
            "say which report to write to standard output: --format html or --format markdown"
        )
    found = _EXTENSIONS.get(output.suffix.lower())
    if found is None:
        raise FormatError(
            f"{output}: cannot tell the report format from the extension (.html or .md); "
            "pass --format html or --format markdown"
        )
    return found


def render(result: LintResult, settings: Settings, fmt: str, paths: Sequence[Path]) -> str:
    """The report of ``result`` in ``fmt`` (one of ``FORMATS``)."""
    view = overview(result, settings)
    title = " ".join(str(p) for p in paths)
    if fmt == "html":
        from speclint.report import html

        return html.render(view, title=title)
    from speclint.report import markdown_report

    return markdown_report.render(view, title=title)
