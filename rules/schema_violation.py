from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from speclint.model import Diagnostic, Record, Value
from speclint.read.thresholds import VALUE_KIND_MIN_VALUES
from speclint.registry.thresholds import WHOLE_CATEGORY_MIN
from speclint.resources import schema_path
from speclint.rule import RecordSet, Rule, Scope

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator


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
        if cell.role == "name":
            instance["name"] = cell.text
        elif cell.role == "description":
            # The record's: a blank description cell beside a message (| 20002 | 参数不完整 | |)
            # takes the message's text, what the code means.
            instance["description"] = record.description
    return instance


_ONE_TOKEN = re.compile(r"^\S+$")


def obviously_valid(instance: dict[str, Any]) -> bool:
    """A fast check that implies validity against the built-in ``record.schema.json``, on the
    instance: the reference ``obviously_valid_record`` (what the rule asks) is held to.

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


def obviously_valid_record(record: Record) -> bool:
    """``obviously_valid(record_instance(record))``, read from the record without making the
    instance (every record of every page is asked, and almost all pass). As strict or stricter:
    a test holds it to the two composed."""
    value = record.value
    if type(value) is not int and not (type(value) is str and _ONE_TOKEN.search(value)):
        return False
    raw_value = record.raw_value
    if type(raw_value) is not str or raw_value == "":
        return False
    for cell in record.cells:
        role, text = cell.role, cell.text
        if role == "value":
            continue  # not part of the instance (the value and raw_value are)
        if role == "description":
            text = record.description
        if type(text) is not str or (not text and role in ("name", "description")):
            return False
    return all(type(title) is str for title in record.section)


# Characters Python's ``\\s`` (what jsonschema's ``pattern`` uses: every ``str.isspace()``
# character) counts as blanks and ECMAScript's (jsonschema-rs) does not: the separators
# U+001C-U+001F and NEL, U+0085. A value holding one is left to jsonschema, so that the two
# validators never disagree about the built-in one-token pattern (a test derives the set).
_BLANK_ONLY_TO_PYTHON = re.compile(r"[\x1c-\x1f\x85]")


def fast_validity_check(schema: dict[str, Any]) -> Callable[[dict[str, Any]], bool] | None:
    """jsonschema-rs's ``is_valid`` for ``schema`` when the ``fast`` extra is installed.

    It only ever says "valid": every record it doubts goes through jsonschema, which words the
    findings, so the diagnostics are jsonschema's either way (a test holds the two to that).
    """
    if _refers_elsewhere(schema):
        return None  # other files: only jsonschema resolves them (never from the network)
    try:
        import jsonschema_rs
    except ImportError:
        return None
    try:
        validator = jsonschema_rs.Draft202012Validator(schema, validate_formats=False)
    except Exception:  # noqa: BLE001 - a schema jsonschema-rs cannot compile: use jsonschema
        return None

    def is_valid(instance: dict[str, Any]) -> bool:
        if any(_BLANK_ONLY_TO_PYTHON.search(text) for text in _texts(instance)):
            return False
        return bool(validator.is_valid(instance))

    return is_valid


def _refers_elsewhere(node: Any) -> bool:
    """Whether a ``$ref`` in the schema points outside it."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            return True
        return any(_refers_elsewhere(value) for value in node.values())
    if isinstance(node, list):
        return any(_refers_elsewhere(value) for value in node)
    return False


def _texts(value: Any) -> Iterator[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _shown(error: ValidationError) -> ValidationError:
    """The part of a violation a reader is shown (the best match among a oneOf's branches)."""
    from jsonschema.exceptions import best_match  # a violation means jsonschema is loaded

    return best_match([error])


def _one_token(shown: ValidationError) -> bool:
    """Whether ``shown`` is the built-in schema's one-token pattern: a value must have no blank
    in it."""
    return shown.validator == "pattern" and shown.validator_value == _ONE_TOKEN.pattern


# A plain word (placed, Refunded): an identifier has a separator, a digit or a capital inside.
_PLAIN_WORD = re.compile(r"[A-Z]?[a-z]+")
# An acronym or a field's name among a title's plain words (Invalid Campaign ID, The max number
# of external_ids ...): never a value's only kind of word, so that EINVAL EAGAIN and
# err_a err_b stay two codes in one cell.
_TITLE_WORD = re.compile(r"[A-Z]{2,}|[a-z]+(?:_[a-z]+)+")


def _label_of_words(value: str) -> bool:
    """Plain words, with acronyms or fields' names among them: a status's words (return
    pending) or an error's title (Invalid Campaign ID)."""
    words = value.split(" ")
    plain = sum(1 for w in words if _PLAIN_WORD.fullmatch(w))
    return plain > 0 and all(_PLAIN_WORD.fullmatch(w) or _TITLE_WORD.fullmatch(w) for w in words)


class _WordTables:
    """Which tables hold their codes as plain words (order statuses: placed, shipped): there a
    value of several words (return pending) is a label of the same vocabulary, not a list.
    Worked out for a table only when one of its values has a blank."""

    def __init__(self, records: tuple[Record, ...], titled: frozenset[tuple[str, int]]) -> None:
        self.records = records
        self.titled = titled  # tables whose codes are errors' titles (400 No Recipients)
        self.known: dict[tuple[str, int], bool] | None = None

    def hold(self, record: Record) -> bool:
        if self.known is None:
            # Every table at once, in one pass over the records (asked per table, it would be
            # tables x records on a page of many tables).
            values: dict[tuple[str, int], list[Value]] = defaultdict(list)
            for r in self.records:
                values[(r.file, r.table)].append(r.value)
            # As many values as a column's kind is inferred from, and each of plain words.
            self.known = {
                key: len(listed) >= VALUE_KIND_MIN_VALUES
                and all(isinstance(v, str) and _label_of_words(v) for v in listed)
                for key, listed in values.items()
            }
        key = (record.file, record.table)
        return key in self.titled or self.known[key]


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

    A value must be one token (no blank in it: a list or a range written where one code goes),
    except in a table whose every value is plain words (`placed`, `shipped`, `Refunded`,
    `Invalid Campaign ID`: acronyms among them; at least `VALUE_KIND_MIN_VALUES` (5) of them): there `return pending` is two words of the same
    vocabulary. Among identifiers (`NOT_FOUND`, `InvalidParameter`) `PERMISSION DENIED` is
    still reported.

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
            # A user's schema is checked now (jsonschema is needed for it anyway): a broken one
            # is a configuration error before any page is read.
            from speclint.check.record_schema import load_record_schema

            self.validator = load_record_schema(Path(self.options.schema))
            self.schema = self.validator.schema
        else:
            self.schema = json.loads(schema_path("record").read_text(encoding="utf-8"))
        # The pre-check implies validity against the built-in schema only.
        self.prefilter = obviously_valid_record if not self.options.schema else None

    # The built-in schema is compiled once per process, and only when a record needs it: on a
    # page where every record passes the pre-check, jsonschema is never imported (a third of a
    # short run's start-up).
    @cached_property
    def validator(self) -> Validator:
        from jsonschema import Draft202012Validator

        return Draft202012Validator(self.schema, format_checker=None)

    @cached_property
    def fast_check(self) -> Callable[[dict[str, Any]], bool] | None:
        return fast_validity_check(self.schema)

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        # A row malformed-table reports (a cell missing, one too many) is one problem: its
        # empty fields are part of it, not a second finding.
        malformed = records.malformed_rows
        # The same violation in many rows of one table (a column left empty) is one problem of
        # the table: one finding at its first row, the other rows as related locations.
        violations: dict[tuple[str, int, str, str], list[Record]] = defaultdict(list)
        titled = frozenset((t.file, t.index) for t in records.tables if t.titled)
        words = _WordTables(records.records, titled)
        for record in records.records:
            if (record.file, record.line) in malformed:
                continue
            if self.prefilter is not None and self.prefilter(record):
                continue
            instance = record_instance(record)
            if self.fast_check is not None and self.fast_check(instance):
                continue
            for error in self.validator.iter_errors(instance):
                shown = _shown(error)
                if _one_token(shown) and words.hold(record):
                    continue  # "return pending" among placed, shipped: two words, one label
                message, field = _violation(shown)
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


def _violation(shown: ValidationError) -> tuple[str, str]:
    """The message of a violation as a reader is shown it (``_shown``), and the field whose
    cell it is at."""
    path = [str(part) for part in shown.absolute_path]
    if not path:
        return shown.message, ""
    if path[0] == "extra":
        if len(path) > 1:
            return f"column {path[1]!r}: {shown.message}", path[1]
        return f"extra columns: {shown.message}", ""
    field = "value" if path[0] == "raw_value" else path[0]
    return f"{path[0]} {_plain(shown)}", field
