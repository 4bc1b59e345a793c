"""The installed ``speclint.rules`` entry points, found quickly and remembered between runs.

Finding entry points through ``importlib.metadata`` means importing it (which pulls in the
``email`` package) and reading the metadata of every installed distribution: about 16 ms, a
tenth of a run on one page. ``scan`` reads the folders on ``sys.path`` itself, the way
``importlib.metadata`` does (under a millisecond), and leaves any installation it might read
differently to it. Like stevedore's entry-point cache, speclint also remembers what it found,
keyed on a fingerprint of the installation: the interpreter, ``sys.path``, and for each folder on
it the names of its distributions (``*.dist-info``, ``*.egg-info``) with the size and
modification time of their ``entry_points.txt``. Installing, removing or upgrading a distribution
changes the fingerprint, so the entry points are read again. The index lives in the project's
``.speclint_cache/`` and is skipped with the rest of it (``--no-cache``).
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
from dataclasses import dataclass
from functools import reduce
from pathlib import Path

from speclint.cache_folder import digest, ensure_folder

_DISTRIBUTIONS = (".dist-info", ".egg-info")


@dataclass(frozen=True, slots=True)
class FoundEntry:
    """One entry point of the group: ``name = module:attribute``."""

    name: str
    value: str

    def load(self) -> object:
        """What ``importlib.metadata.EntryPoint.load`` returns, without importing it."""
        target = self.value.split("[", 1)[0].strip()  # "module:Class [extra]": extras unused
        module, _, attributes = target.partition(":")
        found: object = importlib.import_module(module.strip())
        return reduce(getattr, filter(None, attributes.strip().split(".")), found)


def entries(group: str, remember_in: Path | None = None) -> tuple[FoundEntry, ...]:
    """The entry points of ``group``, from the index in ``remember_in`` when the installation
    has not changed since it was written (read afresh, and the index rewritten, otherwise)."""
    if remember_in is None:
        return scan(group)
    index = remember_in / "entry-points" / digest(group, *fingerprint())
    try:
        remembered = json.loads(index.read_text(encoding="utf-8"))
        return tuple(FoundEntry(str(name), str(value)) for name, value in remembered)
    except (OSError, ValueError, TypeError):
        pass  # not written yet, or torn: read them afresh
    found = scan(group)
    try:
        ensure_folder(remember_in, index.parent)
        temporary = index.with_name(f".{index.name}.{os.urandom(4).hex()}.tmp")
        temporary.write_text(json.dumps([[e.name, e.value] for e in found]), encoding="utf-8")
        os.replace(temporary, index)
    except OSError:
        pass  # a read-only checkout: the page cache says so once
    return found


def scan(group: str) -> tuple[FoundEntry, ...]:
    """The entry points of ``group``, as ``importlib.metadata.entry_points`` finds them."""
    found = _scan_folders(group)
    if found is not None:
        return found
    from importlib.metadata import entry_points

    return tuple(FoundEntry(e.name, e.value) for e in entry_points(group=group))


def _scan_folders(group: str) -> tuple[FoundEntry, ...] | None:
    """``importlib.metadata.entry_points(group=group)`` read the way it reads them (Python
    3.11's ``MetadataPathFinder``: each folder on ``sys.path`` in turn, its ``*.dist-info`` and
    ``*.egg-info`` by normalised name in listing order, the first distribution of a name
    winning), without importing it: importing ``importlib.metadata`` (``email``, ``zipfile``...)
    and reading every distribution through it is about 16 ms, a tenth of a run on one page
    without the cache. None wherever it might read differently (another distribution finder,
    a zip or an egg on the path, an unusual metadata folder or file): then importlib.metadata
    reads them. A test holds the two together for every group installed."""
    from importlib.machinery import PathFinder

    finders = [f for f in sys.meta_path if getattr(f, "find_distributions", None) is not None]
    if finders != [PathFinder]:
        return None
    seen: set[str] = set()
    found: list[FoundEntry] = []
    for entry in sys.path:
        folder = entry or "."
        if os.path.basename(entry).lower().endswith(".egg"):
            return None
        try:
            children = os.listdir(folder)
        except OSError:
            if os.path.exists(folder):
                return None  # a zip file: importlib.metadata looks inside
            continue
        # Grouped by name, each name where its first folder was listed (importlib's Lookup).
        by_name: dict[str, list[str]] = {}
        for child in children:
            low = child.lower()
            if low.endswith(_DISTRIBUTIONS):
                key = _normalise(low.rpartition(".")[0].partition("-")[0])
                by_name.setdefault(key, []).append(child)
        for child in (child for named in by_name.values() for child in named):
            stem, extension = os.path.splitext(child)
            if extension not in _DISTRIBUTIONS:
                return None  # FOO.DIST-INFO: named from its metadata, not its folder
            name = _normalise(stem.partition("-")[0])
            if name in seen:
                continue
            seen.add(name)
            entries_of = _entries_in(os.path.join(folder, child, "entry_points.txt"), group)
            if entries_of is None:
                return None
            found.extend(entries_of)
    return tuple(found)


def _normalise(name: str) -> str:
    """A distribution's name as importlib.metadata compares them (PEP 503, dashes as _)."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _entries_in(path: str, group: str) -> list[FoundEntry] | None:
    """The entries of ``group`` in one ``entry_points.txt`` (none when it cannot be read, as
    importlib.metadata has it); None when it is not text importlib.metadata would parse."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return []
    except (OSError, UnicodeDecodeError):
        return None
    entries: list[FoundEntry] = []
    section = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section is None:
            continue
        if "=" not in line:
            return None  # importlib.metadata raises on such a line: let it
        name, value = line.split("=", 1)
        if section == group:
            entries.append(FoundEntry(name.strip(), value.strip()))
    return entries


def origin(group: str, entry: FoundEntry) -> str:
    """The distribution an entry point comes from, for an error message (slow: metadata)."""
    from importlib.metadata import entry_points

    for candidate in entry_points(group=group, name=entry.name):
        if candidate.value == entry.value and candidate.dist is not None:
            return f"{candidate.dist.name} {candidate.dist.version}"
    return "unknown distribution"


def fingerprint() -> list[str]:
    """What changes when a distribution is installed, removed or upgraded (see the module
    docstring); a folder on the path costs one listing, a distribution one ``stat``."""
    parts = [sys.executable, sys.version, repr(sys.path)]
    for entry in sys.path:
        folder = entry or "."
        try:
            with os.scandir(folder) as listing:
                names = sorted(e.name for e in listing if e.name.endswith(_DISTRIBUTIONS))
        except OSError:  # a zip file, or nothing there
            parts.append(_stamp(folder))
            continue
        for name in names:
            parts.append(f"{name} {_stamp(os.path.join(folder, name, 'entry_points.txt'))}")
    return parts


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return "-"
    return f"{info.st_size}:{info.st_mtime_ns}"
