"""Faulty rules are isolated: an SL000 finding names the rule and where it failed, every other
rule's findings are still reported, and the exit code is 2. Only an interrupt stops the run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from speclint.check.isolate import diagnostic_problem
from speclint.check.plugins import load_rules
from speclint.model import Diagnostic, Location, Severity
from tests.conftest import ROOT, Run

RunCli = Callable[..., Run]
PLUGINS = ROOT / "tests" / "plugins"
PAGE = """\
| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| E_A | 1 | 成功 |
| E_B | 1 | TODO |
| E_C | 2 | FIXME |
| E_D | 3 | TODO |
"""
SL101 = "p.md:4:9: SL101 [error] value 1 of E_B is already used by E_A"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(PLUGINS))
    return tmp_path


def with_plugin(project: Path, name: str, extra: str = "") -> None:
    (project / "speclint.toml").write_text(
        f'plugins = ["speclint_broken_rules:{name}"]\n{extra}', encoding="utf-8"
    )


def test_a_raising_rule_is_an_sl000_finding(project: Path, run_cli: RunCli) -> None:
    with_plugin(project, "Crashing")
    result = run_cli("check", "p.md", cwd=project)
    assert result.code == 2
    assert result.out.startswith(
        "p.md:1:1: SL000 [error] rule SL802 crashing-rule (speclint_broken_rules) failed on p.md: "
        "RuntimeError: boom (internal-error)\n"
    )
    assert SL101 in result.out
    assert result.err == ""  # the finding is the message, on the terminal already


def test_a_record_rule_names_the_record_it_failed_on_and_keeps_the_others(
    project: Path, run_cli: RunCli
) -> None:
    with_plugin(project, "FailsOnPlaceholders")
    result = run_cli("check", "--select", "SL000,SL805", "p.md", cwd=project)
    assert result.code == 2
    assert result.out.splitlines()[:-1] == [
        (
            "p.md:4:9: SL000 [error] rule SL805 fails-on-placeholders (speclint_broken_rules) failed "
            "on p.md, at E_B (1): ValueError: cannot judge E_B (internal-error)"
        ),
        "p.md:5:9: SL805 [info] E_C needs a meaning (fails-on-placeholders)",
        (
            "p.md:6:9: SL000 [error] rule SL805 fails-on-placeholders (speclint_broken_rules) failed "
            "on p.md, at E_D (3): ValueError: cannot judge E_D (internal-error)"
        ),
    ]


def test_system_exit_in_a_rule_does_not_end_the_run(project: Path, run_cli: RunCli) -> None:
    with_plugin(project, "Exits")
    result = run_cli("check", "p.md", cwd=project)
    assert result.code == 2  # SystemExit(0) used to make a failing lint exit 0
    assert "SL000 [error] rule SL806 exiting-rule" in result.out
    assert "failed on p.md: SystemExit: 0" in result.out
    assert SL101 in result.out


def test_an_interrupt_stops_the_run_with_one_line(project: Path, run_cli: RunCli) -> None:
    with_plugin(project, "Interrupted")
    result = run_cli("check", "p.md", cwd=project)
    assert result.code == 130
    assert result.err == "speclint: interrupted\n"


def test_malformed_diagnostics_are_refused_and_good_ones_kept(
    project: Path, run_cli: RunCli
) -> None:
    with_plugin(project, "NoneFields")
    result = run_cli("check", "--select", "SL000,SL809", "p.md", cwd=project)
    assert result.code == 2
    assert result.out.startswith(
        "p.md:1:1: SL000 [error] rule SL809 none-fields (speclint_broken_rules) failed on p.md: "
        "yielded a Diagnostic whose message is None (and 7 more) (internal-error)\n"
    )
    assert result.out.count("SL809 [error] fine (none-fields)") == 4


@pytest.mark.parametrize(
    ("diagnostic", "problem"),
    [
        (None, "None, not a speclint Diagnostic"),
        ({"code": "SL805"}, "{'code': 'SL805'}, not a speclint Diagnostic"),
        (
            Diagnostic("SL805", "x", "error", "m", Location("p.md", 1)),  # type: ignore[arg-type]
            "a Diagnostic whose severity is 'error'",
        ),
        (
            Diagnostic("SL805", "x", Severity.ERROR, "m", Location("p.md", 1), subject=[]),  # type: ignore[arg-type]
            "a Diagnostic whose subject is []",
        ),
        (
            Diagnostic("SL805", "x", Severity.ERROR, "m", Location("", 1)),
            "a Diagnostic whose location has the file ''",
        ),
        (
            Diagnostic("SL805", "x", Severity.ERROR, "m", Location("p.md", -1)),
            "a Diagnostic whose location has the line -1",
        ),
        (
            Diagnostic("SL805", "x", Severity.ERROR, "m", Location("p.md", True)),
            "a Diagnostic whose location has the line True",
        ),
        (
            Diagnostic("SL805", "x", Severity.ERROR, "m", Location("p.md", 1), related=(None,)),  # type: ignore[arg-type]
            "a Diagnostic whose related entry is None",
        ),
        (
            Diagnostic("SL101", "x", Severity.ERROR, "m", Location("p.md", 1)),
            "a Diagnostic with the code 'SL101' of another rule",
        ),
        (Diagnostic("SL805", "x", Severity.ERROR, " ", Location("p.md", 1)), "without a message"),
        (Diagnostic("SL805", "x", Severity.ERROR, "fine", Location("p.md", 3, 9)), None),
    ],
)
def test_diagnostic_validation(diagnostic: object, problem: str | None) -> None:
    sys.path.insert(0, str(PLUGINS))
    try:
        from speclint_broken_rules import FailsOnPlaceholders
    finally:
        sys.path.remove(str(PLUGINS))
    found = diagnostic_problem(diagnostic, FailsOnPlaceholders())
    assert found == problem or (problem is not None and found is not None and problem in found)


def test_a_runaway_rule_is_stopped_by_the_timeout(project: Path, run_cli: RunCli) -> None:
    with_plugin(project, "Endless")
    started = time.monotonic()
    result = run_cli("check", "--rule-timeout", "0.3", "p.md", cwd=project)
    assert time.monotonic() - started < 10
    assert result.code == 2
    assert (
        "p.md:1:1: SL000 [error] rule SL808 endless-rule (speclint_broken_rules) failed on p.md: "
        "took longer than 0.3 s (--rule-timeout) and was stopped (internal-error)"
    ) in result.out
    assert SL101 in result.out


def test_rule_timeout_must_be_positive(project: Path, run_cli: RunCli) -> None:
    with pytest.raises(SystemExit) as stopped:
        run_cli("check", "--rule-timeout", "0", "p.md", cwd=project)
    assert stopped.value.code == 2


def test_ignoring_sl000_prints_failures_as_errors(project: Path, run_cli: RunCli) -> None:
    with_plugin(project, "Crashing", 'ignore = ["SL000"]\n')
    result = run_cli("check", "p.md", cwd=project)
    assert result.code == 2
    assert "SL000" not in result.out
    assert result.err == (
        "speclint: error: rule SL802 crashing-rule (speclint_broken_rules) failed on p.md: "
        "RuntimeError: boom\n"
    )


def test_failures_reach_stderr_when_the_report_goes_elsewhere(
    project: Path, run_cli: RunCli
) -> None:
    with_plugin(project, "Crashing")
    result = run_cli("check", "--output-format", "json", "p.md", cwd=project)
    assert result.code == 2
    report = json.loads(result.out)
    assert next(d["code"] for d in report["diagnostics"]) == "SL000"
    assert "rule SL802 crashing-rule" in result.err


def test_a_baseline_is_not_written_from_a_run_with_a_failing_rule(
    project: Path, run_cli: RunCli
) -> None:
    with_plugin(project, "Crashing")
    result = run_cli("check", "--write-baseline", "base.json", "p.md", cwd=project)
    assert result.code == 2
    assert not (project / "base.json").exists()


def test_a_plugin_cannot_take_a_built_in_code(tmp_path: Path) -> None:
    # Installed through an entry point whose name sorts before the built-in's.
    site = tmp_path / "site"
    dist = site / "impostor-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: impostor\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[speclint.rules]\naaa-impostor = speclint_broken_rules:Impostor\n"
    )
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(PLUGINS)])}
    run = subprocess.run(
        [sys.executable, "-m", "speclint", "check", "p.md"],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=False,
    )  # fmt: skip
    assert run.returncode == 2
    assert SL101 in run.stdout  # the built-in keeps its code
    assert (
        "plugin 'aaa-impostor' (speclint_broken_rules:Impostor, from impostor 1.0): rule code "
        "SL101 is already used by duplicate-value; this rule is not loaded" in run.stderr
    )


def test_the_built_in_rules_keep_their_codes() -> None:
    assert {rule.code: rule.name for rule in load_rules().rules}["SL101"] == "duplicate-value"
