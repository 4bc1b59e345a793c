"""Write a file whole or not at all.

Reports, exports and baselines are written to a temporary file in the same folder, flushed to
disk, then renamed over the target (``os.replace`` is atomic within a file system): a write that
fails half-way (disk full, a size limit, a killed process) leaves the old file as it was and no
temporary file behind, and a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace ``path``'s content with ``text`` atomically; ``OSError`` if it cannot be done.

    A new file gets the usual permissions (the umask applies); an existing one keeps its own.
    A symbolic link is followed, so the file it points to is replaced, not the link.
    """
    target = Path(os.path.realpath(path))
    temporary = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        # "x": never reuse a file that happens to exist; newline="": write the text as given.
        with open(temporary, "x", encoding=encoding, newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
