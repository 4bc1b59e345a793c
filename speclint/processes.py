"""How many processes a run may spread its work over (reading pages, running rules).

Work is handed to forked workers only on Linux: a worker starts with speclint imported and the
work in memory, nothing pickled but what goes in and what comes back. Elsewhere fork is
unavailable (Windows) or unsafe with system frameworks (macOS), and a spawned worker re-importing
speclint costs more than it saves on most runs.
"""

from __future__ import annotations

import os
import sys


def usable_cpus() -> int:
    """The processors this process may run on (1 where workers are not forked)."""
    if not sys.platform.startswith("linux"):
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
