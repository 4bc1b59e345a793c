"""The findings of the declared registries, remembered in the cache.

A registry declared over many pages is checked over all their records at once, so a run must
load every member page's records and run every registry rule again, even when none of those
pages changed (another page was edited, CI ran again on the same pages). Its findings depend on
nothing but what the rules see of the member pages (their parses: records, tables, problems,
suppressions, with their lines and columns), the registries declared and the rules with their
options, so they are kept under a key made of exactly those. A page's parse is known by a digest
kept with its findings (``plain.page_digest``), so a run knows it without loading any record: a
run in which no member page's parse changed (none was edited, or only its prose, a comment, a page outside the
registry) reads the findings back and loads no records at all. A member page whose parse
changed (a row, or a line moved) changes the key, and the registry is checked again in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from speclint.check.local import PageRules
from speclint.model import Diagnostic
from speclint.read.cache import PageCache
from speclint.read.pages import ReadPages
from speclint.read.plain import diagnostics_from_plain, diagnostics_to_plain

_KIND = "registries"


@dataclass(frozen=True)
class RegistryMemory:
    """Where the declared registries' findings of one set of member pages are kept."""

    cache: PageCache
    key: str

    def recall(self) -> list[Diagnostic] | None:
        """The findings a run with the same member pages and rules found, or None."""
        entry = self.cache.load(_KIND, self.key)
        if entry is None:
            return None
        try:
            return list(diagnostics_from_plain(entry))
        except (TypeError, ValueError):
            self.cache.warnings.add(self.cache.corrupt())
            return None

    def remember(self, found: Sequence[Diagnostic]) -> None:
        self.cache.store(_KIND, self.key, diagnostics_to_plain(list(found)))


def registry_memory(
    read: ReadPages, page_rules: PageRules, cache: PageCache
) -> RegistryMemory | None:
    """The memory of the registries the pages ``read`` declare members of; None when there are
    none, or a member's parse has no digest (the cache could not keep it)."""
    members = sorted(path for path in read.contents if page_rules.in_declared_registry(path))
    if not members:
        return None
    contents = [read.contents[path] for path in members]
    if not all(contents):
        return None
    return RegistryMemory(cache, cache.registry_key(contents))
