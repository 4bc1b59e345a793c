"""How one registry changed since an earlier revision: which codes were kept, renamed, removed
and added. The change rules (SL401-SL406) and the changelog read the same comparison.

Codes are matched by identity, never by file or line, so reordered rows and a table moved to
another page are no change. A code's identity is its name; a row without a name (a table of
``code | meaning``) is identified by its value. In order:

1. rows with the same name pair up (the same name and value first, for pages that list a name
   twice);
2. nameless rows pair up by value;
3. a row that gained or lost its name (a name column added or dropped) pairs up by value;
4. a name that is gone pairs with a new name of the same value and the same meaning: a rename;
5. what is left at the base was removed, what is left now was added.

A reserved code (``speclint.registry.lifecycle``) is a placeholder, not a meaning: it pairs by
name only, so a new code that takes its value is added, not a rename or a new meaning.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, ClassVar

from speclint.model import Diagnostic, Record, Related, Severity, Value
from speclint.registry.lifecycle import Markers
from speclint.registry.thresholds import SECTION_RENAMED_SHARE
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class ChangeOptions:
    """The options every change rule has: which words mark a code deprecated or reserved.
    Unset, they are the configuration's ``[markers]`` (``speclint.check.configure``)."""

    markers: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Pair:
    """One code as it was at the base and as it is now."""

    before: Record
    after: Record

    @property
    def renumbered(self) -> bool:
        return self.before is not self.after and self.before.value_key != self.after.value_key

    @property
    def redescribed(self) -> bool:
        if self.before is self.after or self.before.description == self.after.description:
            return False
        return wording(self.before.description) != wording(self.after.description)


@dataclass(frozen=True, slots=True)
class Reuse:
    """A value that meant ``before`` at the base and now belongs to ``after``, another code."""

    before: Record
    after: Record


@dataclass(frozen=True)
class Changes:
    kept: tuple[Pair, ...] = ()  # the same code (same name, or same value without one)
    renamed: tuple[Pair, ...] = ()  # same value and meaning, another name
    removed: tuple[Record, ...] = ()  # at the base, no counterpart now
    added: tuple[Record, ...] = ()  # now, no counterpart at the base
    # Headings renamed since the base (old -> new): their codes did not move.
    renamed_sections: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def pairs(self) -> tuple[Pair, ...]:
        return (*self.kept, *self.renamed)

    def renumbered(self) -> list[Pair]:
        return [pair for pair in self.kept if pair.renumbered]

    def redescribed(self) -> list[Pair]:
        return [pair for pair in self.pairs if pair.redescribed]

    def moved(self) -> list[Pair]:
        """Codes now under another heading than the one they were under (a renamed heading
        moves nothing)."""
        return [
            pair
            for pair in self.pairs
            if pair.after.section_name
            != self.renamed_sections.get(pair.before.section_name, pair.before.section_name)
        ]

    def reused(self, markers: Markers) -> list[Reuse]:
        """Values handed to another code: a base code's value that another code holds now while
        that base code no longer does. A value that was reserved at the base is free to take."""
        candidates = [*(pair.after for pair in self.kept if pair.renumbered), *self.added]
        if not candidates:
            return []
        holding_now: dict[tuple[str, Value], set[int]] = defaultdict(set)
        for pair in self.pairs:
            holding_now[pair.after.value_key].add(id(pair.before))
        claimed = {id(pair.after): pair.before for pair in self.pairs}
        before_by_value: dict[tuple[str, Value], list[Record]] = defaultdict(list)
        for record in (*(pair.before for pair in self.pairs), *self.removed):
            if not markers.is_reserved(record):
                before_by_value[record.value_key].append(record)
        found = []
        for now in candidates:
            earlier = claimed.get(id(now))
            for before in before_by_value.get(now.value_key, ()):
                if before is earlier or id(before) in holding_now[now.value_key]:
                    continue
                found.append(Reuse(before, now))
                break
        return found


def compare(
    base: Sequence[Record], now: Sequence[Record], markers: Markers | None = None
) -> Changes:
    """Match the records of one registry at the base with its records now."""
    markers = markers or Markers()
    # A page that is the same at the base is read once: its records are today's very objects,
    # and pair with themselves (most pages of a change, at no cost).
    today = {id(record) for record in now}
    unchanged = [Pair(record, record) for record in base if id(record) in today]
    kept_objects = {id(pair.after) for pair in unchanged}
    left = [record for record in base if id(record) not in kept_objects]
    right = [record for record in now if id(record) not in kept_objects]
    if not left and not right:
        return Changes(tuple(unchanged))

    def pair_off(
        key_before: Callable[[Record], Hashable | None],
        key_after: Callable[[Record], Hashable | None],
    ) -> list[Pair]:
        """Pair the unpaired records whose keys agree (None: not a candidate), in page order."""
        waiting: dict[Hashable, list[Record]] = defaultdict(list)
        for record in left:
            key = key_before(record)
            if key is not None:
                waiting[key].append(record)
        found = []
        for record in right:
            key = key_after(record)
            if key is not None and waiting.get(key):
                found.append(Pair(waiting[key].pop(0), record))
        matched = {id(r) for pair in found for r in (pair.before, pair.after)}
        left[:] = [r for r in left if id(r) not in matched]
        right[:] = [r for r in right if id(r) not in matched]
        return found

    def held(record: Record) -> bool:
        return markers.is_reserved(record)

    def value_if(test: Callable[[Record], bool]) -> Callable[[Record], Hashable | None]:
        return lambda record: record.value_key if test(record) else None

    kept = [
        *unchanged,
        *pair_off(_name_and_value, _name_and_value),
        *pair_off(_name, _name),
        # Nameless rows: by value, but a placeholder only stays one (a reserved value that
        # gets a meaning is a new code).
        *pair_off(value_if(lambda r: not r.name and not held(r)), value_if(lambda r: not r.name)),
        *pair_off(
            value_if(lambda r: not r.name and held(r)), value_if(lambda r: not r.name and held(r))
        ),
        # A name column added, or dropped.
        *pair_off(value_if(lambda r: not r.name and not held(r)), value_if(lambda r: bool(r.name))),
        *pair_off(value_if(lambda r: bool(r.name) and not held(r)), value_if(lambda r: not r.name)),
    ]
    # What both sides still hold by name is a name that is gone and one that is new.
    renamed = pair_off(
        lambda r: (*r.value_key, meaning(r.description)) if r.name and not held(r) else None,
        lambda r: (*r.value_key, meaning(r.description)) if r.name else None,
    )
    return Changes(
        tuple(sorted(kept, key=_order)),
        tuple(sorted(renamed, key=_order)),
        tuple(left),
        tuple(right),
        MappingProxyType(_renamed_sections(base, now, (*kept, *renamed))),
    )


def _name_and_value(record: Record) -> Hashable | None:
    return (record.name, *record.value_key) if record.name else None


def _name(record: Record) -> Hashable | None:
    return record.name or None


def _order(pair: Pair) -> tuple[str, int]:
    return (pair.after.file, pair.after.line)


def _renamed_sections(
    base: Iterable[Record], now: Iterable[Record], pairs: Iterable[Pair]
) -> dict[str, str]:
    """Headings renamed since the base: a heading gone from the registry whose codes are now,
    mostly, under one heading that is new."""
    then = {r.section_name for r in base}
    today = {r.section_name for r in now}
    went: dict[str, Counter[str]] = defaultdict(Counter)
    for pair in pairs:
        went[pair.before.section_name][pair.after.section_name] += 1
    renamed = {}
    for old, destinations in went.items():
        if old in today:
            continue
        new, count = destinations.most_common(1)[0]
        if new not in then and count > SECTION_RENAMED_SHARE * destinations.total():
            renamed[old] = new
    return renamed


def wording(text: str) -> str:
    """A description as it reads: spacing does not change it."""
    return " ".join(text.split())


def meaning(text: str) -> str:
    """What a description says, for telling a rename from a new code: letters and digits,
    case-folded (punctuation, spacing and case do not change a meaning)."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def identity(record: Record) -> tuple[object, ...]:
    """How a code is recognised on another page: its name, or its value and meaning."""
    if record.name:
        return ("name", record.name)
    return ("value", *record.value_key, meaning(record.description))


def changes_in(records: RecordSet, markers: Markers) -> Changes | None:
    """How ``records`` changed since the base revision; None when the run has no base."""
    if records.base is None:
        return None
    return compare(records.base, records.records, markers)


class ChangeRule(Rule):
    """A rule about what changed since the base revision (``--base``, ``speclint diff``): it
    is handed the registry's ``Changes`` and says nothing when the run has no base. The
    change rules SL401-SL406 share it; a third-party rule may too."""

    scope: ClassVar[Scope] = Scope.REGISTRY
    Options: ClassVar[type] = ChangeOptions

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        super().__init__(options, severity)
        self.markers = Markers.configured(self.options.markers)

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        changes = changes_in(records, self.markers)
        if changes is not None:
            yield from self.changed(records, changes)

    def changed(self, records: RecordSet, changes: Changes) -> Iterator[Diagnostic]:
        """Yield the findings about ``changes`` of ``records``' registry."""
        raise NotImplementedError


def with_base_location(
    diagnostic: Diagnostic, records: RecordSet, before: Record, note: str, key: str = "value"
) -> Diagnostic:
    """``diagnostic`` with where ``before`` was at the base (``BASE:path:line``) as its first
    related location."""
    where = Related(records.base_location(before, key), note, before.label)
    return replace(diagnostic, related=(where, *diagnostic.related))
