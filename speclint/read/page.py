"""A page in, located records out: the read stage from bytes to ``ParsedFile``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from speclint.config import Settings
from speclint.discover import Page
from speclint.globs import glob_matches
from speclint.model import ParsedFile
from speclint.read.blocks import parse_blocks
from speclint.read.columns import HeaderAliases
from speclint.read.declared import declared_ranges
from speclint.read.directives import find_suppressions
from speclint.read.records import extract_records
from speclint.read.source import SourceError, read


def parse_text(path: str, text: str, settings: Settings) -> ParsedFile:
    """Parse one page's text into its records, tables, malformed rows and suppressions.

    ``path`` is the page's identity in records and findings: relative to the configuration's
    folder, so that records compare equal whoever lints them from wherever.
    """

    def pinned(section: tuple[str, ...]) -> Mapping[str, str] | None:
        for pin in settings.pins:
            if pin.files and not glob_matches([pin.files], path):
                continue
            if pin.section and pin.section not in section:
                continue
            return pin.roles
        return None

    blocks = parse_blocks(text)
    aliases = _aliases(tuple(sorted(settings.column_aliases.items())))
    found = extract_records(path, blocks.tables, aliases, pinned)
    last_line = text.count("\n") + 1
    suppressions, directive_problems = find_suppressions(
        path, blocks.comments, blocks.tables, last_line
    )
    return ParsedFile(
        path,
        found.records,
        found.tables,
        found.problems,
        suppressions,
        directive_problems,
        blocks.suspect_fences,
        (*declared_ranges(path, blocks.intros), *found.ranges),
    )


@lru_cache(maxsize=8)
def _aliases(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> HeaderAliases:
    """The header vocabulary of a configuration, built once per run rather than per page."""
    return HeaderAliases.configured(dict(extra))


def read_page(page: Page, settings: Settings) -> ParsedFile:
    """Read and parse one page; ``SourceError`` names the page when it cannot be read."""
    source = read(page.path, page.display)
    return parse_text(page.key, source.text, settings)


def read_pages(pages: Sequence[Page], settings: Settings) -> tuple[list[ParsedFile], list[str]]:
    """Every page that can be read, in order, and one message per page that cannot."""
    files: list[ParsedFile] = []
    errors: list[str] = []
    for page in pages:
        try:
            files.append(read_page(page, settings))
        except SourceError as exc:
            errors.append(str(exc))
    return files, errors
