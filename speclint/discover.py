"""Turn the paths given on the command line into the pages to lint.

A folder is walked for the configured ``include`` globs, skipping ``exclude``, hidden folders and
(by default) what ``.gitignore`` files ignore; every glob is matched against the path relative
to the configuration's folder, wherever speclint runs from. A file named explicitly is always
linted, unless ``force_exclude`` (what the pre-commit hook passes) applies the excludes to it too.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from speclint.config import Settings
from speclint.globs import spec

if TYPE_CHECKING:
    import pathspec


@dataclass(frozen=True, slots=True)
class Page:
    path: Path
    display: str  # how output names it: relative to the working folder when inside it
    key: str  # relative to the configuration's folder: records, globs and baselines use it
    named: bool = False  # named on the command line (not found by walking a folder)
    real: str = ""  # the page's real path (links resolved), "" when not known


@dataclass
class Discovery:
    pages: list[Page] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # folders and files that could not be read


@dataclass(frozen=True)
class Plan:
    """The pages a run reads: those it lints, and the other pages of their declared registries
    (read so that registry-wide rules see the whole code space, not reported on)."""

    targets: tuple[Page, ...]
    context: tuple[Page, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def pages(self) -> tuple[Page, ...]:
        return (*self.targets, *self.context)

    @property
    def target_keys(self) -> frozenset[str]:
        return frozenset(page.key for page in self.targets)

    def display_names(self) -> dict[str, str]:
        """Page identity (relative to the configuration) -> how output names it."""
        return {page.key: page.display for page in self.pages}


def plan(paths: Sequence[Path], settings: Settings, force_exclude: bool = False) -> Plan:
    """The pages under ``paths``, then, until nothing new turns up, every page of a declared
    registry a planned page is in and every translation of a planned page."""
    found = discover(paths, settings, force_exclude=force_exclude)
    errors = list(found.errors)
    planned = {page.key for page in found.pages}
    context: list[Page] = []
    everything: Discovery | None = None  # the whole tree, walked once if a registry needs it
    expanded: set[str] = set()  # registries whose pages are planned already
    queue = list(found.pages)
    while queue:
        page = queue.pop(0)
        wanted: list[Page] = []
        specs = [s for s in settings.registries if s.name not in expanded and s.includes(page.key)]
        if specs:
            if everything is None:
                # Linting the configuration's own folder walked the whole tree already.
                whole = _only_the_root(paths, settings) and not force_exclude
                everything = found if whole else discover([settings.root], settings)
                if not whole:
                    errors.extend(everything.errors)
            expanded.update(s.name for s in specs)
            wanted += [p for p in everything.pages if any(s.includes(p.key) for s in specs)]
        wanted += translations_of(page, settings)
        for other in wanted:
            if other.key not in planned:
                planned.add(other.key)
                context.append(other)
                queue.append(other)
    return Plan(tuple(found.pages), tuple(context), tuple(errors))


def _only_the_root(paths: Sequence[Path], settings: Settings) -> bool:
    """Whether ``paths`` name nothing but the configuration's folder (``discover`` of them is
    then the walk of the whole tree)."""
    root = os.path.realpath(settings.root)
    return bool(paths) and all(p.is_dir() and os.path.realpath(p) == root for p in paths)


def translations_of(page: Page, settings: Settings) -> list[Page]:
    """The translations of ``page`` that exist, wherever the linted paths are (a translation is
    read even if excluded: the configuration says it translates the page)."""
    unit = settings.translations.unit(page.key)
    if unit is None:
        return []
    root = Path(os.path.abspath(settings.root))
    cwd = Path.cwd()
    found = []
    for _, key in unit:
        path = root / key
        if key != page.key and _regular_file(path):
            found.append(Page(path, relative_name(path, cwd), relative_name(path, root)))
    return found


def relative_name(path: Path | str, base: Path | str) -> str:
    """``path`` relative to ``base`` without following links, else absolute (POSIX).

    Plain string operations: this runs several times per page, and pathlib's parsing made it
    a tenth of a warm run over a thousand pages.
    """
    absolute = os.path.abspath(path)
    folder = os.fspath(base)
    # Only an absolute folder's prefix is remembered: a relative one depends on the working
    # folder, which can change between calls.
    prefix = _folder_prefix(folder) if os.path.isabs(folder) else _folder_prefix.__wrapped__(folder)
    if absolute + os.sep == prefix:
        return "."
    absolute = absolute.removeprefix(prefix)
    return absolute.replace(os.sep, "/") if os.sep != "/" else absolute


@lru_cache(maxsize=64)
def _folder_prefix(folder: str) -> str:
    """``folder`` made absolute, ending in a separator (the few bases of a run, normalised once)."""
    prefix = os.path.abspath(folder)
    return prefix if prefix.endswith(os.sep) else prefix + os.sep


class _Ignores:
    """The .gitignore files from the configuration's folder down to the folder being walked."""

    def __init__(self, root: Path, errors: list[str]) -> None:
        self.root = root
        self.errors = errors
        self.loaded: dict[str, pathspec.PathSpec | None] = {}

    def _spec(self, folder: str) -> pathspec.PathSpec | None:
        if folder not in self.loaded:
            found = None
            gitignore = Path(folder) / ".gitignore"
            if gitignore.is_file():
                try:
                    text = gitignore.read_text(encoding="utf-8", errors="replace")
                    found = spec(text.splitlines())
                except OSError as exc:
                    self.errors.append(f"{gitignore}: cannot read: {exc.strerror}")
            self.loaded[folder] = found
        return self.loaded[folder]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        absolute = os.path.abspath(path)
        root = str(self.root)
        folder = os.path.dirname(absolute)
        # From the page's folder up to the root (nearest .gitignore first), as strings: pathlib
        # here cost more than reading the page.
        while folder == root or folder.startswith(root.rstrip(os.sep) + os.sep):
            found = self._spec(folder)
            if found is not None:
                relative = relative_name(absolute, folder) + ("/" if is_dir else "")
                if found.match_file(relative):
                    return True
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        return False


def discover(
    paths: Sequence[Path], settings: Settings, cwd: Path | None = None, force_exclude: bool = False
) -> Discovery:
    """Return the pages under ``paths`` in a stable order, each once, and what could not be read."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    root = Path(os.path.abspath(settings.root))
    found = Discovery()
    ignores = _Ignores(root, found.errors) if settings.respect_gitignore else None
    seen: set[str] = set()
    real_folders: dict[str, str] = {}

    def real_path(path: Path, named: bool) -> str:
        # A page that is not a link is its real folder's: one realpath per folder, not one
        # per page (realpath stats every component, and a tree has a thousand pages).
        if named or os.path.islink(path):
            return os.path.realpath(path, strict=named)
        folder, name = os.path.split(os.path.abspath(path))
        if folder not in real_folders:
            real_folders[folder] = os.path.realpath(folder)
        return os.path.join(real_folders[folder], name)

    def excluded(path: Path, is_dir: bool) -> bool:
        key = relative_name(path, root) + ("/" if is_dir else "")
        return spec(settings.exclude).match_file(key) or (
            ignores is not None and ignores.ignored(path, is_dir)
        )

    def add(path: Path, named: bool = False) -> None:
        try:
            resolved = real = real_path(path, named)
        except OSError:  # a link loop named on the command line: read_page says so
            resolved, real = os.path.abspath(path), ""
        if resolved not in seen:
            seen.add(resolved)
            display, key = relative_name(path, cwd), relative_name(path, root)
            found.pages.append(Page(path, display, key, named, real))

    for given in paths:
        if given.is_dir():
            walk_excluded = excluded
            if excluded(given, is_dir=True) and given.resolve() != root.resolve():
                # A folder named explicitly is linted even if ignored (bench/corpus/), as a file
                # named explicitly is; only the .gitignore files inside it still apply.
                inside = _Ignores(Path(os.path.abspath(given)), found.errors)
                walk_excluded = inside.ignored if settings.respect_gitignore else _nothing
            for path in _walk(given, found.errors, walk_excluded):
                if spec(settings.include).match_file(relative_name(path, root)):
                    add(path)
        elif not (force_exclude and excluded(given, is_dir=False)):
            add(given, named=True)
    return found


def _nothing(path: Path, is_dir: bool) -> bool:
    return False


def _walk(top: Path, errors: list[str], excluded: Callable[[Path, bool], bool]) -> list[Path]:
    """Regular files under ``top``, hidden and excluded folders pruned, unreadable ones reported."""
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        errors.append(f"{error.filename}: cannot read the folder: {error.strerror}")

    for folder, dirs, files in os.walk(top, onerror=unreadable):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(here / d, True))
        for name in sorted(files):
            path = here / name
            if _regular_file(path) and not excluded(path, False):
                found.append(path)
    return found


def _regular_file(path: Path) -> bool:
    """Not a FIFO (reading one would hang), a device or a dangling link. A link loop counts as
    a file, so that reading it reports it by name rather than skipping it without a word."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError as exc:
        return exc.errno == errno.ELOOP
