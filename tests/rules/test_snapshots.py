"""Each rule's fixture pages, linted with the CLI as a user would, against reviewed snapshots.

``fixtures/<CODE>/fail.md`` must produce exactly the lines of ``fail.expected`` with
``--select CODE``, run from inside the fixture folder so that paths are relative to it;
``pass.md`` must produce nothing. A ``speclint.toml`` beside them sets the rule's options.
A rule about changes has the pages as they were too (``fail.base.md``, ``pass.base.md``): the
folder is then copied into a git repository whose one commit holds those, and linted with
``--base HEAD``, so that related locations read ``HEAD:fail.md:LINE``.
Run ``SPECLINT_UPDATE_SNAPSHOTS=1 pytest tests/rules`` to rewrite the snapshots, then review
the diff by eye.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from speclint.check.plugins import load_rules
from tests.gitrepo import GitRepo

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CODES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
UPDATE = os.environ.get("SPECLINT_UPDATE_SNAPSHOTS") == "1"
DIAGNOSTIC = re.compile(r"^\S+:\d+:\d+: SL\d{3} \[(error|warning|info)\] .+ \([a-z0-9-]+\)$")

# The rules speclint loads through its entry points, as a run would: a new rule without
# fixtures fails the test below.
LOADED = {rule.code for rule in load_rules().rules}


def diagnostic_lines(output: str) -> list[str]:
    """The findings of a text report, without the summary line (owned by the reporter)."""
    return [line for line in output.splitlines() if DIAGNOSTIC.match(line)]


def test_every_loaded_rule_has_fixtures() -> None:
    missing = sorted(LOADED - set(CODES))
    assert not missing, f"rules without tests/rules/fixtures/<CODE>/: {missing}"
    for code in LOADED:
        assert {"fail.md", "pass.md", "fail.expected"} <= {
            p.name for p in (FIXTURES / code).iterdir()
        }, code


def lint_fixture(
    folder: Path, page: str, code: str, run_cli: Callable[..., Any], tmp_path: Path
) -> Any:
    """``speclint check PAGE --select CODE`` in ``folder``, against the base pages if any."""
    if not (folder / page.replace(".md", ".base.md")).is_file():
        return run_cli("check", page, "--select", code, cwd=folder)
    repo = GitRepo(tmp_path / code)
    config = folder / "speclint.toml"
    pages = {"speclint.toml": (config if config.is_file() else FIXTURES / "speclint.toml")}
    for base in folder.glob("*.base.md"):
        pages[base.name.replace(".base.md", ".md")] = base
    repo.commit({name: path.read_text(encoding="utf-8") for name, path in pages.items()})
    repo.write({page: (folder / page).read_text(encoding="utf-8")})
    return run_cli("check", page, "--select", code, "--base", "HEAD", cwd=repo.path)


@pytest.mark.parametrize("code", CODES)
def test_fail_page_matches_snapshot(code: str, run_cli: Callable[..., Any], tmp_path: Path) -> None:
    folder = FIXTURES / code
    result = lint_fixture(folder, "fail.md", code, run_cli, tmp_path)
    assert result.err == ""
    lines = diagnostic_lines(result.out)
    assert lines, f"{code}: fail.md produced no findings"
    assert all(f" {code} [" in line for line in lines)
    snapshot = folder / "fail.expected"
    text = "".join(f"{line}\n" for line in lines)
    if UPDATE:
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.is_file(), f"{snapshot} is missing: run with SPECLINT_UPDATE_SNAPSHOTS=1"
    assert text == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", CODES)
def test_pass_page_is_clean(code: str, run_cli: Callable[..., Any], tmp_path: Path) -> None:
    result = lint_fixture(FIXTURES / code, "pass.md", code, run_cli, tmp_path)
    assert result.err == ""
    assert diagnostic_lines(result.out) == []
    assert result.code == 0
