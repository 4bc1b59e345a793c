"""Run one rule on one batch so that nothing the rule does can take the run down.

A rule may raise anything (``SystemExit`` included), run for ever, or yield something that is
not a well-formed ``Diagnostic``. Each becomes a ``RuleFailure`` (reported as ``SL000
internal-error``) naming the rule and the batch, and for a record-scope rule the record: the
batch is run again record by record so that the other records' findings are kept. Only an
interrupt (Ctrl-C) stops the run.

``timeout`` stops a rule's check of one batch after that many seconds with ``SIGALRM``
(``signal.setitimer``), which interrupts Python code between two bytecodes. Limits: it works in
the main thread on POSIX only (elsewhere rules run without a limit), and cannot stop a rule
stuck inside one C call (a catastrophic regular expression) until that call returns.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from speclint.model import Diagnostic, Location, Related, RuleFailure, Severity
from speclint.rule import RecordSet, Rule, Scope

# How many failing records of one batch are named before the rest are summed up.
MAX_RECORDS_NAMED = 3


# Not an Exception: a rule's own `except Exception` must not swallow it.
class RuleTimeout(BaseException):
    """Raised inside a rule that ran out of time."""


def run_isolated(
    rule: Rule, batch: RecordSet, failures: list[RuleFailure], timeout: float | None = None
) -> list[Diagnostic]:
    """The findings of ``rule`` on ``batch``; anything that goes wrong is added to ``failures``."""
    produced, reason = _attempt(rule, batch, timeout)
    if reason is None:
        return _checked(rule, batch, produced, failures)
    if rule.scope is Scope.RECORD and len(batch.records) > 1 and "longer than" not in reason:
        return _record_by_record(rule, batch, failures, timeout)
    failures.append(_failure(rule, batch, reason))
    return []


def _attempt(rule: Rule, batch: RecordSet, timeout: float | None) -> tuple[list[Any], str | None]:
    try:
        if timeout is None:  # most runs: no timer to set (a rule runs on every page)
            return list(rule.check(batch)), None
        with _time_limit(timeout):
            return list(rule.check(batch)), None
    except KeyboardInterrupt:
        raise
    except RuleTimeout:
        return [], f"took longer than {timeout:g} s (--rule-timeout) and was stopped"
    except RecursionError:
        return [], "RecursionError: it recursed too deep"
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - a broken plugin must not stop the lint
        return [], f"{type(exc).__name__}: {exc}"


def _record_by_record(
    rule: Rule, batch: RecordSet, failures: list[RuleFailure], timeout: float | None
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    failed = []
    for record in batch.records:
        one = replace(batch, records=(record,))
        produced, reason = _attempt(rule, one, timeout)
        if reason is None:
            found.extend(_checked(rule, one, produced, failures))
        else:
            failed.append((record, reason))
    for record, reason in failed[:MAX_RECORDS_NAMED]:
        failures.append(
            RuleFailure(
                rule.code, rule.name, _origin(rule), batch.name, reason,
                record.location(), record.title,
            )
        )  # fmt: skip
    if len(failed) > MAX_RECORDS_NAMED:
        record, reason = failed[MAX_RECORDS_NAMED]
        more = len(failed) - MAX_RECORDS_NAMED
        failures.append(
            RuleFailure(
                rule.code, rule.name, _origin(rule), batch.name,
                f"{reason} (and on {more} more record{'' if more == 1 else 's'})",
                record.location(), record.title,
            )
        )  # fmt: skip
    return found


def _checked(
    rule: Rule, batch: RecordSet, produced: list[Any], failures: list[RuleFailure]
) -> list[Diagnostic]:
    """The well-formed diagnostics of ``produced``; the first malformed one is a failure."""
    good = []
    bad: list[str] = []
    for item in produced:
        problem = diagnostic_problem(item, rule)
        if problem is None:
            good.append(item)
        else:
            bad.append(problem)
    if bad:
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        failures.append(_failure(rule, batch, f"yielded {bad[0]}{more}"))
    return good


def diagnostic_problem(item: object, rule: Rule) -> str | None:
    """Why ``item`` is not a diagnostic ``rule`` may yield, or None when it is one."""
    if not isinstance(item, Diagnostic):
        return f"{_short(item)}, not a speclint Diagnostic"
    fields: list[tuple[str, object, type | tuple[type, ...]]] = [
        ("code", item.code, str),
        ("rule", item.rule, str),
        ("severity", item.severity, Severity),
        ("message", item.message, str),
        ("location", item.location, Location),
        ("related", item.related, tuple),
        ("subject", item.subject, tuple),
    ]
    for name, value, expected in fields:
        if not isinstance(value, expected) or isinstance(value, bool):
            return f"a Diagnostic whose {name} is {_short(value)}"
    if item.code != rule.code:
        return f"a Diagnostic with the code {item.code!r} of another rule"
    if not item.message.strip():
        return "a Diagnostic without a message"
    problem = _location_problem(item.location)
    if problem:
        return f"a Diagnostic whose location {problem}"
    for related in item.related:
        if not isinstance(related, Related) or not isinstance(related.message, str):
            return f"a Diagnostic whose related entry is {_short(related)}"
        problem = _location_problem(related.location)
        if problem:
            return f"a Diagnostic whose related location {problem}"
    if not all(isinstance(part, str) for part in item.subject):
        return f"a Diagnostic whose subject is {_short(item.subject)}"
    return None


def _location_problem(location: object) -> str | None:
    if not isinstance(location, Location):
        return f"is {_short(location)}"
    if not isinstance(location.file, str) or not location.file:
        return f"has the file {_short(location.file)}"
    for name in ("line", "column"):
        value = getattr(location, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"has the {name} {_short(value)}"
    return None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _origin(rule: Rule) -> str:
    return type(rule).__module__


def _failure(rule: Rule, batch: RecordSet, reason: str) -> RuleFailure:
    files = sorted({r.file for r in (*batch.records, *batch.references)})
    where = files[0] if files else batch.name
    return RuleFailure(
        rule.code, rule.name, _origin(rule), batch.name, reason, Location(where, 1, 1)
    )


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise RuleTimeout

    previous: Callable[..., Any] | int | None = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
