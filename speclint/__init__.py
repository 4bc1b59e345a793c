"""speclint: lint and validate the status-code tables of Markdown API docs."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

# The built-in rules live in the top-level ``rules/`` folder of the repository. A wheel installs
# them as ``speclint/rules``; an editable install imports ``speclint`` from the source tree, where
# they are not inside the package, so let the package find them beside it.
_here = Path(__file__).resolve().parent
if not (_here / "rules").is_dir() and (_here.parent / "rules" / "__init__.py").is_file():
    __path__.append(str(_here.parent))
