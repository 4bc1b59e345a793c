"""The command line on the example pages: output, exit codes, JSON report and export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from speclint.resources import load_schema
from tests.conftest import CLEAN_PAGE, EXAMPLE_PAGE, ROOT, Run

RunCli = Callable[..., Run]
LINE_SL103 = "status-codes.zh.md:28:3: SL103 [error] ERRCODE_INVALID_REQUEST is 100003 in 请求验证"
LINE_SL101 = "status-codes.zh.md:110:41: SL101 [error] value 300311 of ERRCODE_NOTEXIST_JOBID"


def test_example_page_reports_the_duplicate_and_the_collision(run_cli: RunCli) -> None:
    result = run_cli(
        "check", "--select", "SL101,SL103", "status-codes.zh.md", cwd=EXAMPLE_PAGE.parent
    )
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith(LINE_SL103)
    assert lines[0].endswith("but 5 in 基础错误码 (see status-codes.zh.md:19) (name-collision)")
    assert lines[1].startswith(LINE_SL101)
    assert lines[1].endswith(
        "already used by ERRCODE_REPEAT_USERID (see status-codes.zh.md:109) (duplicate-value)"
    )
    assert lines[2] == "Found 2 problems (2 errors) in 91 records in 5 sections of 1 file."
    assert result.err == ""


def test_clean_copy_exits_zero(run_cli: RunCli) -> None:
    result = run_cli("check", str(CLEAN_PAGE))
    assert result.code == 0, result.out
    assert result.out.strip().endswith("No problems found (91 records in 5 sections of 1 file).")


def test_speclint_without_a_command_means_check(run_cli: RunCli) -> None:
    assert run_cli(str(CLEAN_PAGE)).code == 0


def test_default_path_is_the_current_folder(run_cli: RunCli) -> None:
    result = run_cli("check", cwd=CLEAN_PAGE.parent)
    assert result.code == 0
    assert "91 records" in result.out


def test_json_report_validates_against_its_schema(run_cli: RunCli) -> None:
    result = run_cli("check", "--output-format", "json", str(EXAMPLE_PAGE))
    assert result.code == 1
    report = json.loads(result.out)
    Draft202012Validator(load_schema("report")).validate(report)
    assert report["record_count"] == 91
    by_code = {d["code"]: d for d in report["diagnostics"]}
    duplicate = by_code["SL101"]
    assert (duplicate["line"], duplicate["column"]) == (110, 41)
    assert duplicate["related"][0]["line"] == 109
    # Identified by its page (relative to examples/speclint.toml) and records, not by line.
    assert duplicate["subject"] == [
        "status-codes.zh.md",
        "ERRCODE_NOTEXIST_JOBID=300311",
        "ERRCODE_REPEAT_USERID=300311",
    ]


def test_verbose_says_which_tables_were_skipped(
    run_cli: RunCli, write_page: Callable[..., Path]
) -> None:
    page = write_page("p.md", "| 参数 | 必须 | 说明 |\n|--|--|--|\n| appId | 是 | 应用ID |\n")
    result = run_cli("check", "-v", str(page))
    assert result.code == 0
    assert (
        ":1:1: skipped table: a parameter table: no code column (headers: 参数, 必须, 说明)"
        in result.out
    )


def test_missing_path_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nope.md"))
    assert result.code == 2
    assert "nope.md: no such file or folder" in result.err


def test_unknown_option_is_a_usage_error(run_cli: RunCli) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli("check", "--no-such-flag")
    assert exit_info.value.code == 2


def test_binary_and_badly_encoded_files_exit_2_with_their_name(
    run_cli: RunCli, write_page: Callable[..., Path]
) -> None:
    binary = write_page("blob.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = write_page(
        "latin.md", "# t\n\n| code | message |\n|--|--|\n| 1 | caf\xe9 |\n".encode("latin-1")
    )
    good = write_page("good.md", "| code | message |\n|--|--|\n| 1 | ok |\n| 1 | dup |\n")
    result = run_cli("check", str(binary), str(latin), str(good))
    assert result.code == 2
    assert "blob.md: binary file" in result.err
    assert "latin.md:5: not valid UTF-8" in result.err
    assert "Traceback" not in result.err
    assert "good.md:4:3: SL101" in result.out  # the readable page is still linted
    assert result.out.splitlines()[-1].endswith("; 2 errors (on stderr).")


def test_exit_zero_and_fail_on(run_cli: RunCli) -> None:
    assert run_cli("check", "--exit-zero", str(EXAMPLE_PAGE)).code == 0
    assert run_cli("check", "--select", "SL101", "--fail-on", "error", str(EXAMPLE_PAGE)).code == 1


def test_export_json_validates_against_the_catalog_schema(run_cli: RunCli) -> None:
    result = run_cli("export", "--format", "json", str(EXAMPLE_PAGE))
    assert result.code == 0
    catalog = json.loads(result.out)
    Draft202012Validator(load_schema("catalog")).validate(catalog)
    assert len(catalog["records"]) == 91
    first = catalog["records"][0]
    assert (first["name"], first["value"], first["line"]) == ("ERRCODE_OK", 0, 14)
    assert first["columns"] == {"name": 3, "value": 29, "description": 42}


def test_export_csv(run_cli: RunCli) -> None:
    result = run_cli("export", "--format", "csv", str(EXAMPLE_PAGE))
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 91
    assert rows[1]["value"] == "-1"
    assert rows[1]["section"] == "全局状态码 > 基础错误码"


def test_rules_lists_and_rule_shows_a_page(run_cli: RunCli) -> None:
    listing = run_cli("rules")
    assert listing.code == 0
    assert "SL101  duplicate-value" in listing.out
    page = run_cli("rule", "SL101")
    assert page.code == 0
    assert page.out.startswith("# SL101 duplicate-value")
    assert "## Why it matters" in page.out
    assert run_cli("rule", "SL999").code == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _on_terminal(*args: str) -> str:
    from contextlib import redirect_stdout

    from speclint.cli import main

    out = _Terminal()
    with redirect_stdout(out):
        main(list(args))
    return out.getvalue()


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = _on_terminal("check", "--select", "SL101", str(EXAMPLE_PAGE))
    assert "\x1b[31mSL101\x1b[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in _on_terminal("check", "--select", "SL101", str(EXAMPLE_PAGE))


def test_piped_output_has_no_colour(run_cli: RunCli) -> None:
    assert "\x1b[" not in run_cli("check", str(EXAMPLE_PAGE)).out


def test_statistics_count_findings_per_rule(run_cli: RunCli) -> None:
    result = run_cli("check", "--statistics", "status-codes.zh.md", cwd=EXAMPLE_PAGE.parent)
    assert "    2  SL104 synonym-names" in result.out.splitlines()
    assert "    1  SL101 duplicate-value" in result.out.splitlines()


def test_output_file(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run_cli(
        "check", "--output-format", "json", "--output-file", str(target), str(EXAMPLE_PAGE)
    )
    assert result.code == 1
    assert result.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["record_count"] == 91


def test_folders_are_walked_for_markdown_honouring_gitignore(
    run_cli: RunCli, tmp_path: Path
) -> None:
    rows = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n| E_A | 1 | a |\n| E_B | 1 | b |\n"
    for name in (
        "docs/a.md",
        "docs/b.markdown",
        "docs/build/c.md",
        "docs/notes.txt",
        ".hidden/d.md",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rows, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n")
    result = run_cli("check", "--select", "SL101", cwd=tmp_path)
    files = sorted({line.split(":")[0] for line in result.out.splitlines()[:-1]})
    assert files == ["docs/a.md", "docs/b.markdown"]
    # A file named on the command line is linted even when ignored.
    assert "docs/build/c.md:4" in run_cli("check", "docs/build/c.md", cwd=tmp_path).out


def test_readme_shows_the_example_output_as_it_is(run_cli: RunCli) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ speclint check examples/status-codes.zh.md\n"
    shown = readme[readme.index(command) + len(command) :].split("```")[0]
    assert run_cli("check", "examples/status-codes.zh.md", cwd=ROOT).out == shown


def test_verbose_says_how_tables_were_read_and_what_was_inferred(run_cli: RunCli) -> None:
    result = run_cli("check", "-v", "status-codes.zh.md", cwd=EXAMPLE_PAGE.parent)
    lines = result.out.splitlines()
    assert (
        "status-codes.zh.md:12:1: code table: value='十进制数值', name='错误码', description='含义'"
        in lines
    )
    assert (
        "inferred (SL201) in status-codes.zh.md: naming of 组织架构: ERRCODE_ then "
        "UPPER_SNAKE_CASE, which 58 of the 58 names of 组织架构 follow" in lines
    )
    # examples/speclint.toml configures the ranges.
    assert "inferred (SL301) in status-codes.zh.md: range of 群组: 500000..599999 (configured)" in (
        lines
    )


def test_the_command_ends_its_process_at_once_with_every_byte_written(tmp_path: Path) -> None:
    # ``run`` ends the process with os._exit: what it printed must be complete all the same,
    # through a pipe and to a file, with main's exit code. Buffered output, as on a user's
    # machine (a CI environment may set PYTHONUNBUFFERED), and short enough to sit in the
    # buffer until the end.
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    command = [sys.executable, "-m", "speclint", "check", str(EXAMPLE_PAGE), "--no-cache"]
    piped = subprocess.run(
        [*command, "--output-format", "json"], capture_output=True, text=True, check=False, env=env
    )
    assert piped.returncode == 1
    assert len(json.loads(piped.stdout)["diagnostics"]) == 5
    written = tmp_path / "out.txt"
    with written.open("w") as out:
        code = subprocess.run(command, stdout=out, check=False, env=env).returncode
    assert code == 1
    assert written.read_text().endswith("in 91 records in 5 sections of 1 file.\n")


def test_the_console_script_is_the_one_that_ends_the_process_at_once() -> None:
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "speclint"]
    assert script.value == "speclint.cli:run"
