"""Rules that misbehave, loaded through the `plugins` setting by the plugin tests."""

from __future__ import annotations

from collections.abc import Iterator

from speclint.model import Diagnostic
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
