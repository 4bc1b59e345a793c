"""The located records and diagnostics: the one contract between speclint's stages.

Everything here is immutable, hashable and round-trips through plain JSON (``to_dict`` /
``from_dict``), because records and diagnostics are cached per file and compared across git
revisions.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from speclint.selectors import parse_selector

Value = int | str
_Built = TypeVar("_Built")


class Severity(enum.Enum):
    """How much a finding matters; ordered so that ``max()`` picks the worst."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell as the record sees it.

    ``role`` is what the column holds (``name``, ``value``, ``description``), or "" for any other
    column. ``text`` has inline markup reduced to what a reader sees; ``raw`` is the cell exactly
    as written. ``column`` is the 1-based character column of the cell's first non-blank
    character (0 for an empty cell, which has nothing to point at).
    """

    role: str
    header: str
    text: str
    raw: str
    column: int

    @property
    def key(self) -> str:
        """How the cell is looked up: its role, or for another column its header."""
        return self.role or self.header


@dataclass(frozen=True, slots=True)
class Record:
    """One row of a code table: a code's name, value and meaning, located in its file.

    ``name`` is empty when the table has no name column (many pages list only a numeric code and
    its meaning). ``value`` is an ``int`` for decimal, negative and ``0x`` hex values written
    without leading zeros; anything else (``0001``, ``InvalidParameter``) stays the string, so
    ``0001`` and ``1`` are different codes. ``section`` is the chain of headings above the table;
    ``table`` numbers the code tables of the file from 0.
    """

    file: str
    line: int
    section: tuple[str, ...]
    table: int
    name: str
    value: Value
    raw_value: str
    description: str
    cells: tuple[Cell, ...]

    @property
    def section_name(self) -> str:
        """The heading right above the table ("" when there is none)."""
        return self.section[-1] if self.section else ""

    @property
    def section_title(self) -> str:
        """How a message names the record's section."""
        return self.section_name or "the untitled top of the page"

    @property
    def extra(self) -> dict[str, str]:
        """The columns that play no role, by header."""
        return {c.header: c.text for c in self.cells if not c.role}

    def cell(self, key: str) -> Cell | None:
        """The cell of a role (``name``, ``value``, ``description``), else of a header."""
        by_role = next((c for c in self.cells if c.role == key), None)
        return by_role or next((c for c in self.cells if not c.role and c.header == key), None)

    def column(self, key: str = "value") -> int:
        """The column of the named field, falling back to the row's first cell."""
        cell = self.cell(key)
        if cell is not None and cell.column:
            return cell.column
        return next((c.column for c in self.cells if c.column), 1)

    def location(self, key: str = "value") -> Location:
        return Location(self.file, self.line, self.column(key))

    @property
    def label(self) -> str:
        """How a message names this record: its name, or its value when it has none."""
        return self.name or str(self.raw_value)

    @property
    def title(self) -> str:
        """A record named with its value: ``ERRCODE_OK (0)``, or ``code 0`` without a name."""
        return f"{self.name} ({self.raw_value})" if self.name else f"code {self.raw_value}"

    @property
    def value_key(self) -> tuple[str, Value]:
        """What makes two values the same code: 1 and "0001" differ, and so do 1 and "1"."""
        value = self.value
        return ("int" if type(value) is int else type(value).__name__, value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "raw_value": self.raw_value,
            "description": self.description,
            "extra": self.extra,
            "section": list(self.section),
            "file": self.file,
            "line": self.line,
            "columns": {c.role: c.column for c in self.cells if c.role},
            "table": self.table,
            "cells": [
                {
                    "role": c.role,
                    "header": c.header,
                    "text": c.text,
                    "raw": c.raw,
                    "column": c.column,
                }
                for c in self.cells
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            file=data["file"],
            line=data["line"],
            section=tuple(data["section"]),
            table=data["table"],
            name=data["name"],
            value=data["value"],
            raw_value=data["raw_value"],
            description=data["description"],
            cells=tuple(Cell(**c) for c in data["cells"]),
        )


def positional_builder(cls: type[_Built]) -> Callable[..., _Built]:
    """A constructor of ``cls`` (a frozen dataclass with slots) taking every field in order.

    It makes the same instance as ``cls(...)``, faster: a frozen class's own ``__init__`` sets
    each field through ``object.__setattr__``, which looks the field up by name each time. This
    one makes an instance of a plain twin class with the same slots, sets each field as any
    object's attribute (the interpreter's fastest store), then gives it ``cls`` as its class,
    which Python allows between classes of one layout (Cell 545 -> 170 ns, Record 880 -> 200
    ns). Where a class's layout will not allow that, each field is set through its slot's
    descriptor instead (Cell 330 ns). Reading a page and reading one back from the cache make one
    Record and a Cell per cell of every row (and a ``SourceRow`` per row), so only they use it;
    everything else keeps the ordinary constructor.
    Generated, as ``dataclasses`` generates ``__init__``, so it follows the fields as they are.
    """
    names = [f.name for f in fields(cls)]
    twin = type(f"_{cls.__name__}Fields", (), {"__slots__": tuple(names)})
    try:
        object.__new__(twin).__class__ = cls
    except TypeError:  # another layout (a base with slots of its own, say)
        slots = {
            name: next(k.__dict__[name] for k in cls.__mro__ if name in k.__dict__)
            for name in names
        }
        setters = {f"_set_{name}": slot.__set__ for name, slot in slots.items()}
        body = "".join(f"    _set_{name}(self, {name})\n" for name in names)
        namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
        source = f"def build({', '.join(names)}):\n    self = _new(_cls)\n{body}    return self\n"
    else:
        body = "".join(f"    self.{name} = {name}\n" for name in names)
        namespace = {"_new": object.__new__, "_twin": twin, "_cls": cls}
        source = (
            f"def build({', '.join(names)}):\n    self = _new(_twin)\n{body}"
            "    self.__class__ = _cls\n    return self\n"
        )
    exec(source, namespace)  # noqa: S102 - source made above from the class's own field names
    return namespace["build"]  # type: ignore[no-any-return]


build_cell = positional_builder(Cell)
build_record = positional_builder(Record)


@dataclass(frozen=True, slots=True)
class Location:
    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a diagnostic involves, e.g. the earlier record a duplicate repeats.

    Messages never spell out where another record is: each reporter renders related locations
    its own way (text ``(see a.md:6)``, SARIF ``relatedLocations``, links in a report).
    ``name`` is how the related record is called (its name, or its value without one).
    """

    location: Location
    message: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. ``subject`` identifies the records involved by name and value, not by line,
    so that a baseline survives rows being moved."""

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()
    subject: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        return self.location.file

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def fingerprint(self) -> str:
        """A stable identity: the rule and the records involved, never a line number, so that
        baselines and CI dashboards keep recognising a finding when rows move."""
        basis = self.subject or (self.file, self.message)
        return hashlib.sha256("\0".join((self.code, *basis)).encode("utf-8")).hexdigest()

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "related": [
                {
                    "file": r.location.file,
                    "line": r.location.line,
                    "column": r.location.column,
                    "message": r.message,
                    "name": r.name,
                }
                for r in self.related
            ],
            "subject": list(self.subject),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        return cls(
            code=data["code"],
            rule=data["rule"],
            severity=Severity(data["severity"]),
            message=data["message"],
            location=Location(data["file"], data["line"], data["column"]),
            related=tuple(
                Related(
                    Location(r["file"], r["line"], r["column"]), r["message"], r.get("name", "")
                )
                for r in data.get("related", ())
            ),
            subject=tuple(data.get("subject", ())),
        )


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A table row that could not become a record (too few cells, no value, ragged)."""

    file: str
    line: int
    column: int
    section: tuple[str, ...]
    message: str
    text: str = ""
    # The row has fewer cells than its header (a tab or a lost pipe): what it holds may sit
    # under the wrong headers, so a record read from it is judged by this problem alone.
    shifted: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A code table as found: where it is, what its columns mean, and why it was kept or skipped."""

    file: str
    line: int
    section: tuple[str, ...]
    headers: tuple[str, ...]
    roles: tuple[str, ...] = ()
    index: int = -1
    skipped: str = ""
    # Skipped because its cells showed what else it is (a table of limits, of measurements):
    # no code table that failed to read, whatever its headers say.
    known_other: bool = False
    # Its codes are errors' titles, sent with an HTTP status (| `400 No Recipients` |): words,
    # blanks and all, as a client tells them apart.
    titled: bool = False


@dataclass(frozen=True, slots=True)
class SuspectFence:
    """A code fence that hides what the author meant as page: it is never closed, or a code
    block (```json) swallowed Markdown tables, usually because a fence was mistyped."""

    line: int  # 1-based line of the opening fence
    never_closed: bool
    lines_hidden: int
    tables_hidden: int  # delimiter rows (| --- | --- |) inside it


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rules silenced from ``start`` to ``end`` (1-based lines, inclusive) of ``file``, by an
    inline comment at ``line``. ``selectors`` are in the one selector grammar
    (``speclint.selectors``); none means every rule."""

    file: str
    line: int  # where the comment is
    column: int
    selectors: tuple[str, ...]  # empty: every rule
    reason: str
    start: int
    end: int

    def covers(self, diagnostic: Diagnostic) -> bool:
        return (
            diagnostic.file == self.file
            and self.start <= diagnostic.line <= self.end
            and self.names(diagnostic.code, diagnostic.rule)
        )

    def names(self, code: str, name: str) -> bool:
        """Whether this suppression is about the rule ``code`` / ``name``."""
        return not self.selectors or any(
            parse_selector(s).matches(code, name) for s in self.selectors
        )


@dataclass(frozen=True, slots=True)
class DirectiveProblem:
    """An inline directive that cannot work (a selector that is no rule, an enable that closes
    nothing, a disable-next-table with no table after it)."""

    file: str
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Inferred:
    """What a rule inferred for a registry (a category's range, its naming convention), as
    ``speclint check -v`` shows it."""

    code: str  # the rule's
    registry: str
    text: str


@dataclass(frozen=True, slots=True)
class DeclaredRange:
    """A range of codes a page states itself.

    ``source`` says where: ``heading`` (``## 用户模块 (60000–69999)``), ``sentence`` (the paragraph
    under a heading: "Codes 2000-2999 are reserved for payments.") or ``row`` (a row of a code
    table whose value is a range: ``-32099 to -32000 | Server error``). A heading or sentence
    declares its section's range; a row reserves its values.
    """

    file: str
    line: int
    section: tuple[str, ...]
    low: int
    high: int
    source: str
    text: str = ""

    def __str__(self) -> str:
        return f"{self.low}..{self.high}"


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """Everything speclint read from one page: the read stage's output for that page."""

    path: str  # relative to the configuration's folder
    records: tuple[Record, ...]
    tables: tuple[Table, ...]
    problems: tuple[RowProblem, ...]
    suppressions: tuple[Suppression, ...] = ()
    directive_problems: tuple[DirectiveProblem, ...] = ()
    suspect_fences: tuple[SuspectFence, ...] = ()
    declared_ranges: tuple[DeclaredRange, ...] = ()


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The pages as they were at an earlier revision, read by the same read stage: what
    ``speclint check --base`` and ``speclint diff`` compare the pages with.

    ``revision`` is how the user named it (``origin/main``, ``v1.2``, or a catalog file written by
    ``speclint export``); a page of ``files`` is identified as a page of today is (relative to the
    configuration's folder), so that records compare across revisions. ``unchanged`` are the
    pages whose bytes at that revision are today's: they are read once, today, and stand for
    themselves at the revision too. ``errors`` are the pages of that revision that could not be
    read.
    """

    revision: str
    files: tuple[ParsedFile, ...] = ()
    unchanged: frozenset[str] = frozenset()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One accepted finding in a baseline file; ``line`` is where the entry is in that file."""

    fingerprint: str
    code: str
    line: int
    summary: str
    page: str = ""  # the page the finding was on (relative to the configuration); "" unknown


@dataclass(frozen=True, slots=True)
class RuleFailure:
    """A rule that raised, ran out of time or yielded something that is not a well-formed
    diagnostic on one batch: reported as ``SL000 internal-error`` at ``location`` (the record
    it failed on when known, else the top of the batch's first page)."""

    code: str
    rule: str
    origin: str  # the module the rule comes from, so a plugin's author can be found
    batch: str  # the file or registry the rule was checking
    reason: str
    location: Location
    record: str = ""  # the record it failed on, as a message names it ("" unknown)

    def describe(self) -> str:
        on = f"{self.batch}, at {self.record}" if self.record else self.batch
        return f"rule {self.code} {self.rule} ({self.origin}) failed on {on}: {self.reason}"


@dataclass(frozen=True, slots=True)
class GateOutcome:
    """What the gate did with the findings, for the rules that judge the gate itself
    (unused suppressions, stale baseline entries). See ``speclint.rule.Scope.GATE``."""

    unused_suppressions: tuple[Suppression, ...] = ()
    directive_problems: tuple[DirectiveProblem, ...] = ()
    baseline_file: str = ""  # as the user names it
    stale_baseline_entries: tuple[BaselineEntry, ...] = ()
    rules_run: frozenset[tuple[str, str]] = frozenset()  # (code, name) of the rules that ran
    rules_known: frozenset[tuple[str, str]] = frozenset()  # every rule installed
    rule_failures: tuple[RuleFailure, ...] = ()  # for SL000 internal-error
