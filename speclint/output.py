"""Where a command's output goes: stdout, or a file written atomically that is never a page.

Also the report a run that stops early still owes a CI step: with ``--output-format json``
(sarif, junit, gitlab, github) a configuration or usage error after the format is known still
writes a valid, parseable document holding the error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from speclint import atomic
from speclint.lint import LintResult
from speclint.report import REPORTERS, ReportOptions


class OutputError(Exception):
    """The output cannot (or must not) be written; the message names the file."""


def refuse_pages(target: Path | None, pages: Iterable[str], what: str) -> None:
    """``OutputError`` when ``target`` is one of the ``pages`` the run read (real paths)."""
    if target is None:
        return
    if os.path.realpath(target) in set(pages):
        raise OutputError(
            f"{target}: is a page being linted; refusing to overwrite it with {what} (name "
            "another file)"
        )


def write(text: str, output: Path | None) -> None:
    """``text`` to stdout, or to ``output`` whole or not at all (the old file kept on failure)."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        atomic.write_text(output, text)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from None


def early_report(output_format: str, errors: Sequence[str]) -> str:
    """The report of a run that stopped before linting: no files, no findings, the errors.
    Plain text has nothing to add to the message on stderr."""
    if output_format == "text":
        return ""
    return REPORTERS[output_format](LintResult((), (), tuple(errors)), ReportOptions())
