"""The findings of the declared registries, remembered in the cache.

A registry declared over many pages is checked over all their records at once, so a run must
load every member page's records and run every registry rule again, even when none of those
pages changed (another page was edited, CI ran again on the same pages). Its findings depend on
nothing but the member pages' content (as the page cache keys them), the registries declared and
the rules with their options, so they are kept under a key made of exactly those: a run in which
no member page changed reads them back and loads no records at all. One changed member page
changes the key, and the registry is checked again in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from speclint.check.local import PageRules
from speclint.discover import Page
from speclint.model import Diagnostic
from speclint.read.cache import PageCache
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
    pages: Sequence[Page], page_rules: PageRules, cache: PageCache
) -> RegistryMemory | None:
    """The memory of the registries ``pages`` declare members of; None when there are none, or
    a member cannot be read (reading it says why, and nothing is remembered)."""
    members = sorted(
        (page for page in pages if page_rules.in_declared_registry(page.key)),
        key=lambda page: page.key,
    )
    if not members:
        return None
    keys: list[str] = []
    for page in members:
        key = cache.key_of(page.key, page.path)
        if key is None:
            return None
        keys.append(key)
    return RegistryMemory(cache, cache.registry_key(keys))
