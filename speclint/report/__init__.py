"""Reporters: each turns one finished lint result into one output format.

Every reporter reads the same ``LintResult``; none of them looks at the pages again. New formats
register here by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from speclint.lint import LintResult
from speclint.report import github, gitlab, json_report, junit, sarif, text


@dataclass(frozen=True, slots=True)
class ReportOptions:
    color: bool = False
    statistics: bool = False
    verbose: bool = False


Reporter = Callable[[LintResult, ReportOptions], str]

REPORTERS: dict[str, Reporter] = {
    "text": lambda result, options: text.render(
        result, color=options.color, statistics=options.statistics, verbose=options.verbose
    ),
    "json": lambda result, options: json_report.render(result),
    "sarif": lambda result, options: sarif.render(result),
    "junit": lambda result, options: junit.render(result),
    "github": lambda result, options: github.render(result),
    "gitlab": lambda result, options: gitlab.render(result),
}
