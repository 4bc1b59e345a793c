"""Write a fixed page atomically, or show the change as a unified diff."""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
from pathlib import Path

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` at once: a reader (or a crash) sees the old page or the
    new one, never half of one. The file keeps its permissions; a link is followed, not
    replaced."""
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff (git's ``a/`` and ``b/`` names) of a page's text; line ends are kept."""
    old, new = _LINES.findall(before), _LINES.findall(after)
    lines = difflib.unified_diff(old, new, f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
