"""How a command-line run sets Python's cyclic garbage collector.

speclint makes its records, cells and findings by the hundred thousand, and none of them can be
part of a reference cycle (frozen dataclasses of strings, numbers and tuples): reference
counting frees them. With the collector's default (a collection every 700 allocations more than
deallocations) it walks the young objects again and again, and each object that survives a few
walks is walked again with the older ones: `bench/run.py --targets`, measured with and without
this setting, 2 vCPUs: one page of 100,000 rows 3.8 -> 3.1 s, one registry over 1,000 pages
3.0 -> 2.7 s, each page its own registry 2.5 -> 2.4 s, the same peak memory.

The collector still runs (cycles do happen: an exception's traceback, a parser's state), only
less often, and what was imported before the run starts is never walked at all (``gc.freeze``).
Only the command line does this, around the run, and puts everything back after it: a program
that imports speclint keeps its own collector settings.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Allocations (more than deallocations) between two collections of the youngest generation.
# Python's default is 700; at 100,000 a collection comes about once per thousand records read,
# and the memory a cycle can hold until then is a few MiB at most.
YOUNG_COLLECTION_ALLOCATIONS = 100_000


@contextmanager
def few_collections() -> Iterator[None]:
    """Collect cycles rarely for the duration of a run (see the module's docstring)."""
    before = gc.get_threshold()
    gc.freeze()  # the modules imported so far: never garbage, never walked again
    gc.set_threshold(YOUNG_COLLECTION_ALLOCATIONS, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
