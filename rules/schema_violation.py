from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from speclint.model import Diagnostic, Record
from speclint.resources import schema_path
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class SchemaViolationOptions:
    schema: str = ""


def record_instance(record: Record) -> dict[str, Any]:
    """The JSON a record schema judges: the record's content, without its location."""
    instance: dict[str, Any] = {
        "value": record.value,
        "raw_value": record.raw_value,
        "section": list(record.section),
        "extra": record.extra,
    }
    for cell in record.cells:
        if cell.key in ("name", "description"):
            instance[cell.key] = cell.text
    return instance


class SchemaViolation(Rule):
    """## What it does
    Checks every record against the record JSON Schema and reports each violation at the cell
    that breaks it.

    ## Why it matters
    The schema is the contract clients generate code from: a value that is not a number, an
    empty name or a missing meaning breaks that code or leaves users guessing.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_OK | 0 | |
    ```

    ## How to fix
    Fill in or correct the cell named in the message. To change the contract itself, point the
    `schema` setting at your own Draft 2020-12 schema (it can also require extra columns).

    ## Options
    - `schema`: path to a record schema (default: the built-in `record.schema.json`). The
      top-level `schema` setting sets it too.
    """

    code = "SL001"
    name = "schema-violation"
    scope = Scope.RECORD
    Options = SchemaViolationOptions

    def __init__(self, options: Any = None, severity: Any = None) -> None:
        super().__init__(options, severity)
        path = Path(self.options.schema) if self.options.schema else schema_path("record")
        schema = json.loads(path.read_text(encoding="utf-8"))
        self.validator = Draft202012Validator(schema, format_checker=None)

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        for record in records.records:
            for error in self.validator.iter_errors(record_instance(record)):
                yield self._diagnostic(record, error)

    def _diagnostic(self, record: Record, error: ValidationError) -> Diagnostic:
        shown = best_match([error])
        path = [str(part) for part in shown.absolute_path]
        if not path:
            return self.report(record, shown.message, field="")
        if path[0] == "extra":
            if len(path) > 1:
                return self.report(record, f"column {path[1]!r}: {shown.message}", field=path[1])
            return self.report(record, f"extra columns: {shown.message}", field="")
        field = "value" if path[0] == "raw_value" else path[0]
        return self.report(record, f"{path[0]} {shown.message}", field=field)
