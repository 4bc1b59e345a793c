"""Globs in .gitignore syntax, the one glob syntax speclint uses everywhere (include, exclude,
per-file ignores, registries, column pins), always matched against a path relative to the
configuration's folder."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec


def spec(patterns: Iterable[str]) -> pathspec.PathSpec:
    return _compiled(tuple(patterns))


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    # Imported on first use: linting the files named on a command line (a pre-commit hook)
    # often matches no glob at all.
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(list(patterns))


def glob_matches(patterns: Iterable[str], key: str) -> bool:
    """Whether ``key`` (a path relative to the configuration's folder) matches one glob."""
    return spec(patterns).match_file(key)
