"""The default, human output: one ``path:line:col: CODE [severity] message (rule)`` line each."""

from __future__ import annotations

import re
from collections import Counter

from speclint.lint import LintResult
from speclint.model import Diagnostic, Severity

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_WORST_FIRST = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


# A line names at most this many related places (JSON and SARIF carry them all).
SHOWN_RELATED = 3


def with_related(diagnostic: Diagnostic) -> str:
    """The message followed by where the related records are: ``... (see a.md:6, b.md:9)``."""
    if not diagnostic.related:
        return diagnostic.message
    # file:line, the form editors and terminals turn into links; a long list is cut short.
    shown = diagnostic.related[:SHOWN_RELATED]
    places = ", ".join(f"{r.location.file}:{r.location.line}" for r in shown)
    more = len(diagnostic.related) - len(shown)
    if more:
        places += f" and {more} more"
    return f"{diagnostic.message} (see {places})"


# Control characters from a page (an ESC starting a terminal sequence) must not reach the
# terminal: they are shown as escapes. Tabs stay.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with control characters written as ``\\xNN``."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def line(diagnostic: Diagnostic, color: bool = False) -> str:
    where = _paint(visible(str(diagnostic.location)), "1", color)
    code = _paint(diagnostic.code, _COLORS[diagnostic.severity], color)
    message = visible(with_related(diagnostic))
    return f"{where}: {code} [{diagnostic.severity.value}] {message} ({diagnostic.rule})"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(result: LintResult) -> str:
    scanned = (
        f"{plural(result.record_count, 'record')} in {plural(result.section_count, 'section')} "
        f"of {plural(len(result.files), 'file')}"
    )
    unread = f"; {plural(len(result.errors), 'error')} (on stderr)" if result.errors else ""
    if not result.diagnostics:
        return f"No problems found ({scanned}{unread})."
    counts = Counter(d.severity for d in result.diagnostics)
    kinds = ", ".join(plural(counts[s], s.value) for s in _WORST_FIRST if counts[s])
    return f"Found {plural(len(result.diagnostics), 'problem')} ({kinds}) in {scanned}{unread}."


def rule_counts(result: LintResult) -> list[str]:
    counts = Counter((d.code, d.rule) for d in result.diagnostics)
    return [f"{count:5d}  {code} {rule}" for (code, rule), count in sorted(counts.items())]


def explanations(result: LintResult) -> list[str]:
    """What ``-v`` adds: how each table was read, and what the rules inferred."""
    lines: list[str] = []
    for parsed in result.files:
        for table in parsed.tables:
            where = f"{parsed.path}:{table.line}:1"
            if table.skipped:
                lines.append(f"{where}: skipped table: {table.skipped}")
                continue
            roles = ", ".join(
                f"{role}={header!r}"
                for role in ("value", "name", "description")
                for header, key in zip(table.headers, table.roles, strict=False)
                if key == role
            )
            lines.append(f"{where}: code table: {roles}")
    lines += [f"inferred ({i.code}) in {i.registry}: {i.text}" for i in result.inferred]
    return lines


def render(
    result: LintResult, *, color: bool = False, statistics: bool = False, verbose: bool = False
) -> str:
    lines = explanations(result) if verbose else []
    lines += [line(d, color) for d in result.diagnostics]
    if statistics and result.diagnostics:
        lines += ["", *rule_counts(result)]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
