"""A quick "surely valid" answer for a value against a JSON Schema, before jsonschema is needed.

Importing jsonschema costs about 35 ms, a quarter of a run on one page without the cache, and
the configuration is validated on every run. Most configurations use a few plain keywords
(``type``, ``items``, ``properties``, ``pattern``, ``enum``, a ``$ref`` into ``$defs``...); this
checks those itself and answers True only when every keyword it meets is one it knows and holds.
Anything else (an unknown keyword, a ``$ref`` elsewhere, a TOML date where a string goes) is
False: jsonschema then decides, and words every error. It may doubt a valid value, never pass an
invalid one (a hypothesis test holds it to jsonschema over speclint's configuration schema).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

# Keywords that never make a value invalid (``$defs`` holds what a ``$ref`` names).
_ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$comment",
        "$defs",
        "title",
        "description",
        "default",
        "examples",
        "deprecated",
    }
)


def surely_valid(instance: Any, schema: Any, root: Mapping[str, Any] | None = None) -> bool:
    """True when ``instance`` is valid against ``schema`` by keywords this module knows (a
    ``$ref`` resolves in ``root``, the whole schema); False when it is not, or it cannot tell."""
    root = schema if root is None else root
    if schema is True:
        return True
    if not isinstance(schema, dict):
        return False  # False (nothing is valid), or not a schema
    for keyword, expected in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        check = _KEYWORDS.get(keyword)
        if check is None or not check(instance, expected, schema, root):
            return False
    return True


def _json_type(instance: Any) -> str | None:
    """The JSON type of a value as TOML or JSON gives it (None: none of them, e.g. a date)."""
    if instance is None:
        return "null"
    kind = type(instance)
    if kind is bool:
        return "boolean"
    if kind is int:
        return "integer"
    if kind is float:
        return "number"
    if kind is str:
        return "string"
    if kind is list:
        return "array"
    if kind is dict:
        return "object"
    return None


def _type(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    wanted = expected if isinstance(expected, list) else [expected]
    found = _json_type(instance)
    if found is None:
        return False
    return found in wanted or (found == "integer" and "number" in wanted)


def _enum(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    # Same type and equal: stricter than JSON equality (1.0 is never taken for 1).
    return isinstance(expected, list) and any(
        type(instance) is type(option) and instance == option for option in expected
    )


def _pattern(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    return type(instance) is not str or re.search(expected, instance) is not None


def _min_length(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    return type(instance) is not str or len(instance) >= expected


def _items(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    if "prefixItems" in schema:
        return False  # then items judges only the rest: not handled here
    return type(instance) is not list or all(surely_valid(i, expected, root) for i in instance)


def _properties(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    if not isinstance(expected, dict):
        return False
    if type(instance) is not dict:
        return True
    return all(surely_valid(instance[k], s, root) for k, s in expected.items() if k in instance)


def _pattern_properties(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    if not isinstance(expected, dict):
        return False
    if type(instance) is not dict:
        return True
    return all(
        surely_valid(value, subschema, root)
        for pattern, subschema in expected.items()
        for key, value in instance.items()
        if re.search(pattern, key)
    )


def _additional(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    if type(instance) is not dict:
        return True
    known = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    return all(
        surely_valid(value, expected, root)
        for key, value in instance.items()
        if key not in known and not any(re.search(p, key) for p in patterns)
    )


def _min_items(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    return type(instance) is not list or len(instance) >= expected


def _min_properties(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    return type(instance) is not dict or len(instance) >= expected


def _property_names(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    return type(instance) is not dict or all(surely_valid(k, expected, root) for k in instance)


def _required(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    return type(instance) is not dict or all(key in instance for key in expected)


def _ref(instance: Any, expected: Any, schema: Any, root: Any) -> bool:
    if not isinstance(expected, str) or not expected.startswith("#/$defs/"):
        return False
    name = expected.removeprefix("#/$defs/")
    if "/" in name or "~" in name or "%" in name:
        return False  # an escaped or nested pointer: left to jsonschema
    target = root.get("$defs", {}).get(name)
    return target is not None and surely_valid(instance, target, root)


_KEYWORDS: dict[str, Callable[[Any, Any, Any, Any], bool]] = {
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "minLength": _min_length,
    "items": _items,
    "properties": _properties,
    "patternProperties": _pattern_properties,
    "additionalProperties": _additional,
    "minItems": _min_items,
    "minProperties": _min_properties,
    "propertyNames": _property_names,
    "required": _required,
    "$ref": _ref,
}
