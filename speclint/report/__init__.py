"""Reporters: each turns one finished lint result into one output format.

Every reporter reads the same ``LintResult``; none of them looks at the pages again. New formats
register here by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from speclint.lint import LintResult


# The languages ``speclint export`` writes constants in (``report/constants.py``, imported only
# by an export).
CONSTANT_LANGUAGES = ("python", "typescript", "go")


@dataclass(frozen=True, slots=True)
class ReportOptions:
    color: bool = False
    statistics: bool = False
    verbose: bool = False


Reporter = Callable[["LintResult", ReportOptions], str]


def _render(module: str) -> Reporter:
    """A format's ``render``, imported when a run uses that format (a run uses one: importing
    them all costs a short run more than its linting)."""

    def render(result: LintResult, options: ReportOptions) -> str:
        found = importlib.import_module(f"speclint.report.{module}")
        if module == "text":
            return str(
                found.render(
                    result,
                    color=options.color,
                    statistics=options.statistics,
                    verbose=options.verbose,
                )
            )
        return str(found.render(result))

    return render


REPORTERS: dict[str, Reporter] = {
    "text": _render("text"),
    "json": _render("json_report"),
    "sarif": _render("sarif"),
    "junit": _render("junit"),
    "github": _render("github"),
    "gitlab": _render("gitlab"),
}
