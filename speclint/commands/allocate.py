"""``speclint allocate SECTION [-n N] [PATH...]``: the next free values of a section's range.

The range is the one configured for the section (``[rules.category-range] ranges``) or the one
inferred from its values, as category-range (SL301) sees it; the output says which. The values
are printed one per line on stdout, for scripts; what they were chosen from goes to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from speclint.check.configure import configured_ranges
from speclint.config import Settings
from speclint.lint import lint
from speclint.model import ParsedFile
from speclint.registry.allocate import Allocation, allocate
from speclint.registry.catalog import catalog
from speclint.registry.lifecycle import Markers
from speclint.registry.ranges import (
    MIN_SHARE,
    MIN_VALUES,
    Category,
    Range,
    categories,
)
from speclint.rule import RecordSet

EXIT_CLEAN, EXIT_ERROR = 0, 2


class AllocateError(Exception):
    """Why no value can be allocated; the message says what to do."""


@dataclass(frozen=True)
class Target:
    """The section values are allocated in, with its code space."""

    registry: RecordSet
    title: str
    range: Range | None
    category: Category | None  # None for a configured heading that has no codes yet
    page: str


def run(
    section: str, count: int, fill_gaps: bool, paths: Sequence[Path], settings: Settings
) -> int:
    result = lint(paths, settings, rules=[])
    for error in result.errors:
        print(f"speclint: error: {error}", file=sys.stderr)
    if result.errors:
        return EXIT_ERROR
    try:
        target = find_target(section, result.files, settings)
        allocation = _allocate(target, count, fill_gaps, settings)
    except AllocateError as exc:
        print(f"speclint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write("".join(f"{value}\n" for value in allocation.values))
    print(f"speclint: {_summary(target, allocation)}", file=sys.stderr)
    return EXIT_CLEAN


def find_target(section: str, files: Sequence[ParsedFile], settings: Settings) -> Target:
    ranges, infer = configured_ranges(settings)
    found = catalog(files, settings)
    candidates = [
        (registry, category)
        for registry in found.registries
        for category in categories(
            registry.records, ranges, infer=infer, declared=registry.declared_ranges
        )
    ]
    wanted = section.strip()
    matches = (
        [c for c in candidates if c[1].heading == wanted]
        or [c for c in candidates if c[1].heading.casefold() == wanted.casefold()]
        # A sub-heading of a category (部门 under 组织架构) allocates in its category.
        or [c for c in candidates if any(wanted in r.section for r in c[1].records)]
    )
    if len(matches) == 1:
        registry, category = matches[0]
        page = found.display.get(category.records[0].file, category.records[0].file)
        return Target(registry, category.title, category.range, category, page)
    if matches:
        pages = sorted({found.display[c.records[0].file] for _, c in matches})
        raise AllocateError(
            f"{wanted!r} is a section of {len(matches)} code spaces ({', '.join(pages)}): "
            "name the page to allocate in"
        )
    if wanted in ranges and len(found.registries) <= 1:
        # A new category: configured, with no codes yet.
        registry = found.registries[0] if found.registries else RecordSet("", ())
        page = next(iter(found.display.values()), "")
        return Target(registry, wanted, ranges[wanted], None, page)
    known = list(dict.fromkeys(c.title for _, c in candidates))
    listed = ", ".join(known) if known else "none"
    raise AllocateError(
        f"no section {wanted!r} with integer codes in the pages read; known sections: {listed}"
    )


def _allocate(target: Target, count: int, fill_gaps: bool, settings: Settings) -> Allocation:
    if target.range is None:
        values = len(target.category.records) if target.category else 0
        raise AllocateError(
            f"{target.title} has no configured range, and none can be inferred from its "
            f"{values} integer value{'' if values == 1 else 's'} (at least {MIN_VALUES}, "
            f"{MIN_SHARE:.0%} of them in one block); configure one under "
            f'[rules.category-range], e.g. ranges = {{ "{target.title}" = [LOW, HIGH] }}'
        )
    records = (*target.registry.records, *target.registry.references)
    spans = [Range(d.low, d.high) for d in target.registry.declared_ranges if d.source == "row"]
    markers = Markers.configured(settings.markers)
    allocation = allocate(
        records, target.range, count, reserved=spans, fill_gaps=fill_gaps, markers=markers
    )
    if len(allocation.values) < count:
        left = len(allocation.values)
        where = f"the range {target.range} of {target.title} ({_origin(target)})"
        if allocation.after is not None:
            where += f" has {_free(left)} above {allocation.after}, the highest value in use"
            if allocation.free_in_gaps:
                where += (
                    f", and {_free(allocation.free_in_gaps)} in gaps below it (--gaps offers "
                    "them; a gap may be a removed code that old clients still know)"
                )
        else:
            where += f" has {_free(left)}"
        asked = f"; {count} were asked for" if left else ""
        raise AllocateError(f"{where}{asked}")
    return allocation


def _free(count: int) -> str:
    return "no free value" if count == 0 else f"only {count} free value{'' if count == 1 else 's'}"


def _origin(target: Target) -> str:
    """Where the range comes from: configured, declared on the page, or inferred."""
    if target.category is None:
        return "configured"
    if target.category.inference is not None:
        return f"{target.category.origin()}; configure rules.category-range.ranges if it is wrong"
    return target.category.origin()


def _summary(target: Target, allocation: Allocation) -> str:
    text = f"{target.title} ({target.page}): range {target.range}, {_origin(target)}"
    skipped = [f"{allocation.taken} in use"]
    if allocation.deprecated:
        skipped.append(f"{allocation.deprecated} of them deprecated")
    if allocation.reserved:
        skipped.append(f"{allocation.reserved} reserved")
    text += f"; skipped {', '.join(skipped)}"
    if allocation.after is not None:
        text += f"; values after {allocation.after}, the highest in use (--gaps fills gaps)"
    return text
