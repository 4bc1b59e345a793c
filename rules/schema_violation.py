from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from speclint.check.record_schema import load_record_schema
from speclint.model import Diagnostic, Record
from speclint.registry.thresholds import WHOLE_CATEGORY_MIN
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
        if cell.role in ("name", "description"):
            instance[cell.role] = cell.text
    return instance


_ONE_TOKEN = re.compile(r"^\S+$")


def obviously_valid(instance: dict[str, Any]) -> bool:
    """A fast check that implies validity against the built-in ``record.schema.json``.

    jsonschema costs tens of microseconds a record, and almost every record is valid; only the
    records this check doubts go through jsonschema, which then words the findings. A test
    holds this function to the schema: it may doubt a valid record, never pass an invalid one.
    """
    value = instance["value"]
    if type(value) is not int and not (type(value) is str and _ONE_TOKEN.search(value)):
        return False
    name = instance.get("name", "-")
    if not (type(name) is str and name):
        return False
    description = instance.get("description", "-")
    if not (type(description) is str and description):
        return False
    raw_value = instance["raw_value"]
    return (
        type(raw_value) is str
        and raw_value != ""
        and all(type(title) is str for title in instance["section"])
        and all(type(text) is str for text in instance["extra"].values())
    )


def _plain(error: ValidationError) -> str:
    """jsonschema's wording, but a reader's for the built-in schema's one-token pattern."""
    if error.validator == "pattern" and error.validator_value == _ONE_TOKEN.pattern:
        return f"{error.instance!r} is not one code: it has blanks in it (a list or a range?)"
    return error.message


class SchemaViolation(Rule):
    """## What it does
    Checks every record against the record JSON Schema and reports each violation at the cell
    that breaks it. A row that malformed-table reports (a cell missing or one too many) is not
    checked as well: its empty fields are part of that one problem. The same violation in
    `WHOLE_CATEGORY_MIN` (3) or more rows of one table (a column left empty) is one finding at
    the first, with the other rows as related locations.

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
    scope = Scope.FILE
    Options = SchemaViolationOptions

    def __init__(self, options: Any = None, severity: Any = None) -> None:
        super().__init__(options, severity)
        if self.options.schema:
            self.validator = load_record_schema(Path(self.options.schema))
        else:
            schema = json.loads(schema_path("record").read_text(encoding="utf-8"))
            self.validator = Draft202012Validator(schema, format_checker=None)
        self.prefilter = obviously_valid if not self.options.schema else None

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        # A row malformed-table reports (a cell missing, one too many) is one problem: its
        # empty fields are part of it, not a second finding.
        malformed = {(p.file, p.line) for p in records.problems}
        # The same violation in many rows of one table (a column left empty) is one problem of
        # the table: one finding at its first row, the other rows as related locations.
        violations: dict[tuple[str, int, str, str], list[Record]] = defaultdict(list)
        for record in records.records:
            if (record.file, record.line) in malformed:
                continue
            instance = record_instance(record)
            if self.prefilter is not None and self.prefilter(instance):
                continue
            for error in self.validator.iter_errors(instance):
                message, field = _violation(error)
                violations[(record.file, record.table, field, message)].append(record)
        for (_, _, field, message), rows in violations.items():
            if len(rows) < WHOLE_CATEGORY_MIN:
                for record in rows:
                    yield self.report(record, message, field=field)
                continue
            first, *others = rows
            yield self.report(
                first,
                f"{message}, in {len(rows)} rows of this table",
                field=field,
                related=[(r, f"also {r.title}") for r in others[:MAX_RELATED_ROWS]],
                subject=rows,
            )


# A table-wide finding names this many of the other rows; the count says how many there are.
MAX_RELATED_ROWS = 20


def _violation(error: ValidationError) -> tuple[str, str]:
    """The message of a schema violation and the field whose cell it is at."""
    shown = best_match([error])
    path = [str(part) for part in shown.absolute_path]
    if not path:
        return shown.message, ""
    if path[0] == "extra":
        if len(path) > 1:
            return f"column {path[1]!r}: {shown.message}", path[1]
        return f"extra columns: {shown.message}", ""
    field = "value" if path[0] == "raw_value" else path[0]
    return f"{path[0]} {_plain(shown)}", field
