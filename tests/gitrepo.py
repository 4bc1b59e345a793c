"""Real temporary git repositories for the tests of ``speclint diff`` and ``check --base``."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Commits must not depend on the machine's git configuration (user, signing, hooks).
_ENV = {
    "GIT_AUTHOR_NAME": "speclint tests",
    "GIT_AUTHOR_EMAIL": "tests@speclint.invalid",
    "GIT_COMMITTER_NAME": "speclint tests",
    "GIT_COMMITTER_EMAIL": "tests@speclint.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


class GitRepo:
    """A repository at ``path`` with a ``main`` branch; ``commit`` writes pages and commits them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, cwd: Path | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd or self.path,
            env={**os.environ, **_ENV},
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def write(self, pages: dict[str, str | None]) -> None:
        """Write each page (None deletes it)."""
        for name, text in pages.items():
            page = self.path / name
            if text is None:
                page.unlink()
                continue
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text, encoding="utf-8")

    def commit(self, pages: dict[str, str | None], message: str = "change") -> str:
        """Write ``pages``, commit everything, and return the commit's id."""
        self.write(pages)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


def table(*rows: str, heading: str = "用户") -> str:
    """A page with one ``错误码 | 十进制数值 | 含义`` table under ``heading``."""
    body = "\n".join(f"| {row} |" for row in rows)
    return f"## {heading}\n\n| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n{body}\n"
