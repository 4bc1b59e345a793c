"""Baselines: accept today's findings, fail only on new ones.

A finding is identified by its rule and the records involved (names and values), never by line
numbers, so moving rows does not break a baseline. Entries are a multiset: two identical
findings need two entries. The file keeps one entry per line so that a stale entry can be
pointed at.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from speclint import __version__, atomic
from speclint.model import BaselineEntry, Diagnostic

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it."""


def write(path: Path, diagnostics: Sequence[Diagnostic]) -> None:
    lines = [
        "{",
        f'  "speclint_baseline": {FORMAT_VERSION},',
        f'  "tool_version": "{__version__}",',
        '  "entries": [',
    ]
    entries = [
        json.dumps(
            {
                "fingerprint": d.fingerprint,
                "code": d.code,
                "rule": d.rule,
                "file": d.file,
                "subject": list(d.subject),
                "message": d.message,
            },
            ensure_ascii=False,
        )
        for d in sorted(diagnostics, key=Diagnostic.sort_key)
    ]
    lines += [f"    {entry}," for entry in entries[:-1]] + [f"    {e}" for e in entries[-1:]]
    lines += ["  ]", "}"]
    atomic.write_text(path, "\n".join(lines) + "\n")


def read(path: Path) -> list[BaselineEntry]:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a speclint baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("speclint_baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a speclint baseline (format {FORMAT_VERSION})")
    line_of = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if '"fingerprint"' in line:
            line_of.setdefault(line.strip().rstrip(","), number)
    raw_entries = data.get("entries", [])
    if not isinstance(raw_entries, list) or not all(
        isinstance(raw, dict) and isinstance(raw.get("fingerprint"), str) for raw in raw_entries
    ):
        raise BaselineError(f"{path}: entries must be objects with a string fingerprint")
    entries = []
    for raw in raw_entries:
        key = json.dumps(raw, ensure_ascii=False)
        entries.append(
            BaselineEntry(
                raw["fingerprint"],
                raw.get("code", "?"),
                line_of.get(key, 1),
                f"{raw.get('code', '?')} {raw.get('message', '')}".strip(),
                _page(raw),
            )
        )
    return entries


def _page(raw: dict[str, object]) -> str:
    """The page an entry is about: the first part of its subject (relative to the
    configuration, as records name pages)."""
    subject = raw.get("subject")
    if isinstance(subject, list) and subject and isinstance(subject[0], str):
        return subject[0]
    return ""


def apply(
    diagnostics: Iterable[Diagnostic], entries: Sequence[BaselineEntry]
) -> tuple[list[Diagnostic], list[BaselineEntry]]:
    """Return the findings not in the baseline, and the entries that matched nothing."""
    available = Counter(entry.fingerprint for entry in entries)
    new = []
    for diagnostic in diagnostics:
        key = diagnostic.fingerprint
        if available[key] > 0:
            available[key] -= 1
        else:
            new.append(diagnostic)
    stale = []
    for entry in reversed(entries):
        if available[entry.fingerprint] > 0:
            available[entry.fingerprint] -= 1
            stale.append(entry)
    return new, sorted(stale, key=lambda e: e.line)
