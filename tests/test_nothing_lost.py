"""Nothing lost: output never overwrites a page, a failed write keeps the old file, and a run
that stops early still writes a document a CI step can parse."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from speclint import atomic
from speclint.resources import load_schema
from tests.conftest import Run

RunCli = Callable[..., Run]
HEAD = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"
TABLE = HEAD + "| E_A | 1 | 成功 |\n| E_B | 1 | 失败 |\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "p.md").write_text(TABLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--output-file", "p.md", "p.md"),
        ("check", "--output-format", "json", "--output-file", "./p.md", "."),
        ("check", "--write-baseline", "p.md", "p.md"),
        ("export", "--output-file", "p.md", "p.md"),
    ],
)
def test_output_never_overwrites_a_page_being_linted(
    project: Path, run_cli: RunCli, args: tuple[str, ...]
) -> None:
    result = run_cli(*args, cwd=project)
    assert result.code == 2
    assert "p.md: is a page being linted; refusing to overwrite it" in result.err
    assert (project / "p.md").read_text(encoding="utf-8") == TABLE


def test_output_through_a_link_to_a_page_is_refused(project: Path, run_cli: RunCli) -> None:
    (project / "report.txt").symlink_to(project / "p.md")
    result = run_cli("check", "--output-file", "report.txt", "p.md", cwd=project)
    assert result.code == 2
    assert (project / "p.md").read_text(encoding="utf-8") == TABLE


def test_atomic_write_replaces_whole_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic.write_text(target, "new\r\ncontent")
    assert target.read_bytes() == b"new\r\ncontent"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def _limited_run(cwd: Path, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """speclint in a process that may not write a file larger than ``limit`` bytes."""

    def limit_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write with EFBIG, not a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "speclint", *args],
        capture_output=True, text=True, cwd=cwd, preexec_fn=limit_size, check=False,
    )  # fmt: skip


def test_a_failed_baseline_write_keeps_the_old_baseline(project: Path, run_cli: RunCli) -> None:
    rows = "".join(f"| E_{i} | {i // 2} | 错误{i} |\n" for i in range(400))
    (project / "p.md").write_text(HEAD + rows, encoding="utf-8")
    assert run_cli("check", "--write-baseline", "base.json", "p.md", cwd=project).code == 0
    old = (project / "base.json").read_bytes()
    assert len(old) > 50_000
    (project / "p.md").write_text(HEAD + rows.replace("| 1 |", "| 9999 |"), encoding="utf-8")
    run = _limited_run(project, 8192, "check", "--write-baseline", "base.json", "p.md")
    assert run.returncode == 2
    assert "base.json: cannot write: File too large" in run.stderr
    assert "Traceback" not in run.stderr
    assert (project / "base.json").read_bytes() == old
    assert sorted(p.name for p in project.iterdir()) == ["base.json", "p.md"]  # no temp left
    assert run_cli("check", "--baseline", "base.json", "p.md", cwd=project).code in (0, 1)


def test_a_failed_report_write_keeps_the_old_report(project: Path) -> None:
    (project / "report.json").write_text('{"old": true}\n', encoding="utf-8")
    run = _limited_run(
        project, 200, "check", "--output-format", "json", "--output-file", "report.json", "p.md"
    )
    assert run.returncode == 2
    assert "report.json: cannot write: File too large" in run.stderr
    assert (project / "report.json").read_text(encoding="utf-8") == '{"old": true}\n'


def test_a_failed_export_keeps_the_old_export(project: Path) -> None:
    (project / "codes.csv").write_text("old\n", encoding="utf-8")
    run = _limited_run(project, 20, "export", "--format", "csv", "--output-file", "codes.csv")
    assert run.returncode == 2
    assert (project / "codes.csv").read_text(encoding="utf-8") == "old\n"


# --- early stops still write a parseable document --------------------------------------------

EARLY_STOPS = {
    "unknown setting": ("speclint.toml", "x = 1\n", ()),
    "bad schema": ("speclint.toml", 'schema = "missing.json"\n', ()),
    "unknown selector": ("speclint.toml", "", ("--select", "SL1O1")),
    "missing baseline": ("speclint.toml", "", ("--baseline", "none.json")),
    "missing path": ("speclint.toml", "", ("nowhere.md",)),
}


def _parse(output_format: str, text: str) -> object:
    if output_format == "junit":
        return ET.fromstring(text)
    if output_format == "github":
        assert text.startswith("::error ")
        return text
    return json.loads(text)


@pytest.mark.parametrize("output_format", ["json", "sarif", "junit", "github", "gitlab"])
@pytest.mark.parametrize("case", sorted(EARLY_STOPS))
def test_an_early_stop_still_writes_a_valid_document(
    project: Path, run_cli: RunCli, output_format: str, case: str
) -> None:
    name, config, args = EARLY_STOPS[case]
    (project / name).write_text(config, encoding="utf-8")
    paths = () if "nowhere.md" in args else ("p.md",)
    result = run_cli("check", "--output-format", output_format, *args, *paths, cwd=project)
    assert result.code == 2
    assert result.err.startswith("speclint: error: ")
    document = _parse(output_format, result.out)
    error = result.err.removeprefix("speclint: error: ").strip()
    if output_format == "json":
        Draft202012Validator(load_schema("report")).validate(document)
        assert document["errors"] == [error]  # type: ignore[index]
    elif output_format == "sarif":
        invocation = document["runs"][0]["invocations"][0]  # type: ignore[index]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][0]["message"]["text"] == error
    elif output_format == "junit":
        assert document.get("errors") == "1"  # type: ignore[attr-defined]


def test_an_early_stop_writes_the_output_file(project: Path, run_cli: RunCli) -> None:
    (project / "speclint.toml").write_text("x = 1\n", encoding="utf-8")
    result = run_cli(
        "check", "--output-format", "sarif", "--output-file", "out.sarif", "p.md", cwd=project
    )
    assert result.code == 2
    sarif = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_unreadable_pages_are_in_the_json_report(project: Path, run_cli: RunCli) -> None:
    (project / "blob.md").write_bytes(b"\x89PNG\x00\x00")
    result = run_cli("check", "--output-format", "json", "blob.md", "p.md", cwd=project)
    assert result.code == 2
    report = json.loads(result.out)
    assert report["errors"] == ["blob.md: binary file (NUL byte at offset 4), not a Markdown page"]
    assert report["record_count"] == 2
