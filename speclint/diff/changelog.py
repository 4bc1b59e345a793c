"""``speclint diff BASE --output-format changelog``: the changes since BASE as release notes.

A Markdown section per category (heading) of each registry, listing the codes added, removed,
renumbered, renamed, moved there, re-described and newly deprecated. It reads the same
comparison as the change rules (``speclint.registry.changes``), but it lists every change,
whatever the rules' selection, suppressions and baseline: release notes leave nothing out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from speclint.config import Settings
from speclint.model import Record
from speclint.registry.changes import Changes, compare, wording
from speclint.registry.lifecycle import Markers
from speclint.report import Reporter
from speclint.rule import RecordSet

# The kinds of change, in the order a reader of release notes wants them.
KINDS = ("Added", "Removed", "Renumbered", "Renamed", "Moved", "Re-described", "Deprecated")


@dataclass(frozen=True, slots=True)
class Entry:
    registry: str  # how a heading names the registry when there are several
    section: str
    kind: str
    text: str
    order: tuple[str, int]  # where the code is (now, or at BASE if removed): entries in page order


def reporter(settings: Settings) -> Reporter:
    """The changelog as a reporter of a run (``--output-format changelog``)."""
    markers = Markers.configured(settings.markers)
    return lambda result, options: render(result.registries, markers)


def render(registries: Sequence[RecordSet], markers: Markers) -> str:
    compared = [r for r in registries if r.base is not None]
    revision = compared[0].base_revision if compared else "BASE"
    entries = [
        e
        for r in compared
        for e in entries_of(r, compare(r.base or (), r.records, markers), markers)
    ]
    lines = [f"# Error code changes since {_escape(revision)}", ""]
    if not entries:
        return "\n".join([*lines, "No code was added, removed or changed.", ""])
    several = len({e.registry for e in entries}) > 1
    sections: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.order):
        sections[(entry.registry, entry.section)].append(entry)
    for (registry, section), found in sections.items():
        title = section or "Untitled"
        lines += [f"## {_escape(title)}" + (f" ({_escape(registry)})" if several else ""), ""]
        for kind in KINDS:
            of_kind = [e.text for e in found if e.kind == kind]
            if of_kind:
                lines += [f"### {kind}", "", *(f"- {text}" for text in of_kind), ""]
    return "\n".join(lines)


def entries_of(registry: RecordSet, changes: Changes, markers: Markers) -> list[Entry]:
    name = registry.name

    def entry(record: Record, kind: str, text: str) -> Entry:
        # A code removed from a renamed heading is listed under the heading's new name.
        section = changes.renamed_sections.get(record.section_name, record.section_name)
        return Entry(name, section, kind, text, (record.file, record.line))

    found = [entry(r, "Added", _code(r)) for r in changes.added]
    found += [
        entry(r, "Removed", _code(r, deprecated=markers.is_deprecated(r))) for r in changes.removed
    ]
    found += [
        entry(p.after, "Renumbered", f"{_label(p.after)}: {_value(p.before)} → {_value(p.after)}")
        for p in changes.renumbered()
    ]
    found += [
        entry(p.after, "Renamed", f"{_label(p.before)} → {_label(p.after)} ({_value(p.after)})")
        for p in changes.renamed
    ]
    found += [
        entry(
            p.after,
            "Moved",
            f"{_title(p.after)}, from {_escape(p.before.section_name or 'Untitled')}",
        )
        for p in changes.moved()
    ]
    found += [
        entry(
            p.after,
            "Re-described",
            f"{_title(p.after)}: {_quote(p.before.description)} → {_quote(p.after.description)}",
        )
        for p in changes.redescribed()
    ]
    found += [
        entry(p.after, "Deprecated", _code(p.after))
        for p in changes.pairs
        if markers.is_deprecated(p.after) and not markers.is_deprecated(p.before)
    ]
    return found


def _label(record: Record) -> str:
    return f"`{record.name}`" if record.name else f"`{record.raw_value}`"


def _value(record: Record) -> str:
    return f"`{record.raw_value}`"


def _title(record: Record) -> str:
    return f"`{record.name}` ({_value(record)})" if record.name else _value(record)


def _code(record: Record, *, deprecated: bool = False) -> str:
    text = _title(record)
    if record.description:
        text += f": {_escape(wording(record.description))}"
    return text + (" (was deprecated)" if deprecated else "")


def _quote(text: str) -> str:
    return f"“{_escape(wording(text))}”" if text.strip() else "(none)"


# What Markdown would take for markup in a meaning (``*``, ``<br>``, ``[x]``); an underscore
# inside a word (ERRCODE_USER_EXIST) is never emphasis, so it stays as written.
_MARKDOWN = re.compile(r"([\\`*\[\]<>#|]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")


def _escape(text: str) -> str:
    """Text as Markdown shows it literally."""
    return _MARKDOWN.sub(r"\\\1", text)
