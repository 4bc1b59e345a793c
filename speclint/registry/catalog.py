"""The code spaces of linted pages, for the commands that read codes rather than lint them
(``export --format python``, ``allocate``).

``lint`` hands back pages named as the user named them (relative to the working folder); code
spaces are built on page identities (relative to the configuration), which records carry, so
the pages are renamed back before they are grouped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from speclint.config import Settings
from speclint.model import ParsedFile
from speclint.registry.build import build_registries
from speclint.rule import RecordSet


@dataclass(frozen=True)
class Catalog:
    registries: tuple[RecordSet, ...]
    display: dict[str, str]  # page identity -> how the user named the page
    order: dict[str, int]  # page identity -> its place among the linted pages


def catalog(files: Sequence[ParsedFile], settings: Settings) -> Catalog:
    """The registries of ``files`` (pages as ``lint`` returns them); pages without codes are
    left out."""
    with_codes = [f for f in files if f.records]
    keyed = [replace(f, path=f.records[0].file) for f in with_codes]
    return Catalog(
        tuple(build_registries(keyed, settings.registries)),
        {f.records[0].file: f.path for f in with_codes},
        {f.path: i for i, f in enumerate(keyed)},
    )
