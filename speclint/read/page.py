"""A page in, located records out: one page from bytes to ``ParsedFile`` (``read.pages`` reads
the pages of a run)."""

from __future__ import annotations

from collections.abc import Mapping
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
from speclint.read.shapes import explain_problems, header_is_a_code, neutralise_conflict_markers
from speclint.read.source import read
from speclint.read.structure import structure_problems


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

    text, conflicts = neutralise_conflict_markers(path, text)
    blocks = parse_blocks(text)
    aliases = _aliases(tuple(sorted(settings.column_aliases.items())))
    if blocks.html_tables:
        # Imported only for a page with HTML blocks (html.parser and the HTML table reader:
        # a few milliseconds of a run on one page that has none).
        from speclint.read.html_tables import html_tables, relocate, source_table

        html = html_tables(text, blocks)
        tables = sorted(
            (*blocks.tables, *(source_table(t, s, n) for n, (t, s) in enumerate(html))),
            key=lambda table: table.header.line,
        )
        found = extract_records(path, tuple(tables), aliases, pinned)
        records, read_problems = relocate(found.records, found.problems, [t for t, _ in html])
    else:
        found = extract_records(path, blocks.tables, aliases, pinned)
        records, read_problems = list(found.records), list(found.problems)
    problems = sorted(
        (
            *explain_problems(read_problems, text),
            *conflicts,
            *structure_problems(path, blocks, found.tables, aliases),
            *header_is_a_code(path, found.tables, aliases),
        ),
        key=lambda problem: (problem.line, problem.column),
    )
    last_line = text.count("\n") + 1
    suppressions, directive_problems = find_suppressions(
        path, blocks.comments, blocks.tables, last_line
    )
    return ParsedFile(
        path,
        tuple(records),
        found.tables,
        tuple(problems),
        suppressions,
        directive_problems,
        blocks.suspect_fences,
        (*declared_ranges(path, blocks.intros), *found.ranges),
    )


@lru_cache(maxsize=8)
def _aliases(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> HeaderAliases:
    """The header vocabulary of a configuration, built once per run rather than per page."""
    return HeaderAliases.configured(dict(extra))


def read_page(page: Page, settings: Settings, notices: list[str] | None = None) -> ParsedFile:
    """Read and parse one page; ``SourceError`` names the page when it cannot be read. A page
    decoded from another encoding than UTF-8 adds its notice to ``notices``."""
    source = read(page.path, page.display, settings.encoding)
    if source.notice and notices is not None:
        notices.append(source.notice)
    return parse_text(page.key, source.text, settings)
