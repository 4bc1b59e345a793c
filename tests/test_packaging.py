"""The wheel, installed into a fresh venv, finds its schemas and rules and lints the example."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_PAGE, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
    )
    return next(out.glob("speclint-*.whl"))


def test_wheel_holds_rules_and_schemas_inside_the_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "speclint/rules/duplicate_value.py" in names
    assert "speclint/schemas/record.schema.json" in names
    for template in ("report.html.j2", "report.md.j2", "report.css", "report.js"):
        assert f"speclint/report/templates/{template}" in names
    assert not [n for n in names if n.startswith(("rules/", "schemas/", "tests/"))]


def test_wheel_in_a_fresh_venv_lints_the_example(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    run = subprocess.run(
        [str(env_dir / "bin" / "speclint"), "check", str(EXAMPLE_PAGE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 1, run.stderr
    assert "SL101 [error] value 300311" in run.stdout
    assert "91 records in 5 sections" in run.stdout
    top_level = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print(u.find_spec('rules'))"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert top_level.stdout.strip() == "None"  # no top-level module named `rules`
    module = subprocess.run(
        [str(python), "-m", "speclint", "rules"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert "SL103  name-collision" in module.stdout
    # The report's templates are found inside the installed package.
    for name in ("report.html", "report.md"):
        report = subprocess.run(
            [str(env_dir / "bin" / "speclint"), "report", str(EXAMPLE_PAGE), "-o", name],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert report.returncode == 1, report.stderr
        assert "300311" in (tmp_path / name).read_text(encoding="utf-8")
