"""Rules that misbehave, loaded through the `plugins` setting by the plugin tests."""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Iterator

from speclint.model import Diagnostic, Location, Severity
from speclint.rule import RecordSet, Rule, Scope


class Crashing(Rule):
    code = "SL802"
    name = "crashing-rule"
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        raise RuntimeError("boom")


class Malformed(Rule):
    code = "SL803"
    name = "malformed-rule"
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        yield "not a diagnostic"  # type: ignore[misc]


class NotARule:
    code = "SL804"


class FailsOnPlaceholders(Rule):
    """Fails on a record whose meaning is TODO, reports one that is FIXME."""

    code = "SL805"
    name = "fails-on-placeholders"
    scope = Scope.RECORD

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        for record in records.records:
            if record.description == "TODO":
                raise ValueError(f"cannot judge {record.name}")
            if record.description == "FIXME":
                yield self.report(record, f"{record.name} needs a meaning", severity=Severity.INFO)


class Exits(Rule):
    code = "SL806"
    name = "exiting-rule"
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        raise SystemExit(0)


class Interrupted(Rule):
    code = "SL807"
    name = "interrupted-rule"
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        raise KeyboardInterrupt


class Endless(Rule):
    code = "SL808"
    name = "endless-rule"
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        while True:  # a rule that even tries to swallow its stop
            with contextlib.suppress(Exception):
                time.sleep(0.01)


class NoneFields(Rule):
    code = "SL809"
    name = "none-fields"
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        for record in records.records:
            good = self.report(record, "fine")
            yield good
            yield dataclasses.replace(good, message=None)  # type: ignore[arg-type]
            yield dataclasses.replace(good, location=Location(record.file, "3", 1))  # type: ignore[arg-type]


class Impostor(Rule):
    """Claims the code of a built-in rule."""

    code = "SL101"
    name = "impostor"
    scope = Scope.FILE

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        return iter(())
