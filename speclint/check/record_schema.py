"""Load a user's record schema: checked when loaded, never fetched from the network.

A schema that is missing, not JSON or not a valid Draft 2020-12 schema (checked against its
metaschema, regular expressions included) is a configuration error naming the schema file and
where in it, before any page is read; otherwise it would be blamed on every record it judges.

``$ref``s are resolved within the schema file and in files beside it (relative references);
a reference to a URL is refused when the schema is loaded: reading a page must never make
speclint reach the network (a schema there could change or stall every run).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import url2pathname

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012


class RecordSchemaError(ValueError):
    """A record schema that cannot be used; the message names the file and the place in it."""


def load_record_schema(path: Path) -> Draft202012Validator:
    """A validator for the record schema at ``path``, or ``RecordSchemaError``."""
    schema = _read_json(path)
    _check_against_metaschema(schema, path)
    base = path.resolve().as_uri()
    if isinstance(schema, dict):
        _check_references(schema, base, path)
        schema = {"$id": base, **schema} if "$id" not in schema else schema
    registry: Registry[Any] = Registry(retrieve=_local_only)
    return Draft202012Validator(schema, registry=registry, format_checker=None)


def _check_against_metaschema(schema: Any, path: Path) -> None:
    """What ``Draft202012Validator.check_schema`` checks (regex syntax included), with the
    most relevant error worded for the message."""
    metaschema = Draft202012Validator(
        Draft202012Validator.META_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    error = best_match(metaschema.iter_errors(schema))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise RecordSchemaError(
            f"{path}: not a valid JSON Schema (Draft 2020-12) at {where}: {error.message}"
        )


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecordSchemaError(f"{path}: no such schema file") from None
    except OSError as exc:
        raise RecordSchemaError(f"{path}: cannot read the schema: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise RecordSchemaError(f"{path}: the schema is not UTF-8") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordSchemaError(
            f"{path}:{exc.lineno}:{exc.colno}: the schema is not JSON: {exc.msg}"
        ) from None


def _walk(node: Any, base: str, key: str) -> Iterator[str]:
    """Every ``key`` (``$ref`` or ``$id``) in ``node``, resolved against the ``$id``s above it."""
    if isinstance(node, dict):
        here = urljoin(base, node["$id"]) if isinstance(node.get("$id"), str) else base
        found = node.get(key)
        if isinstance(found, str):
            yield urljoin(here, found)
        for value in node.values():
            yield from _walk(value, here, key)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, base, key)


def _check_references(schema: dict[str, Any], base: str, path: Path) -> None:
    """Refuse a reference to the network; a referenced file must exist and be JSON."""
    inside = {base, "", *(urldefrag(i).url for i in _walk(schema, base, "$id"))}
    for target in sorted({urldefrag(t).url for t in _walk(schema, base, "$ref")} - inside):
        parsed = urlparse(target)
        if parsed.scheme == "file":
            try:
                _read_json(Path(url2pathname(parsed.path)))
            except RecordSchemaError as exc:
                raise RecordSchemaError(f"{path}: $ref to {exc}") from None
        elif parsed.scheme != "urn":
            raise RecordSchemaError(
                f"{path}: $ref {target!r} points to the network; speclint never fetches "
                "schemas: save it beside the schema and refer to the file"
            )


def _local_only(uri: str) -> Resource[Any]:
    """Retrieve a referenced schema from a file, never from the network."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        raise NoSuchResource(ref=uri)
    return Resource.from_contents(
        _read_json(Path(url2pathname(parsed.path))), default_specification=DRAFT202012
    )
