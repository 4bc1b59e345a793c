"""The CI formats (SARIF, JUnit, GitHub annotations, GitLab Code Quality) from one lint result."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from speclint import __version__
from speclint.check.plugins import load_rules
from speclint.lint import LintResult
from speclint.model import Diagnostic, Location, ParsedFile, Related, Severity
from speclint.report import REPORTERS, github, gitlab, junit, sarif

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PAGE = ROOT / "examples" / "status-codes.zh.md"
EXAMPLE = "examples/status-codes.zh.md"  # how speclint names the page when run from ROOT
# The official OASIS schema: the shared reference copy when it sits beside the checkout, else the
# copy vendored in tests/fixtures/reference so the check never silently skips.
SARIF_SCHEMA = next(
    path
    for path in (
        ROOT.parent / "shared" / "reference" / "sarif-schema-2.1.0.json",
        ROOT / "tests" / "fixtures" / "reference" / "sarif-schema-2.1.0.json",
    )
    if path.is_file()
)

Run = Callable[..., Any]

DUPLICATE = Diagnostic(
    code="SL101",
    rule="duplicate-value",
    severity=Severity.ERROR,
    message="value 5 of B is already used by A",
    location=Location("docs/a.md", 4, 7),
    related=(Related(Location("docs/a.md", 3, 7), "A uses 5 here"),),
    subject=("A=5", "B=5"),
)
RAGGED = Diagnostic(
    code="SL002",
    rule="malformed-table",
    severity=Severity.WARNING,
    message="row has 2 cells, the header 3",
    location=Location("docs/a.md", 9, 1),
    subject=("| B | 5 |",),
)
# A rule load_rules() does not know, with every character GitHub makes us escape.
PLUGIN = Diagnostic(
    code="SL900",
    rule="house-style",
    severity=Severity.INFO,
    message="100% sure,\r\nsee: a, b",
    location=Location("docs/we,ird:name.md", 2, 3),
)


def result_of(
    diagnostics: Sequence[Diagnostic],
    files: Sequence[str] = ("docs/a.md", "docs/clean.md", "docs/we,ird:name.md"),
    errors: Sequence[str] = (),
) -> LintResult:
    # by keyword: ParsedFile is growing fields the reporters never read
    parsed = tuple(ParsedFile(path=path, records=(), tables=(), problems=()) for path in files)
    return LintResult(parsed, tuple(sorted(diagnostics, key=Diagnostic.sort_key)), tuple(errors))


SMALL = result_of([DUPLICATE, RAGGED, PLUGIN])


def sha256(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def moved(diagnostic: Diagnostic, lines: int) -> Diagnostic:
    """The same finding after rows above it were added."""
    where = diagnostic.location
    related = tuple(
        replace(r, location=replace(r.location, line=r.location.line + lines))
        for r in diagnostic.related
    )
    return replace(diagnostic, location=replace(where, line=where.line + lines), related=related)


def check_example(run_cli: Run, output_format: str) -> str:
    run = run_cli("check", "--output-format", output_format, str(EXAMPLE_PAGE), cwd=ROOT)
    assert run.code == 1, run.err
    return run.out


def test_every_ci_format_is_registered() -> None:
    assert {"sarif", "junit", "github", "gitlab"} <= set(REPORTERS)


# --- SARIF -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    # The schema's own $schema names its draft (draft-04 for the OASIS file).
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def run_of(log: dict[str, Any]) -> dict[str, Any]:
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    return log["runs"][0]


def test_sarif_on_the_example_page_is_valid_and_has_both_findings(
    run_cli: Run, sarif_validator: jsonschema.protocols.Validator
) -> None:
    log = json.loads(check_example(run_cli, "sarif"))
    sarif_validator.validate(log)
    run = run_of(log)
    rules = run["tool"]["driver"]["rules"]
    found = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in run["results"]
    }
    assert {("SL101", 110), ("SL103", 28)} <= found
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == EXAMPLE
    duplicate = next(r for r in run["results"] if r["ruleId"] == "SL101")
    assert duplicate["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 109
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_of_a_hand_built_result_is_valid(
    sarif_validator: jsonschema.protocols.Validator,
) -> None:
    sarif_validator.validate(
        json.loads(
            sarif.render(result_of([DUPLICATE, RAGGED, PLUGIN], errors=["x.md: cannot read"]))
        )
    )
    sarif_validator.validate(json.loads(sarif.render(result_of([]))))
    # the validator does reject: a level SARIF does not have
    broken = sarif.report(SMALL)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not sarif_validator.is_valid(broken)


def test_sarif_driver_describes_every_known_rule() -> None:
    run = run_of(sarif.report(SMALL))
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("speclint", __version__)
    assert run["columnKind"] == "unicodeCodePoints"
    known = load_rules().rules
    assert [d["id"] for d in driver["rules"][: len(known)]] == [r.code for r in known]
    for descriptor, rule in zip(driver["rules"], known, strict=False):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"] == {"text": rule.summary()}
        assert descriptor["fullDescription"] == {"text": rule.documentation()}
        assert descriptor["help"] == {
            "text": rule.documentation(),
            "markdown": rule.documentation(),
        }
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
        assert descriptor["defaultConfiguration"] == {"level": level}
    # a rule that reported but is not registered still gets an entry for its ruleIndex
    assert driver["rules"][-1] == {
        "id": "SL900",
        "name": "house-style",
        "shortDescription": {"text": "house-style"},
    }


def test_sarif_results_are_exact() -> None:
    run = run_of(sarif.report(SMALL))
    index = {d["id"]: n for n, d in enumerate(run["tool"]["driver"]["rules"])}
    assert run["results"] == [
        {
            "ruleId": "SL101",
            "ruleIndex": index["SL101"],
            "level": "error",
            "message": {"text": "value 5 of B is already used by A"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "docs/a.md"},
                        "region": {"startLine": 4, "startColumn": 7},
                    }
                }
            ],
            "relatedLocations": [
                {
                    "id": 1,
                    "physicalLocation": {
                        "artifactLocation": {"uri": "docs/a.md"},
                        "region": {"startLine": 3, "startColumn": 7},
                    },
                    "message": {"text": "A uses 5 here"},
                }
            ],
            "partialFingerprints": {"speclint/v1": sha256("SL101", "A=5", "B=5")},
        },
        {
            "ruleId": "SL002",
            "ruleIndex": index["SL002"],
            "level": "warning",
            "message": {"text": "row has 2 cells, the header 3"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "docs/a.md"},
                        "region": {"startLine": 9, "startColumn": 1},
                    }
                }
            ],
            "partialFingerprints": {"speclint/v1": sha256("SL002", "| B | 5 |")},
        },
        {
            "ruleId": "SL900",
            "ruleIndex": index["SL900"],
            "level": "note",
            "message": {"text": "100% sure,\r\nsee: a, b"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "docs/we%2Cird%3Aname.md"},
                        "region": {"startLine": 2, "startColumn": 3},
                    }
                }
            ],
            # no subject: the finding is known by its file and message instead
            "partialFingerprints": {
                "speclint/v1": sha256("SL900", "docs/we,ird:name.md", "100% sure,\r\nsee: a, b")
            },
        },
    ]


def test_sarif_reports_lint_errors_as_a_failed_invocation() -> None:
    run = run_of(sarif.report(result_of([], errors=["docs/b.md: not UTF-8"])))
    assert run["invocations"] == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": "docs/b.md: not UTF-8"}}
            ],
        }
    ]
    assert run["results"] == []


def test_sarif_leaves_out_positions_that_are_unknown() -> None:
    nowhere = replace(PLUGIN, location=Location("docs/a.md", 0, 0))
    located = sarif.physical_location(nowhere.location)
    assert located == {"artifactLocation": {"uri": "docs/a.md"}}
    assert sarif.physical_location(Location("a.md", 3, 0))["region"] == {"startLine": 3}


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("docs/errors.md", "docs/errors.md"),
        ("../other/errors.md", "../other/errors.md"),
        ("错误码 表.md", "%E9%94%99%E8%AF%AF%E7%A0%81%20%E8%A1%A8.md"),
        ("/abs/errors.md", "/abs/errors.md"),
        ("C:/docs/errors.md", "file:///C:/docs/errors.md"),
    ],
)
def test_sarif_uris_are_the_display_path_percent_encoded(path: str, uri: str) -> None:
    assert sarif.artifact_uri(path) == uri


# --- fingerprints ----------------------------------------------------------------------------


def test_fingerprints_survive_rows_moving() -> None:
    before = result_of([DUPLICATE, RAGGED, PLUGIN])
    after = result_of([moved(DUPLICATE, 40), moved(RAGGED, 2), moved(PLUGIN, 7)])
    assert [d.line for d in after.diagnostics] != [d.line for d in before.diagnostics]

    def sarif_prints(result: LintResult) -> dict[str, str]:
        results = run_of(sarif.report(result))["results"]
        return {r["ruleId"]: r["partialFingerprints"]["speclint/v1"] for r in results}

    def gitlab_prints(result: LintResult) -> dict[str, str]:
        return {i["check_name"]: i["fingerprint"] for i in gitlab.report(result)}

    assert sarif_prints(after) == sarif_prints(before)
    assert gitlab_prints(after) == gitlab_prints(before)
    # both formats fingerprint a finding the same way
    assert gitlab_prints(before) == sarif_prints(before)


def test_fingerprints_tell_findings_apart() -> None:
    other = replace(DUPLICATE, subject=("A=5", "C=5"))
    prints = sarif.fingerprints([DUPLICATE, other, RAGGED, PLUGIN])
    assert len(set(prints)) == 4


def test_equal_findings_still_get_distinct_fingerprints() -> None:
    # e.g. two schema violations of one record: same code and subject, different cells
    first = replace(RAGGED, location=Location("docs/a.md", 9, 1), message="name is empty")
    second = replace(RAGGED, location=Location("docs/a.md", 9, 5), message="value is not a number")
    prints = sarif.fingerprints([first, second])
    assert prints[0] == sha256("SL002", "| B | 5 |")
    assert prints[1] == hashlib.sha256(f"{prints[0]}#2".encode()).hexdigest()
    issues = gitlab.report(result_of([first, second]))
    assert len({i["fingerprint"] for i in issues}) == 2


# --- JUnit -----------------------------------------------------------------------------------


def counts(element: ET.Element) -> tuple[int, int, int]:
    """The element's (tests, failures, errors) attributes."""
    tests, failures, errors = (int(element.get(k, "0")) for k in ("tests", "failures", "errors"))
    return tests, failures, errors


def check_counts(root: ET.Element) -> None:
    """Every suite's counts match its cases, and the root's match the suites."""
    totals = [0, 0, 0]
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        failures = sum(1 for c in cases if c.find("failure") is not None)
        errors = sum(1 for c in cases if c.find("error") is not None)
        assert counts(suite) == (len(cases), failures, errors)
        totals = [t + n for t, n in zip(totals, counts(suite), strict=True)]
    assert counts(root) == tuple(totals)


def test_junit_on_the_example_page_fails_both_rules_with_file_and_line(run_cli: Run) -> None:
    out = check_example(run_cli, "junit")
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    check_counts(root)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    for suite_name, where in [("SL101 duplicate-value", 110), ("SL103 name-collision", 28)]:
        (case,) = suites[suite_name].findall("testcase")
        assert (case.get("classname"), case.get("name")) == (suite_name, EXAMPLE)
        failure = case.find("failure")
        assert failure is not None
        assert failure.get("type") == suite_name.split()[0]
        assert f"{EXAMPLE}:{where}:" in (failure.text or "")
        assert (failure.get("message") or "").startswith(f"{EXAMPLE}:{where}:")
    assert int(root.get("failures", "0")) >= 2


def test_junit_output_is_exact() -> None:
    again = replace(
        DUPLICATE,
        message="value 5 of D is already used by A",
        location=Location("docs/a.md", 12, 7),
        subject=("A=5", "D=5"),
    )
    result = result_of([DUPLICATE, again, PLUGIN], errors=["docs/b.md: not UTF-8"])
    assert junit.render(result) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="speclint" tests="4" failures="2" errors="1">\n'
        '  <testsuite name="SL101 duplicate-value" tests="1" failures="1" errors="0">\n'
        '    <testcase classname="SL101 duplicate-value" name="docs/a.md">\n'
        '      <failure message="docs/a.md:4:7: value 5 of B is already used by A (see docs/a.md:3)'
        ' (and 1 more finding)" type="SL101">'
        "docs/a.md:4:7: value 5 of B is already used by A (see docs/a.md:3)\n"
        "docs/a.md:12:7: value 5 of D is already used by A (see docs/a.md:3)</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        '  <testsuite name="SL900 house-style" tests="1" failures="1" errors="0">\n'
        '    <testcase classname="SL900 house-style" name="docs/we,ird:name.md">\n'
        '      <failure message="docs/we,ird:name.md:2:3: 100% sure,&#13;&#10;see: a, b"'
        ' type="SL900">docs/we,ird:name.md:2:3: 100% sure,\r\nsee: a, b</failure>\n'
        "    </testcase>\n"
        "  </testsuite>\n"
        '  <testsuite name="speclint" tests="2" failures="0" errors="1">\n'
        '    <testcase classname="speclint" name="docs/clean.md" />\n'
        '    <testcase classname="speclint" name="docs/b.md: not UTF-8">\n'
        '      <error message="docs/b.md: not UTF-8" type="error" />\n'
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    )
    check_counts(ET.fromstring(junit.render(result)))


def test_junit_clean_run_still_has_a_passing_test_per_file() -> None:
    root = ET.fromstring(junit.render(result_of([])))
    check_counts(root)
    assert counts(root) == (3, 0, 0)
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == ["docs/a.md", "docs/clean.md", "docs/we,ird:name.md"]
    assert {c.get("classname") for c in root.iter("testcase")} == {"speclint"}


def test_junit_survives_characters_xml_cannot_carry() -> None:
    odd = replace(PLUGIN, message="bell\x07 and \x00nul")
    root = ET.fromstring(junit.render(result_of([odd])))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.text == "docs/we,ird:name.md:2:3: bell\ufffd and \ufffdnul"


# --- GitHub ----------------------------------------------------------------------------------


def test_github_on_the_example_page_annotates_both_findings(run_cli: Run) -> None:
    lines = check_example(run_cli, "github").splitlines()
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines)
    prefixes = [
        f"::error file={EXAMPLE},line=110,col=41,title=SL101 duplicate-value::",
        f"::error file={EXAMPLE},line=28,col=3,title=SL103 name-collision::",
    ]
    for prefix in prefixes:
        assert any(line.startswith(prefix) for line in lines), prefix


def test_github_output_is_exact_and_escaped() -> None:
    result = result_of([DUPLICATE, RAGGED, PLUGIN], errors=["docs/b.md: 50% read,\nthen failed"])
    assert github.render(result) == (
        "::error file=docs/a.md,line=4,col=7,title=SL101 duplicate-value::"
        "value 5 of B is already used by A (see docs/a.md:3)\n"
        "::warning file=docs/a.md,line=9,col=1,title=SL002 malformed-table::"
        "row has 2 cells, the header 3\n"
        "::notice file=docs/we%2Cird%3Aname.md,line=2,col=3,title=SL900 house-style::"
        "100%25 sure,%0D%0Asee: a, b\n"
        "::error title=speclint::docs/b.md: 50%25 read,%0Athen failed\n"
    )


def test_github_escaping_rules() -> None:
    assert github.escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert github.escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    # % first, or the escapes themselves would be escaped again
    assert github.escape_property("%3A") == "%253A"


def test_github_clean_run_prints_nothing() -> None:
    assert github.render(result_of([])) == ""


# --- GitLab ----------------------------------------------------------------------------------

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def check_gitlab_issue(item: dict[str, Any]) -> None:
    assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(item)
    assert item["severity"] in GITLAB_SEVERITIES
    assert isinstance(item["description"], str)
    assert item["description"]
    assert isinstance(item["fingerprint"], str)
    assert item["fingerprint"]
    assert isinstance(item["location"]["path"], str)
    begin = item["location"]["lines"]["begin"]
    assert isinstance(begin, int)
    assert begin >= 1


def test_gitlab_on_the_example_page_lists_both_findings(run_cli: Run) -> None:
    issues = json.loads(check_example(run_cli, "gitlab"))
    assert isinstance(issues, list)
    for item in issues:
        check_gitlab_issue(item)
    found = {
        (i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues
    }
    assert {("SL101", EXAMPLE, 110), ("SL103", EXAMPLE, 28)} <= found
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_output_is_exact() -> None:
    nowhere = replace(RAGGED, location=Location("docs/a.md", 0, 0))
    issues = gitlab.report(result_of([DUPLICATE, nowhere, PLUGIN]))
    for item in issues:
        check_gitlab_issue(item)
    assert issues == [
        {
            "description": "SL002 malformed-table: row has 2 cells, the header 3",
            "check_name": "SL002",
            "fingerprint": sha256("SL002", "| B | 5 |"),
            "severity": "minor",
            "location": {"path": "docs/a.md", "lines": {"begin": 1}},
        },
        {
            "description": "SL101 duplicate-value: value 5 of B is already used by A (see docs/a.md:3)",
            "check_name": "SL101",
            "fingerprint": sha256("SL101", "A=5", "B=5"),
            "severity": "major",
            "location": {"path": "docs/a.md", "lines": {"begin": 4}},
        },
        {
            "description": "SL900 house-style: 100% sure,\r\nsee: a, b",
            "check_name": "SL900",
            "fingerprint": sha256("SL900", "docs/we,ird:name.md", "100% sure,\r\nsee: a, b"),
            "severity": "info",
            "location": {"path": "docs/we,ird:name.md", "lines": {"begin": 2}},
        },
    ]
    assert json.loads(gitlab.render(result_of([DUPLICATE, nowhere, PLUGIN]))) == issues


def test_gitlab_clean_run_is_an_empty_array() -> None:
    assert gitlab.render(result_of([])) == "[]\n"
