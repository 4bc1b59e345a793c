"""GitLab Code Quality: the JSON array the merge request widget compares between branches."""

from __future__ import annotations

import json
from typing import Any

from speclint.lint import LintResult
from speclint.model import Diagnostic, Severity
from speclint.report.sarif import fingerprints
from speclint.report.text import with_related

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(diagnostic: Diagnostic, fingerprint: str) -> dict[str, Any]:
    """One Code Quality issue; GitLab matches issues across branches by fingerprint alone."""
    return {
        "description": f"{diagnostic.code} {diagnostic.rule}: {with_related(diagnostic)}",
        "check_name": diagnostic.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[diagnostic.severity],
        # GitLab requires a line; a finding without one belongs to the top of the file.
        "location": {"path": diagnostic.file, "lines": {"begin": max(diagnostic.line, 1)}},
    }


def report(result: LintResult) -> list[dict[str, Any]]:
    prints = fingerprints(result.diagnostics)
    return [issue(d, p) for d, p in zip(result.diagnostics, prints, strict=True)]


def render(result: LintResult) -> str:
    return json.dumps(report(result), ensure_ascii=False, indent=2) + "\n"
