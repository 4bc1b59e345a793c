"""Generated constants: the codes of the linted pages as Python, TypeScript or Go source.

One group of constants per section (the heading that sets a table apart, as category ranges
see it): a Python ``IntEnum`` (or ``str, Enum`` for string codes), a TypeScript ``as const``
object with a type of its values, a Go type with a ``const`` block. Rows that only cite codes
defined elsewhere (references) are left out. The output depends on nothing but the pages and
speclint's version: no date, no absolute path.

Identifiers (documented in the README):

- A code's name becomes its identifier after NFKC normalisation, with each run of characters
  that are not letters, decimal digits or ``_`` replaced by one ``_`` and ``_`` trimmed from
  both ends (``invalid-request`` -> ``invalid_request``). A code without a usable name is
  ``CODE_`` and its value (``CODE_404``, ``CODE_MINUS_1``); a name starting with a digit gets
  ``CODE_`` in front.
- A section's title becomes a PascalCase identifier the same way (``request validation`` ->
  ``RequestValidation``); letters without case, such as CJK, are kept (``基础错误码``). A page
  without headings uses its file name; a title starting with a digit gets ``Section`` in front.
- A keyword of the language gets ``_`` appended (``None_``). Go exports only names that start
  with an upper-case letter: a lower-case first letter is capitalised, and a name that starts
  with a letter without case gets ``Code`` (constants) or ``Section`` (types) in front.
- Collisions: in each scope (a Python class or TypeScript object for its codes, the module for
  sections, the whole package in Go) the first identifier in page order keeps its name and the
  next ones get ``_2``, ``_3``, ...

Descriptions become doc comments with line breaks and control characters replaced by spaces,
and, in TypeScript, ``*/`` and ``@`` escaped, so a description can never end a comment early.
"""

from __future__ import annotations

import json
import keyword
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from speclint import __version__
from speclint.config import Settings
from speclint.model import ParsedFile, Record
from speclint.registry.catalog import catalog
from speclint.registry.categories import file_roots, section_heading
from speclint.registry.lifecycle import Markers
from speclint.report import CONSTANT_LANGUAGES

LANGUAGES = CONSTANT_LANGUAGES
GO_PACKAGE = re.compile(r"[a-z][a-z0-9_]*")
_HEX = re.compile(r"[-+]?0[xX][0-9a-fA-F]+")
_SAFE_INTEGER = 2**53 - 1  # beyond it a TypeScript number loses digits: a bigint is written
_INT64 = (-(2**63), 2**63 - 1)

PYTHON_RESERVED = frozenset({*keyword.kwlist, "mro"})  # Enum refuses a member called mro
TYPESCRIPT_RESERVED = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "as",
        "implements",
        "interface",
        "let",
        "package",
        "private",
        "protected",
        "public",
        "static",
        "yield",
        "any",
        "boolean",
        "never",
        "number",
        "object",
        "string",
        "symbol",
        "unknown",
        "undefined",
        "bigint",
        "type",
        "of",
        "await",
        "async",
        "declare",
        "module",
        "namespace",
        "require",
        "get",
        "set",
    ]
)


@dataclass(frozen=True, slots=True)
class Constant:
    record: Record
    identifier: str  # before a language's own adjustments
    deprecated: bool


@dataclass(frozen=True, slots=True)
class Group:
    """The codes of one section of one page."""

    title: str
    page: str  # as the user named it
    identifier: str
    constants: tuple[Constant, ...]

    @property
    def integers(self) -> bool:
        return all(isinstance(c.record.value, int) for c in self.constants)


def constant_groups(files: Sequence[ParsedFile], settings: Settings) -> list[Group]:
    """The codes of ``files`` (as the reporters get them), one group per section, in page order."""
    found = catalog(files, settings)
    definitions = sorted(
        (r for registry in found.registries for r in registry.records),
        key=lambda r: (found.order[r.file], r.line),
    )
    roots = file_roots(definitions)
    sections: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in definitions:
        sections[(record.file, section_heading(record.section, roots[record.file]))].append(record)
    markers = Markers.configured(settings.markers)
    groups = []
    for (file, heading), records in sections.items():
        title = heading or PurePosixPath(file).stem
        constants = tuple(
            Constant(r, member_identifier(r), markers.is_deprecated(r)) for r in records
        )
        groups.append(Group(title, found.display[file], type_identifier(title), constants))
    return groups


_IDENTIFIER_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"})


def _identifier_char(ch: str) -> bool:
    """A character Python, TypeScript and Go all take in an identifier (letters of any script,
    decimal digits, ``_``)."""
    return ch == "_" or (
        unicodedata.category(ch) in _IDENTIFIER_CATEGORIES and f"a{ch}".isidentifier()
    )


def _clean(text: str) -> str:
    """``text`` with each run of non-identifier characters as one ``_``, trimmed of ``_``."""
    out: list[str] = []
    gap = False  # characters were dropped since the last one kept
    for ch in unicodedata.normalize("NFKC", text):
        if not _identifier_char(ch):
            gap = True
            continue
        if gap and out:
            out.append("_")
        out.append(ch)
        gap = False
    return "".join(out).strip("_")


def member_identifier(record: Record) -> str:
    # A string code without a name column names itself (InvalidParameter).
    found = _clean(record.name or (record.value if isinstance(record.value, str) else ""))
    if not found:
        found = "CODE_" + _clean(record.raw_value.strip().replace("-", "MINUS_", 1))
    return "CODE_" + found if found[0].isdigit() else found


def type_identifier(title: str) -> str:
    words = [w for w in _clean(title).split("_") if w]
    found = "".join(w[:1].upper() + w[1:] for w in words) or "Codes"
    return "Section" + found if found[0].isdigit() else found


def comment_text(text: str) -> str:
    """``text`` on one line without control characters (a line break would end a comment)."""
    cleaned = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch == "\ufeff" else ch
        for ch in text
    )
    return " ".join(cleaned.split())


class _Names:
    """Identifiers handed out in one scope: the first keeps its name, the next get _2, _3..."""

    def __init__(self, reserved: frozenset[str] = frozenset()) -> None:
        self.taken: set[str] = set()
        self.reserved = reserved

    def take(self, wanted: str) -> str:
        if wanted in self.reserved:
            wanted += "_"
        name, number = wanted, 1
        while name in self.taken:
            number += 1
            name = f"{wanted}_{number}"
        self.taken.add(name)
        return name


def render(language: str, groups: Sequence[Group], pages: Sequence[str], package: str) -> str:
    """The source file for ``language`` (one of ``LANGUAGES``)."""
    writers: dict[str, Callable[[Sequence[Group], str], list[str]]] = {
        "python": _python,
        "typescript": _typescript,
        "go": lambda groups, origin: _go(groups, origin, package),
    }
    origin = comment_text(", ".join(pages) or "no pages")
    return "\n".join(writers[language](groups, origin)) + "\n"


def _integer_literal(record: Record) -> str:
    raw = record.raw_value.strip()
    return raw.lstrip("+") if _HEX.fullmatch(raw) else str(record.value)


def _quoted(text: str) -> str:
    """A double-quoted string literal that Python, TypeScript and Go all read as ``text``: JSON
    escapes only quotes, backslashes and control characters, in forms all three know."""
    return json.dumps(text, ensure_ascii=False)


def _string_of(record: Record) -> str:
    return record.value if isinstance(record.value, str) else record.raw_value


# Python -------------------------------------------------------------------------------------


def _python(groups: Sequence[Group], origin: str) -> list[str]:
    lines = [
        f'"""Status codes generated by speclint {__version__} from {origin}.',
        "",
        "Do not edit: regenerate it with `speclint export --format python`.",
        '"""',
    ]
    bases = {"IntEnum" if g.integers else "Enum" for g in groups}
    if bases:
        lines += ["", f"from enum import {', '.join(sorted(bases))}"]
    classes = _Names(PYTHON_RESERVED)
    for group in groups:
        base = "IntEnum" if group.integers else "str, Enum"
        lines += ["", "", f"class {classes.take(group.identifier)}({base}):"]
        lines.append(f"    {_quoted(comment_text(f'{group.title} ({group.page})'))}")
        members = _Names(PYTHON_RESERVED)
        for constant in group.constants:
            record = constant.record
            lines.append("")
            note = comment_text(record.description)
            if constant.deprecated:
                note = f"Deprecated. {note}".strip()
            if note:
                lines.append(f"    #: {note}")
            value = _integer_literal(record) if group.integers else _quoted(_string_of(record))
            lines.append(f"    {members.take(constant.identifier)} = {value}")
    return lines


# TypeScript ---------------------------------------------------------------------------------


def _ts_comment(text: str) -> str:
    return comment_text(text).replace("*/", "*\\/").replace("@", "\\@")


def _typescript(groups: Sequence[Group], origin: str) -> list[str]:
    lines = [
        f"// Status codes generated by speclint {__version__} from {origin}.",
        "// Do not edit: regenerate it with `speclint export --format typescript`.",
    ]
    if not groups:
        lines += ["", "export {};"]
    objects = _Names(TYPESCRIPT_RESERVED)
    for group in groups:
        name = objects.take(group.identifier)
        lines += ["", f"/** {_ts_comment(f'{group.title} ({group.page})')} */"]
        lines.append(f"export const {name} = {{")
        members = _Names()
        for constant in group.constants:
            record = constant.record
            note = " ".join(
                part
                for part in (_ts_comment(record.description), constant.deprecated * "@deprecated")
                if part
            )
            if note:
                lines.append(f"  /** {note} */")
            if not group.integers:
                value = _quoted(_string_of(record))
            elif abs(int(record.value)) > _SAFE_INTEGER:
                value = f"{record.value}n"
            else:
                value = _integer_literal(record)
            lines.append(f"  {members.take(constant.identifier)}: {value},")
        lines.append("} as const;")
        lines.append(f"export type {name} = (typeof {name})[keyof typeof {name}];")
    return lines


# Go -----------------------------------------------------------------------------------------


def _exported(identifier: str, prefix: str) -> str:
    first = identifier[0]
    if first.isupper():
        return identifier
    if first.islower():
        return first.upper() + identifier[1:]
    return prefix + identifier


def _go_type(group: Group) -> str:
    if not group.integers:
        return "string"
    values = [int(c.record.value) for c in group.constants]
    if _INT64[0] <= min(values) and max(values) <= _INT64[1]:
        return "int64"
    return "uint64" if min(values) >= 0 and max(values) < 2**64 else "string"


def _go(groups: Sequence[Group], origin: str, package: str) -> list[str]:
    # The first line is the one Go tools recognise as marking a generated file.
    lines = [
        f"// Code generated by speclint {__version__} from {origin}; DO NOT EDIT.",
        "",
        f"// Package {package} holds the status codes of {origin}.",
        f"package {package}",
    ]
    names = _Names()  # types and constants share the package's scope
    for group in groups:
        kind = _go_type(group)
        type_name = names.take(_exported(group.identifier, "Section"))
        lines += [
            "",
            f"// {type_name} is a code of {comment_text(group.title)} ({comment_text(group.page)}).",
            f"type {type_name} {kind}",
            "",
            f"// The codes of {comment_text(group.title)}.",
            "const (",
        ]
        for constant in group.constants:
            record = constant.record
            name = names.take(_exported(constant.identifier, "Code"))
            # Every constant has a comment line: gofmt aligns only uncommented neighbours.
            lines.append(f"\t// {name} {comment_text(record.description)}".rstrip())
            if constant.deprecated:
                lines += ["\t//", "\t// Deprecated: the pages mark this code deprecated."]
            value = _quoted(_string_of(record)) if kind == "string" else _integer_literal(record)
            lines.append(f"\t{name} {type_name} = {value}")
        lines.append(")")
    return lines


def pages_of(files: Iterable[ParsedFile]) -> list[str]:
    """The pages a generated file comes from: those that hold codes."""
    return [f.path for f in files if f.records]


def source(language: str, files: Sequence[ParsedFile], settings: Settings, package: str) -> str:
    """The generated file for ``language`` from the linted ``files``; ``ValueError`` for a
    ``package`` that is no Go package name."""
    if not GO_PACKAGE.fullmatch(package):
        raise ValueError(f"{package!r} is not a Go package name (lower-case letters, digits, _)")
    return render(language, constant_groups(files, settings), pages_of(files), package)
