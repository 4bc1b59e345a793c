"""Third-party rules: installed as a user would, found through the same entry points as built-ins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PLUGINS = ROOT / "tests" / "plugins"
PAGE = """\
| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| ERRCODE_A | 1 | TODO |
| ERRCODE_B | 1 | FIXME later |
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin, pip-installed into a folder put on the path of each run."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(PLUGINS / "speclint-example-plugin")],
        check=True,
    )  # fmt: skip
    # A distribution whose entry point names a module that does not exist.
    ghost = target / "ghost_rules-2.0.dist-info"
    ghost.mkdir()
    (ghost / "METADATA").write_text("Metadata-Version: 2.1\nName: ghost-rules\nVersion: 2.0\n")
    (ghost / "entry_points.txt").write_text("[speclint.rules]\nghost = no_such_module:Ghost\n")
    return target


def speclint(
    site: Path, cwd: Path, *args: str, ghost: bool = False
) -> subprocess.CompletedProcess[str]:
    if not ghost:
        # Hide the ghost distribution unless a test wants it: its import error would exit 2.
        (site / "ghost_rules-2.0.dist-info").rename(site / "ghost_rules-2.0.hidden")
    try:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(PLUGINS)])}
        return subprocess.run(
            [sys.executable, "-m", "speclint", *args],
            capture_output=True, text=True, cwd=cwd, env=env, check=False,
        )  # fmt: skip
    finally:
        if not ghost:
            (site / "ghost_rules-2.0.hidden").rename(site / "ghost_rules-2.0.dist-info")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "codes.md"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_installed_plugin_rule_runs_next_to_the_built_ins(site: Path, page: Path) -> None:
    run = speclint(site, page.parent, "check", "codes.md")
    assert run.returncode == 1, run.stderr
    assert "codes.md:3:19: SL801 [warning] ERRCODE_A has a placeholder meaning" in run.stdout
    assert "codes.md:4:15: SL101 [error]" in run.stdout


def test_plugin_rule_is_listed_and_documented(site: Path, page: Path) -> None:
    assert "SL801  placeholder-description" in speclint(site, page.parent, "rules").stdout
    assert "## Why it matters" in speclint(site, page.parent, "rule", "SL801").stdout


def test_plugin_rule_can_be_selected_and_ignored(site: Path, page: Path) -> None:
    only = speclint(site, page.parent, "check", "--select", "SL801", "codes.md")
    assert [line.split()[1] for line in only.stdout.splitlines()[:-1]] == ["SL801"]
    ignored = speclint(
        site, page.parent, "check", "--ignore", "placeholder-description", "codes.md"
    )
    assert "SL801" not in ignored.stdout
    assert "SL101" in ignored.stdout


def test_plugin_rule_options_come_from_the_configuration(site: Path, page: Path) -> None:
    (page.parent / "speclint.toml").write_text(
        '[rules.placeholder-description]\nwords = ["FIXME"]\n'
    )
    run = speclint(site, page.parent, "check", "--select", "SL801", "codes.md")
    assert "codes.md:4:" in run.stdout
    assert "codes.md:3:" not in run.stdout


def test_bad_plugin_option_is_a_configuration_error(site: Path, page: Path) -> None:
    (page.parent / "speclint.toml").write_text('[rules.SL801]\nwords = "FIXME"\n')
    run = speclint(site, page.parent, "check", "codes.md")
    assert run.returncode == 2
    assert "speclint.toml: rules.placeholder-description.words: expected a list" in run.stderr


def test_crashing_plugin_is_named_and_the_other_findings_still_print(
    site: Path, page: Path
) -> None:
    (page.parent / "speclint.toml").write_text('plugins = ["speclint_broken_rules:Crashing"]\n')
    run = speclint(site, page.parent, "check", "codes.md")
    assert run.returncode == 2
    assert (
        "codes.md:1:1: SL000 [error] rule SL802 crashing-rule (speclint_broken_rules) failed on "
        "codes.md: RuntimeError: boom (internal-error)" in run.stdout
    )
    assert "SL101" in run.stdout
    assert "Traceback" not in run.stderr


def test_plugin_yielding_garbage_is_reported(site: Path, page: Path) -> None:
    (page.parent / "speclint.toml").write_text('plugins = ["speclint_broken_rules:Malformed"]\n')
    run = speclint(site, page.parent, "check", "codes.md")
    assert run.returncode == 2
    assert (
        "SL000 [error] rule SL803 malformed-rule (speclint_broken_rules) failed on codes.md: "
        "yielded 'not a diagnostic', not a speclint Diagnostic" in run.stdout
    )


def test_plugin_that_is_not_a_rule_is_reported(site: Path, page: Path) -> None:
    (page.parent / "speclint.toml").write_text('plugins = ["speclint_broken_rules:NotARule"]\n')
    run = speclint(site, page.parent, "check", "codes.md")
    assert run.returncode == 2
    assert "plugin 'speclint_broken_rules:NotARule': not a valid rule" in run.stderr
    assert "SL101" in run.stdout


def test_plugin_that_fails_to_import_names_its_distribution(site: Path, page: Path) -> None:
    run = speclint(site, page.parent, "check", "codes.md", ghost=True)
    assert run.returncode == 2
    assert (
        "plugin 'ghost' (no_such_module:Ghost, from ghost-rules 2.0): failed to import: "
        "ModuleNotFoundError" in run.stderr
    )
    assert "SL101" in run.stdout
