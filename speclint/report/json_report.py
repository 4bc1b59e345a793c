"""The JSON report (``schemas/report.schema.json``): what CI tools and scripts read."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from speclint import __version__
from speclint.lint import LintResult


def report(result: LintResult) -> dict[str, Any]:
    counts = Counter(d.severity.value for d in result.diagnostics)
    return {
        "tool": {"name": "speclint", "version": __version__},
        "files": [
            {
                "path": f.path,
                "records": result.tally(f).records,
                "tables": sum(1 for t in f.tables if not t.skipped),
                "skipped_tables": [
                    {"line": t.line, "reason": t.skipped} for t in f.tables if t.skipped
                ],
            }
            for f in result.files
        ],
        "record_count": result.record_count,
        "summary": {level: counts.get(level, 0) for level in ("error", "warning", "info")},
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "errors": list(result.errors),
    }


def render(result: LintResult) -> str:
    return json.dumps(report(result), ensure_ascii=False, indent=2) + "\n"
