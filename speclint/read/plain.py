"""Parsed pages and findings as plain tuples of ``str``/``int``, for ``marshal``.

The cache and the helper processes move whole pages between runs and processes. ``pickle`` of the
model's frozen slots dataclasses calls a Python ``__setstate__`` per object and is slower than
parsing again; ``marshal`` of plain tuples is about ten times faster, and rebuilding the
dataclasses from them is the only Python-level cost left. Nothing here ever executes what it
loads: ``marshal`` only builds tuples, strings and numbers (the cache checks a digest of every
entry before it unmarshals it, so a torn or tampered file never reaches ``marshal.loads``).

A record's ``file`` is its page's path and is not repeated per record; header strings and
sections are shared between the records of a table, as parsing made them.
"""

from __future__ import annotations

import hashlib
import marshal
from typing import Any

from speclint.model import (
    Cell,
    DeclaredRange,
    Diagnostic,
    DirectiveProblem,
    Location,
    ParsedFile,
    Record,
    Related,
    RowProblem,
    RuleFailure,
    Severity,
    Suppression,
    SuspectFence,
    Table,
    build_cell,
    build_record,
)

# Everything the layout below depends on: a change to a model class's fields changes this, and
# with it every cache key, so an old entry is never read back into a new model.
LAYOUT = repr(
    [
        (cls.__name__, cls.__slots__)
        for cls in (
            Cell,
            Record,
            Table,
            RowProblem,
            Suppression,
            DirectiveProblem,
            SuspectFence,
            Location,
            Related,
            Diagnostic,
            DeclaredRange,
            ParsedFile,
            RuleFailure,
        )
    ]
)

# What a page holds besides its path and records: per field, the class of its items and whether
# their first field is the page's path (left out, as for records).
_PARTS: dict[str, tuple[type, bool]] = {
    "tables": (Table, True),
    "problems": (RowProblem, True),
    "suppressions": (Suppression, True),
    "directive_problems": (DirectiveProblem, True),
    "suspect_fences": (SuspectFence, False),
    "declared_ranges": (DeclaredRange, True),
}
# A field added to ParsedFile must be added above, or the cache would silently drop it.
if set(ParsedFile.__slots__) != {"path", "records", *_PARTS}:  # pragma: no cover
    raise ImportError(f"speclint.read.plain does not know ParsedFile{ParsedFile.__slots__}")

Plain = tuple[Any, ...]


def _fields(value: Any) -> Plain:
    return tuple(getattr(value, name) for name in type(value).__slots__)


def page_to_plain(parsed: ParsedFile, *, records: bool = True) -> Plain:
    """``parsed`` as nested tuples; without its records when ``records`` is false."""
    plain_records = (
        tuple(
            (
                r.line,
                r.section,
                r.table,
                r.name,
                r.value,
                r.raw_value,
                r.description,
                tuple((c.role, c.header, c.text, c.raw, c.column) for c in r.cells),
            )
            for r in parsed.records
        )
        if records
        else ()
    )
    parts = tuple(
        tuple(_fields(item)[1 if in_file else 0 :] for item in getattr(parsed, name))
        for name, (_, in_file) in _PARTS.items()
    )
    return (parsed.path, plain_records, parts)


def page_digest(plain: Plain) -> bytes:
    """A digest of a page's parse (``page_to_plain``) that depends on its content alone.

    ``marshal``'s current format marks strings shared within a value, or held elsewhere (by a
    memo), as references, and interned ones as such: equal parses made in two processes can
    differ in those bytes. Version 0 writes every string in full, without either mark.
    """
    return hashlib.blake2b(marshal.dumps(plain, 0), digest_size=16).digest()


def page_from_plain(data: Plain) -> ParsedFile:
    path, records, parts = data
    cell = build_cell
    others = {
        name: tuple(cls(path, *item) if in_file else cls(*item) for item in items)
        for (name, (cls, in_file)), items in zip(_PARTS.items(), parts, strict=True)
    }
    return ParsedFile(
        path,
        tuple(
            build_record(
                path,
                line,
                section,
                table,
                name,
                value,
                raw_value,
                description,
                tuple([cell(*c) for c in cells]),
            )
            for line, section, table, name, value, raw_value, description, cells in records
        ),
        **others,
    )


def diagnostics_to_plain(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> Plain:
    return tuple(
        (
            d.code,
            d.rule,
            d.severity.value,
            d.message,
            _fields(d.location),
            tuple((_fields(r.location), r.message, r.name) for r in d.related),
            d.subject,
        )
        for d in diagnostics
    )


def diagnostics_from_plain(data: Plain) -> tuple[Diagnostic, ...]:
    return tuple(
        Diagnostic(
            code,
            rule,
            Severity(severity),
            message,
            Location(*location),
            tuple(Related(Location(*where), note, name) for where, note, name in related),
            subject,
        )
        for code, rule, severity, message, location, related, subject in data
    )


def failures_to_plain(failures: tuple[RuleFailure, ...] | list[RuleFailure]) -> Plain:
    return tuple(
        (f.code, f.rule, f.origin, f.batch, f.reason, _fields(f.location), f.record)
        for f in failures
    )


def failures_from_plain(data: Plain) -> tuple[RuleFailure, ...]:
    return tuple(
        RuleFailure(code, rule, origin, batch, reason, Location(*location), record)
        for code, rule, origin, batch, reason, location, record in data
    )
