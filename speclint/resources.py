"""Locate the files speclint ships: the JSON Schemas.

In a wheel they sit inside the package (``speclint/schemas``); in a source checkout or an
editable install they are the top-level ``schemas/`` folder next to the package.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def schema_path(name: str) -> Path:
    """Return the path of ``schemas/<name>.schema.json``."""
    filename = f"{name}.schema.json"
    for folder in (_PACKAGE / "schemas", _PACKAGE.parent / "schemas"):
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"speclint is missing its schema {filename}; reinstall speclint")


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))
