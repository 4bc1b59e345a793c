"""Turn the paths given on the command line into the pages to lint.

A file named explicitly is always linted. A directory is walked for the configured ``include``
globs, skipping ``exclude``, hidden folders and (by default) what ``.gitignore`` files ignore.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from speclint.config import Settings


@dataclass(frozen=True, slots=True)
class Page:
    path: Path
    display: str  # how records and messages name it: relative to the working folder if inside
    key: str  # relative to the configuration's folder: what registry and per-file globs match


def display_name(path: Path, cwd: Path) -> str:
    resolved = path.resolve()
    try:
        return resolved.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _spec(patterns: Iterable[str]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(list(patterns))


def discover(paths: Sequence[Path], settings: Settings, cwd: Path | None = None) -> list[Page]:
    """Return the pages under ``paths`` in a stable order, each once."""
    cwd = (cwd or Path.cwd()).resolve()
    include, exclude = _spec(settings.include), _spec(settings.exclude)
    seen: set[Path] = set()
    pages: list[Page] = []

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            pages.append(Page(path, display_name(path, cwd), display_name(path, settings.root)))

    for given in paths:
        if given.is_dir():
            for path in walk(given, include, exclude, settings.respect_gitignore):
                add(path)
        else:
            add(given)
    return pages


def walk(
    top: Path, include: pathspec.PathSpec, exclude: pathspec.PathSpec, gitignore: bool
) -> list[Path]:
    found: list[Path] = []
    ignores: list[tuple[Path, pathspec.PathSpec]] = []
    for folder, dirs, files in os.walk(top):
        here = Path(folder)
        if gitignore and (here / ".gitignore").is_file():
            lines = (here / ".gitignore").read_text(encoding="utf-8", errors="replace")
            ignores.append((here, _spec(lines.splitlines())))

        def ignored(path: Path, is_dir: bool) -> bool:
            for base, spec in ignores:
                try:
                    relative = path.relative_to(base).as_posix()
                except ValueError:
                    continue
                if spec.match_file(relative + ("/" if is_dir else "")):
                    return True
            relative = path.relative_to(top).as_posix()
            return exclude.match_file(relative + ("/" if is_dir else ""))

        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not ignored(here / d, is_dir=True)
        )
        for name in sorted(files):
            path = here / name
            if include.match_file(path.relative_to(top).as_posix()) and not ignored(path, False):
                found.append(path)
    return found
