"""SARIF 2.1.0: what GitHub code scanning and most CI dashboards ingest."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from speclint import __version__
from speclint.check.plugins import load_rules
from speclint.lint import LintResult
from speclint.model import Diagnostic, Location, Severity
from speclint.rule import Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "speclint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_DRIVE = re.compile(r"[A-Za-z]:/")


def fingerprints(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """One stable, report-unique fingerprint per diagnostic, in order."""
    seen: Counter[str] = Counter()
    prints = []
    for diagnostic in diagnostics:
        basis = diagnostic.fingerprint
        seen[basis] += 1
        # Equal findings (two schema violations of one record) must stay distinct, or GitLab
        # merges them; numbering repeats keeps the first one's fingerprint the plain one.
        if seen[basis] == 1:
            prints.append(basis)
        else:
            prints.append(hashlib.sha256(f"{basis}#{seen[basis]}".encode()).hexdigest())
    return prints


def artifact_uri(path: str) -> str:
    """A URI reference for a display path (relative POSIX as given; percent-encoded)."""
    if _DRIVE.match(path):
        # "C:/x.md" would parse as a URI with scheme "c"
        return "file:///" + quote(path, safe="/:")
    return quote(path, safe="/")


def _message(text: str) -> dict[str, str]:
    return {"text": text}


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    """The driver's metadata for one rule, documentation included."""
    documentation = rule.documentation()
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": _message(rule.summary() or rule.name),
    }
    if documentation:
        descriptor["fullDescription"] = _message(documentation)
        descriptor["help"] = {"text": documentation, "markdown": documentation}
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    return descriptor


def _unknown_descriptor(diagnostic: Diagnostic) -> dict[str, Any]:
    """Metadata for a rule load_rules() does not list (a plugin named only in the config)."""
    return {
        "id": diagnostic.code,
        "name": diagnostic.rule,
        "shortDescription": _message(diagnostic.rule),
    }


def descriptors(result: LintResult) -> list[dict[str, Any]]:
    """Every rule speclint knows, then any rule that reported but is not registered."""
    classes = [type(rule) for rule in result.rules] or list(load_rules().rules)
    listed = [rule_descriptor(rule) for rule in classes]
    known = {d["id"] for d in listed}
    for diagnostic in result.diagnostics:
        if diagnostic.code not in known:
            known.add(diagnostic.code)
            listed.append(_unknown_descriptor(diagnostic))
    return listed


def physical_location(location: Location) -> dict[str, Any]:
    """Where a location is, as SARIF names a file and a place in it."""
    region: dict[str, int] = {}
    # SARIF lines and columns start at 1; a 0 means "unknown", so leave it out.
    if location.line >= 1:
        region["startLine"] = location.line
        if location.column >= 1:
            region["startColumn"] = location.column
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(location.file)}}
    if region:
        physical["region"] = region
    return physical


def sarif_result(diagnostic: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, Any]:
    """One SARIF result for one diagnostic."""
    found: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        "message": _message(diagnostic.message),
        "locations": [{"physicalLocation": physical_location(diagnostic.location)}],
    }
    if diagnostic.related:
        found["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": physical_location(related.location),
                "message": _message(related.message),
            }
            for number, related in enumerate(diagnostic.related, start=1)
        ]
    found["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    return found


def _invocation(errors: Sequence[str]) -> dict[str, Any]:
    """Whether the run finished; unreadable files and failed rules go here, not into results."""
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": _message(error)} for error in errors
        ]
    return invocation


def report(result: LintResult) -> dict[str, Any]:
    """The SARIF log: one run, every known rule, one result per diagnostic."""
    rules = descriptors(result)
    index = {descriptor["id"]: number for number, descriptor in enumerate(rules)}
    results = [
        sarif_result(diagnostic, index[diagnostic.code], fingerprint)
        for diagnostic, fingerprint in zip(
            result.diagnostics, fingerprints(result.diagnostics), strict=True
        )
    ]
    run = {
        "tool": {"driver": {"name": "speclint", "version": __version__, "rules": rules}},
        "invocations": [_invocation(result.errors)],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: LintResult) -> str:
    return json.dumps(report(result), ensure_ascii=False, indent=2) + "\n"
