"""The installed ``speclint.rules`` entry points, remembered between runs.

Finding entry points means importing ``importlib.metadata`` (which pulls in the ``email``
package) and reading the metadata of every installed distribution: about 20 ms, a sixth of a
pre-commit run on one page. Like stevedore's entry-point cache, speclint remembers what it found,
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
    from importlib.metadata import entry_points

    return tuple(FoundEntry(e.name, e.value) for e in entry_points(group=group))


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
