"""One problem a table repeats is one finding: the records that repeat an earlier one, grouped."""

from __future__ import annotations

from collections.abc import Iterable

from speclint.model import Record


def by_earlier_and_table(
    pairs: Iterable[tuple[Record, Record]], *, by_section: bool = False
) -> list[tuple[Record, list[Record]]]:
    """``(earlier, record)`` pairs grouped by the earlier record and by the later record's table,
    first seen first: a value or a meaning several rows of a table repeat is reported once, at
    its first repeat there, naming the others. Per table, because a suppression applies to a
    table; ``by_section`` also keeps apart the groups a table's group rows head (a message that
    names where the repeats are must name one place). Keyed by identity: two equal records are
    still two rows."""
    groups: dict[tuple[object, ...], tuple[Record, list[Record]]] = {}
    for earlier, record in pairs:
        key = (id(earlier), record.file, record.table, record.section if by_section else ())
        groups.setdefault(key, (earlier, []))[1].append(record)
    return list(groups.values())
