"""Give each registry of today its definitions at the base revision (``RecordSet.base``).

A registry is the same registry at both revisions when it has the same name: a declared one by
its name, a page on its own by its path. Codes are followed across registries too, so that a
table moved to another page is no change: a code (by name, or by value and meaning without one)
that is gone from its registry and new in exactly one other belongs to the other's base.

A page split into several code spaces gets its base split the same way: a code goes to the space
that holds it now, a code that is gone to the space that holds most of its table's other codes.
A registry with nothing left today (a page deleted, or whose tables were all removed) still gets
a record set, empty but for its base, so that what it held is reported removed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import replace

from speclint.model import Record
from speclint.registry.changes import identity
from speclint.rule import RecordSet

RegistryKey = tuple[bool, str]  # (declared, name)


def with_base(
    current: Sequence[RecordSet], base: Sequence[RecordSet], revision: str
) -> list[RecordSet]:
    """``current`` with each record set's ``base`` set, plus the registries that are gone."""
    now = _definitions(current)
    then = _definitions(base)
    where_now = _homes(now)
    where_then = _homes(then)
    inherited: dict[RegistryKey, list[Record]] = defaultdict(list)
    for key, records in then.items():
        for record in records:
            code = identity(record)
            homes = where_now.get(code, set())
            new_homes = homes - where_then.get(code, set())
            # Gone from its registry and new in exactly one other: it moved there.
            moved = key not in homes and len(new_homes) == 1
            inherited[next(iter(new_homes)) if moved else key].append(record)
    spaces: dict[RegistryKey, list[int]] = defaultdict(list)
    for index, record_set in enumerate(current):
        spaces[_key(record_set)].append(index)
    bases: list[list[Record]] = [[] for _ in current]
    for key, records in inherited.items():
        if key in spaces:
            for index, share in _split(records, [current[i] for i in spaces[key]]).items():
                bases[spaces[key][index]] = share
    result = [
        replace(record_set, base=tuple(share), base_revision=revision)
        for record_set, share in zip(current, bases, strict=True)
    ]
    for (declared, name), records in inherited.items():
        if (declared, name) not in spaces and records:
            result.append(RecordSet(name, (), declared=declared, base=tuple(records),
                                    base_revision=revision))  # fmt: skip
    return result


def _key(record_set: RecordSet) -> RegistryKey:
    return (record_set.declared, record_set.name)


def _definitions(record_sets: Sequence[RecordSet]) -> dict[RegistryKey, list[Record]]:
    """The definitions of each registry, its code spaces together."""
    found: dict[RegistryKey, list[Record]] = defaultdict(list)
    for record_set in record_sets:
        found[_key(record_set)].extend(record_set.records)
    return found


def _homes(registries: dict[RegistryKey, list[Record]]) -> dict[Hashable, set[RegistryKey]]:
    """Which registries define each code."""
    homes: dict[Hashable, set[RegistryKey]] = defaultdict(set)
    for key, records in registries.items():
        for record in records:
            homes[identity(record)].add(key)
    return homes


def _split(records: Sequence[Record], spaces: Sequence[RecordSet]) -> dict[int, list[Record]]:
    """Divide a registry's base among its code spaces today (by index into ``spaces``)."""
    if len(spaces) == 1:
        return {0: list(records)}
    holder: dict[Hashable, int] = {}
    for index, space in enumerate(spaces):
        for record in space.records:
            holder.setdefault(identity(record), index)
            holder.setdefault(("value", *record.value_key), index)
    placed: dict[int, int] = {}  # id(record) -> space
    for record in records:
        index = holder.get(identity(record))
        if index is None and not record.name:
            index = holder.get(("value", *record.value_key))
        if index is not None:
            placed[id(record)] = index
    # A code that is gone goes where most of its table went, else where its value is now (a
    # rename), else to the first space.
    by_table: dict[tuple[str, int], Counter[int]] = defaultdict(Counter)
    for record in records:
        if id(record) in placed:
            by_table[(record.file, record.table)][placed[id(record)]] += 1
    shares: dict[int, list[Record]] = defaultdict(list)
    for record in records:
        index = placed.get(id(record))
        if index is None:
            table = by_table.get((record.file, record.table))
            index = (
                table.most_common(1)[0][0] if table else holder.get(("value", *record.value_key), 0)
            )
        shares[index].append(record)
    return shares
