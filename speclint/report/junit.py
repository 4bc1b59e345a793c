"""JUnit XML: the test report GitLab and Jenkins show, one failing test case per rule and file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from itertools import groupby

from speclint.lint import LintResult
from speclint.model import Diagnostic
from speclint.report.text import plural, with_related

OVERALL = "speclint"
# XML 1.0 cannot carry most C0 controls, even escaped; a page's stray byte must not break the file.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _element(tag: str, text: str = "", **attributes: str | int) -> ET.Element:
    element = ET.Element(tag, {key: _clean(str(value)) for key, value in attributes.items()})
    if text:
        element.text = _clean(text)
    return element


def finding_line(diagnostic: Diagnostic) -> str:
    """``file:line:col: message``, the form editors and CI logs link."""
    return f"{diagnostic.location}: {with_related(diagnostic)}"


def failing_case(suite: str, path: str, findings: Sequence[Diagnostic]) -> ET.Element:
    """The test case of one rule on one file, failing with each finding on its own line."""
    case = _element("testcase", classname=suite, name=path)
    headline = finding_line(findings[0])
    if len(findings) > 1:
        headline += f" (and {plural(len(findings) - 1, 'more finding')})"
    lines = "\n".join(finding_line(d) for d in findings)
    case.append(_element("failure", lines, message=headline, type=findings[0].code))
    return case


def rule_suite(code: str, rule: str, findings: Sequence[Diagnostic]) -> ET.Element:
    """One suite per rule that reported, with a failing case per file it reported on."""
    name = f"{code} {rule}"
    by_file = sorted(findings, key=Diagnostic.sort_key)
    cases = [failing_case(name, path, list(group)) for path, group in groupby(by_file, _file)]
    suite = _element("testsuite", name=name, tests=len(cases), failures=len(cases), errors=0)
    suite.extend(cases)
    return suite


def _file(diagnostic: Diagnostic) -> str:
    return diagnostic.file


def overall_suite(result: LintResult) -> ET.Element | None:
    """Passing cases for files without findings, and an erroring case per lint error."""
    reported = {d.file for d in result.diagnostics}
    cases = [
        _element("testcase", classname=OVERALL, name=f.path)
        for f in result.files
        if f.path not in reported
    ]
    for error in result.errors:
        case = _element("testcase", classname=OVERALL, name=error)
        case.append(_element("error", message=error, type="error"))
        cases.append(case)
    if not cases:
        return None
    errors = len(result.errors)
    suite = _element("testsuite", name=OVERALL, tests=len(cases), failures=0, errors=errors)
    suite.extend(cases)
    return suite


def _by_rule(diagnostics: Sequence[Diagnostic]) -> dict[tuple[str, str], list[Diagnostic]]:
    grouped: dict[tuple[str, str], list[Diagnostic]] = {}
    for diagnostic in sorted(diagnostics, key=lambda d: (d.code, d.rule)):
        grouped.setdefault((diagnostic.code, diagnostic.rule), []).append(diagnostic)
    return grouped


def document(result: LintResult) -> ET.Element:
    """The <testsuites> root: a suite per reporting rule, then the overall suite."""
    suites = [
        rule_suite(code, rule, found)
        for (code, rule), found in _by_rule(result.diagnostics).items()
    ]
    overall = overall_suite(result)
    if overall is not None:
        suites.append(overall)
    root = _element(
        "testsuites",
        name=OVERALL,
        tests=sum(int(s.get("tests", 0)) for s in suites),
        failures=sum(int(s.get("failures", 0)) for s in suites),
        errors=sum(int(s.get("errors", 0)) for s in suites),
    )
    root.extend(suites)
    return root


def render(result: LintResult) -> str:
    root = document(result)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
