"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from speclint.lint import LintResult
from speclint.model import Diagnostic, Severity
from speclint.report.text import visible, with_related

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it; other control
    characters from a page are shown as escapes rather than sent to the log."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


def escape_property(text: str) -> str:
    """Escape a property value; ':' and ',' would otherwise end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, properties: dict[str, str | int]) -> str:
    """One ``::name key=value,...::message`` line, escaped."""
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"


def annotation(diagnostic: Diagnostic) -> str:
    """The annotation for one finding, titled with its rule."""
    properties: dict[str, str | int] = {"file": diagnostic.file}
    # Positions start at 1; a 0 means unknown, and naming it would point at nothing.
    if diagnostic.line >= 1:
        properties["line"] = diagnostic.line
        if diagnostic.column >= 1:
            properties["col"] = diagnostic.column
    properties["title"] = f"{diagnostic.code} {diagnostic.rule}"
    return command(COMMANDS[diagnostic.severity], with_related(diagnostic), properties)


def render(result: LintResult) -> str:
    lines = [annotation(d) for d in result.diagnostics]
    # A file that could not be read is an error too; annotate it rather than leave it in the log.
    lines += [command("error", error, {"title": "speclint"}) for error in result.errors]
    return "".join(f"{line}\n" for line in lines)
