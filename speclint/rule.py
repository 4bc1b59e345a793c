"""The rule plugin interface: what a rule declares, what it is given, and what it yields.

Built-in rules (``rules/``) and third-party rules implement exactly this, and both are found
through the ``speclint.rules`` entry-point group.
"""

from __future__ import annotations

import enum
import inspect
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

from speclint.model import (
    DeclaredRange,
    Diagnostic,
    GateOutcome,
    Location,
    ParsedFile,
    Record,
    Related,
    RowProblem,
    Severity,
    Suppression,
    SuspectFence,
    Table,
)

T = TypeVar("T")

CODE_PATTERN = re.compile(r"SL[0-9]{3}")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "How to fix")


class Scope(enum.Enum):
    """How much a rule needs to see at once.

    ``record`` rules judge each record alone, ``file`` rules one file's records, and ``registry``
    rules all the records of one code space (which may span pages). The engine may batch records
    of a narrower scope together; a rule must not rely on a batch being any larger than its scope.

    ``translation`` rules compare a page with its translation (``[translations]`` in the
    configuration): they are called once per pair of translated pages, with the records of the
    page in the first language declared, and ``counterpart`` the same page in another language.

    ``gate`` rules judge what the gate did once every other rule has run and suppressions and
    the baseline have been applied (an unused suppression, a stale baseline entry): they are
    called once per run with a record set whose ``outcome`` says what happened.
    """

    RECORD = "record"
    FILE = "file"
    REGISTRY = "registry"
    TRANSLATION = "translation"
    GATE = "gate"


@dataclass(frozen=True, slots=True)
class RecordSet:
    """What a rule is given: the records of one file or registry, and what parsing saw there.

    ``records`` are the definitions; ``references`` are rows of nameless tables that re-list codes
    defined elsewhere in the registry (a page listing what one endpoint returns).
    """

    name: str
    records: tuple[Record, ...]
    references: tuple[Record, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    tables: tuple[Table, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    declared: bool = False  # a registry the configuration declares, not one page on its own
    suspect_fences: tuple[SuspectFence, ...] = ()  # code fences that hide part of a page
    outcome: GateOutcome | None = None  # for rules of gate scope only
    # Ranges the pages state: a section's in its heading or text, reserved ones in table rows.
    declared_ranges: tuple[DeclaredRange, ...] = ()
    # The same registry's definitions at the revision the run compares with (``--base``), and
    # how the user named that revision; None when there is none, and rules about changes do
    # nothing. A record of ``base`` keeps the page it was on then, which may be gone now.
    base: tuple[Record, ...] | None = None
    base_revision: str = ""
    # For rules of translation scope: the language of these records' page, and the same page in
    # another language (``exists`` is False, and it has no records, when nobody wrote it).
    language: str = ""
    counterpart: RecordSet | None = None
    exists: bool = True
    # What rules derived from this very record set (see ``derived``); never copied by
    # ``dataclasses.replace``, never compared.
    _derived: dict[Hashable, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    @classmethod
    def of_page(cls, parsed: ParsedFile, **more: Any) -> RecordSet:
        """One page's records and what parsing saw there, as a rule of file scope sees them
        (``more``: the fields a page on its own does not set, such as ``language``)."""
        return cls(
            parsed.path,
            parsed.records,
            (),
            parsed.problems,
            parsed.tables,
            parsed.suppressions,
            suspect_fences=parsed.suspect_fences,
            declared_ranges=parsed.declared_ranges,
            **more,
        )

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, once per record set and ``key``: what several rules derive from the
        same records (the categories and their ranges, say) is worked out once.

        ``key`` must name everything the result depends on besides this record set (the
        function and the options it was given); ``compute`` must not change the records.
        """
        try:
            return self._derived[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    @property
    def malformed_rows(self) -> frozenset[tuple[str, int]]:
        """``(file, line)`` of every row that parsing found malformed (a cell missing, one too
        many, no value): one problem each, which malformed-table reports."""
        return self.derived(
            ("speclint.rule", "malformed rows"),  # a key no plugin's own key can be
            lambda: frozenset((p.file, p.line) for p in self.problems),
        )

    @property
    def shifted_rows(self) -> frozenset[tuple[str, int]]:
        """``(file, line)`` of the malformed rows with fewer cells than their header (a tab or a
        lost pipe): their cells may sit under the wrong headers, so rules that judge a cell's
        content skip them. A row with a cell too many keeps its cells in place."""
        return self.derived(
            ("speclint.rule", "shifted rows"),
            lambda: frozenset((p.file, p.line) for p in self.problems if p.shifted),
        )

    @property
    def description(self) -> str:
        """How a message names this code space."""
        return f"the registry {self.name}" if self.declared else "this page"

    def base_location(self, record: Record, key: str = "value") -> Location:
        """Where a record of ``base`` was: ``BASE:path:line``, as ``git show BASE:path`` finds
        the page (the path relative to the configuration's folder)."""
        return Location(f"{self.base_revision}:{record.file}", record.line, record.column(key))


@dataclass(frozen=True, slots=True)
class NoOptions:
    """A rule without options."""


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement ``check``.

    The class docstring is the rule's documentation page, in Markdown, with the sections
    ``## What it does``, ``## Why it matters``, ``## Example`` and ``## How to fix`` (and
    ``## Options`` when the rule has any). The first fenced block under Example must trigger it;
    a rule about changes since a base revision shows two, the page at the base and the page now.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    scope: ClassVar[Scope] = Scope.FILE
    enabled_by_default: ClassVar[bool] = True
    Options: ClassVar[type] = NoOptions
    # Options whose configured value, when this rule does not set it, comes from another rule
    # (option name -> that rule's name), e.g. {"ranges": "category-range"}.
    shared_options: ClassVar[Mapping[str, str]] = MappingProxyType({})

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.level = severity or self.severity

    def check(self, records: RecordSet) -> Iterable[Diagnostic]:
        """Yield the findings for ``records``."""
        raise NotImplementedError

    def explain(self, records: RecordSet) -> Iterable[str]:
        """Say, a line each, what the rule infers for ``records`` before it judges them (each
        category's range, naming convention...): ``speclint check -v`` shows it. Rules that
        infer nothing say nothing."""
        return ()

    def report(
        self,
        record: Record,
        message: str,
        *,
        field: str = "value",
        related: Iterable[tuple[Record, str]] = (),
        subject: Iterable[Record] = (),
        severity: Severity | None = None,
    ) -> Diagnostic:
        """Build a finding at ``record``'s ``field`` cell.

        ``related`` names the other records involved, each with a short note; ``subject`` lists the
        records that identify the finding for a baseline (by default ``record`` and ``related``);
        ``severity`` overrides the rule's level for this one finding.
        """
        related = tuple(related)
        involved = tuple(subject) or (record, *(other for other, _ in related))
        return Diagnostic(
            code=self.code,
            rule=self.name,
            severity=severity or self.level,
            message=message,
            location=record.location(field),
            related=tuple(
                Related(other.location(field), note, other.label) for other, note in related
            ),
            # The page (relative to the configuration) and the records by name and value, never a
            # line: a baseline entry survives moved rows but not a move to another page.
            subject=(record.file, *sorted({f"{r.name}={r.value}" for r in involved})),
        )

    def report_at(
        self, location: Location, message: str, *, subject: Iterable[str] = ()
    ) -> Diagnostic:
        """Build a finding at a place that is not a record (a malformed row, a heading).

        ``subject`` identifies it for a baseline without its line (e.g. the row's text); the
        page is added to it.
        """
        identity = (location.file, *subject) if subject else (location.file, message)
        return Diagnostic(self.code, self.name, self.level, message, location, subject=identity)

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first sentence under "What it does"."""
        body = doc_section(cls.documentation(), "What it does")
        return body.split("\n\n")[0].replace("\n", " ").strip()


def doc_section(text: str, title: str) -> str:
    """Return the body of the ``## title`` section of a rule's documentation ("" if absent)."""
    match = re.search(
        rf"^## {re.escape(title)}\s*$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL
    )
    return match.group(1).strip() if match else ""


def problems_in_rule_class(rule: type) -> list[str]:
    """What is wrong with a rule class's declaration (empty when it is well-formed)."""
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return [f"{rule!r} is not a subclass of speclint.rule.Rule"]
    problems = []
    code, name = getattr(rule, "code", None), getattr(rule, "name", None)
    if not isinstance(code, str) or not CODE_PATTERN.fullmatch(code):
        problems.append(f"code {code!r} is not 'SL' followed by three digits")
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        problems.append(f"name {name!r} is not kebab-case")
    if not isinstance(rule.severity, Severity):
        problems.append(f"severity {rule.severity!r} is not a speclint.model.Severity")
    if not isinstance(rule.scope, Scope):
        problems.append(f"scope {rule.scope!r} is not a speclint.rule.Scope")
    if rule.check is Rule.check:
        problems.append("it does not implement check()")
    return problems
