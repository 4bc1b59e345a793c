"""Spec text in a report is data, never markup or commands: JUnit XML stays well-formed, a
GitHub annotation stays one command, and a terminal gets no control sequences from a page."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

RunCli = Callable[..., Run]
PAYLOAD = "<script>&amp;]]>\"'\x01\x1b[2J%0A\n::error file=evil.md::pwned"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    # Two codes with the same meaning: SL105 quotes the meaning in its message.
    meaning = PAYLOAD.replace("\n", "<br>")  # a cell cannot hold a line break; <br> becomes one
    page = (
        "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"
        f"| E_A | 1 | {meaning} |\n| E_B | 2 | {meaning} |\n"
    )
    (tmp_path / "p.md").write_text(page, encoding="utf-8")
    return tmp_path


def _run(project: Path, run_cli: RunCli, output_format: str) -> str:
    result = run_cli("check", "--select", "SL105", "--output-format", output_format, "p.md",
                     cwd=project)  # fmt: skip
    assert result.code == 0, result.err  # SL105 is a warning
    return result.out


def test_junit_stays_well_formed(project: Path, run_cli: RunCli) -> None:
    root = ET.fromstring(_run(project, run_cli, "junit"))
    failure = root.find(".//failure")
    assert failure is not None
    assert '&]]>"' in failure.get("message", "")
    assert "::error file=evil.md::pwned" in (failure.text or "")


def test_a_github_annotation_stays_one_command(project: Path, run_cli: RunCli) -> None:
    lines = _run(project, run_cli, "github").splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::warning file=p.md,line=4,col=")
    assert "::error file=evil.md" not in lines[0].split("::", 2)[1]
    assert "%250A" in lines[0]  # a literal %0A in the page is not a newline to the runner


def test_json_and_sarif_keep_the_text_exactly(project: Path, run_cli: RunCli) -> None:
    expected = "&]]>\"\\'\\x01\\x1b[2J%0A ::error file=evil.md::pwned"
    report = json.loads(_run(project, run_cli, "json"))
    assert expected in report["diagnostics"][0]["message"]
    sarif = json.loads(_run(project, run_cli, "sarif"))
    assert expected in sarif["runs"][0]["results"][0]["message"]["text"]


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_no_control_characters_from_a_page_reach_the_terminal(
    tmp_path: Path, run_cli: RunCli, output_format: str
) -> None:
    table = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"
    page = f"## A\x1b[2J\x07\n\n{table}| E_A | 1 | a |\n\n## B\n\n{table}| E_A | 2 | b |\n"
    (tmp_path / "p.md").write_text(page, encoding="utf-8")
    result = run_cli("check", "--select", "SL103", "--output-format", output_format, "p.md",
                     cwd=tmp_path)  # fmt: skip
    assert result.code == 1
    assert "\x1b" not in result.out
    assert "\x07" not in result.out
    assert "in A\\x1b[2J\\x07 (see p.md:5)" in result.out
