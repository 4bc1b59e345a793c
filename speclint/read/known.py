"""Pages known unchanged by their file status, as git's index knows files, without reading them.

A run that uses the cache needs each page's key (its path and bytes) to find the page's entries.
Reading and hashing every page for it takes 0.026 to 0.036 s on the benchmark's 1,000 pages
(7.5 MB, in the system's file cache, on a slow day; a status is 0.003 s), a tenth of a warm run,
although almost none of them changed; more where pages are large or not in memory. A file's
status (size, modification and change times, inode, device) changes whenever its content does:
the change time (``ctime``) cannot be set back by any program, unlike the modification time. So
a page whose status is the one recorded with its key last time still has that key, and is not
read at all until it must be parsed.

A status is recorded only when the file has not changed for ``RACY_SECONDS`` before it was
read: two writes within one tick of the file system's clock leave the same times (a few
milliseconds on ext4, one or two seconds on some file systems), so a status taken just after a
write cannot tell the content read from a second write in the same tick. Such a page ("racily
clean", in git's words) is read and hashed again on the next run, as any page without a
recorded status is.

The statuses are kept in one cache entry, merged with what earlier runs recorded (a run over one
page keeps the others'). It is an optimisation like the rest of the cache: an entry that is
corrupt or from another layout is ignored, and a page whose status cannot be read is read.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

# Seconds a file must have been left alone, when it is read, for its status to be trusted next
# time (see the module's docstring; git compares with its index's own time instead, to the same
# end). Two seconds cover the coarsest clocks of common file systems (FAT's is two seconds).
RACY_SECONDS = 2.0

# (size, modification time, change time, inode, device); times in nanoseconds.
Status = tuple[int, int, int, int, int]


def status_of(result: os.stat_result) -> Status:
    return (
        result.st_size,
        result.st_mtime_ns,
        result.st_ctime_ns,
        result.st_ino,
        result.st_dev,
    )


@dataclass
class KnownPages:
    """Each page's status and key as recorded by earlier runs, and what this run recorded."""

    recorded: dict[str, tuple[Status, str]] = field(default_factory=dict)
    changed: bool = False

    def key(self, page: str, path: Path) -> str | None:
        """The recorded key of ``page``, if the file at ``path`` has the status recorded with
        it; None when it must be read (no status recorded, another one, or none readable)."""
        known = self.recorded.get(page)
        if known is None:
            return None
        try:
            now = status_of(os.stat(path))
        except OSError:
            return None
        return known[1] if known[0] == now else None

    @staticmethod
    def read(path: Path) -> tuple[bytes, Status | None]:
        """The bytes of the file at ``path``, and its status when it may be recorded with their
        key (None: it changed too recently to be trusted later)."""
        with open(path, "rb") as file:
            status = status_of(os.fstat(file.fileno()))
            content = file.read()
        last_change = max(status[1], status[2])
        settled = time.time_ns() - last_change > RACY_SECONDS * 1e9
        return content, status if settled else None

    def record(self, page: str, status: Status | None, key: str) -> None:
        if status is None:
            # The page changed just now: whatever was recorded for it no longer holds.
            self.changed |= self.recorded.pop(page, None) is not None
            return
        entry = (status, key)
        if self.recorded.get(page) != entry:
            self.recorded[page] = entry
            self.changed = True

    def to_plain(self) -> tuple[tuple[str, Status, str], ...]:
        return tuple((page, status, key) for page, (status, key) in sorted(self.recorded.items()))

    @classmethod
    def from_plain(cls, plain: tuple[tuple[str, Status, str], ...]) -> KnownPages:
        """What ``to_plain`` gave; ``ValueError`` or ``TypeError`` for anything else."""
        recorded: dict[str, tuple[Status, str]] = {}
        for page, status, key in plain:
            if not (isinstance(page, str) and isinstance(key, str)) or len(status) != 5:
                raise ValueError("not a page's status and key")
            if not all(isinstance(number, int) for number in status):
                raise ValueError("not a file status")
            recorded[page] = (tuple(status), key)  # type: ignore[assignment]
        return cls(recorded)
