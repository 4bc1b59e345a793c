"""The published pre-commit hook, run for real, and the project's own pre-commit config."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CLEAN_PAGE, EXAMPLE_PAGE, ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None, reason="pre-commit needs git on the PATH"
)


def _env() -> dict[str, str]:
    # pre-commit and the hooks' `python` must be this environment's, whatever the caller's PATH.
    bin_dir = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": os.pathsep.join([bin_dir, os.environ.get("PATH", "")])}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def consumer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository of another team that wants to use speclint's hook."""
    repo = tmp_path_factory.mktemp("consumer")
    _git(repo, "init", "-q")
    (repo / "docs").mkdir()
    shutil.copy(CLEAN_PAGE, repo / "docs" / "clean.md")
    shutil.copy(EXAMPLE_PAGE, repo / "docs" / "broken.md")
    _git(repo, "add", ".")
    return repo


def try_repo(consumer: Path, *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "speclint",
         "--verbose", "--files", *files],
        cwd=consumer, env=_env(), capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_published_hook_passes_on_a_clean_page(consumer: Path) -> None:
    run = try_repo(consumer, "docs/clean.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "speclint" in run.stdout
    assert "Passed" in run.stdout


def test_published_hook_fails_with_the_findings(consumer: Path) -> None:
    run = try_repo(consumer, "docs/broken.md")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "docs/broken.md:110:41: SL101 [error] value 300311" in run.stdout
    assert "docs/broken.md:28:3: SL103 [error]" in run.stdout


def test_project_pre_commit_config_passes(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--show-diff-on-failure"],
        cwd=ROOT, env=_env(), capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr


def test_hook_on_a_changed_page_catches_a_collision_with_an_unchanged_one(
    tmp_path: Path,
) -> None:
    """pre-commit passes only the changed page; the registry still spans both pages."""
    repo = tmp_path / "api-docs"
    errors = repo / "docs" / "errors"
    errors.mkdir(parents=True)
    _git(repo, "init", "-q")
    head = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"
    (errors / "auth.md").write_text(f"{head}| ERR_TOKEN_EXPIRED | 1001 | 令牌过期 |\n")
    (errors / "message.md").write_text(f"{head}| ERR_MSG_TOO_LONG | 2001 | 消息过长 |\n")
    (repo / "speclint.toml").write_text('[registries.api]\ninclude = ["docs/errors/*.md"]\n')
    _git(repo, "add", ".")
    assert try_repo(repo, "docs/errors/message.md").returncode == 0

    (errors / "message.md").write_text(
        f"{head}| ERR_MSG_TOO_LONG | 2001 | 消息过长 |\n| ERR_MSG_RECALLED | 1001 | 消息已撤回 |\n"
    )
    _git(repo, "add", ".")
    run = try_repo(repo, "docs/errors/message.md")
    assert run.returncode == 1, run.stdout + run.stderr
    assert (
        "docs/errors/message.md:4:22: SL101 [error] value 1001 of ERR_MSG_RECALLED is already "
        "used by ERR_TOKEN_EXPIRED (see docs/errors/auth.md:3)" in run.stdout
    )
