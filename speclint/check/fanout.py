"""Run the rules of a large registry side by side, one rule per process at a time.

The rules are independent of one another: each reads the same record sets and yields its own
findings. When a declared registry holds many records (one registry over a whole docs tree),
running them one after the other keeps one processor busy while the others wait. This process
and forked helpers share them out (``speclint.sharing``): a helper starts with the record sets
in memory (shared, not copied, until they are written to) and sends back only its findings. The
findings are put back in rule order, so the output is the same as one process gives, whatever
process finished first.
"""

from __future__ import annotations

import marshal
from collections.abc import Sequence

from speclint.check.run import run_rules
from speclint.model import Diagnostic, RuleFailure
from speclint.processes import usable_cpus
from speclint.read.memory import give_back_free_memory
from speclint.read.plain import (
    diagnostics_from_plain,
    diagnostics_to_plain,
    failures_from_plain,
    failures_to_plain,
)
from speclint.registry.build import Grouping
from speclint.rule import Rule, Scope

# Below this many records in the registries checked at once, forking workers costs more than
# it saves: the registry rules take about 25 microseconds a record together (the benchmark's
# 100,000-code registry: 2.5 CPU-seconds), so 20,000 records are half a second of work, and
# starting two workers and sending their findings back costs a few tens of milliseconds.
PARALLEL_RULES_MIN_RECORDS = 20_000


def run_rules_side_by_side(
    rules: Sequence[Rule], grouping: Grouping, timeout: float | None = None
) -> tuple[list[Diagnostic], list[RuleFailure]]:
    """``run_rules``, with the rules shared with helper processes when the registries are
    large enough to repay them; the same findings and failures, in the same order."""
    work = [rule for rule in rules if rule.scope is not Scope.GATE]
    records = sum(len(batch.records) for batch in grouping.registries)
    if records < PARALLEL_RULES_MIN_RECORDS or len(work) < 2 or _in_a_worker():
        return run_rules(rules, grouping, timeout)
    from speclint.sharing import helpers_for  # only a large registry gets here

    helpers = helpers_for(usable_cpus(), len(work))
    if helpers < 1:
        return run_rules(rules, grouping, timeout)
    try:
        return _shared_out(work, grouping, timeout, helpers)
    except OSError:
        # No way to share the work at all (no semaphores for the claims, say): the rules run
        # here instead, as they would on a machine with one processor. A helper that fails or
        # dies is no error: what it did not send back runs here (``share_out``).
        return run_rules(rules, grouping, timeout)


def _in_a_worker() -> bool:
    """Whether this process is a helper already (reading pages): it never starts its own."""
    import multiprocessing

    return multiprocessing.parent_process() is not None


def _shared_out(
    rules: Sequence[Rule], grouping: Grouping, timeout: float | None, helpers: int
) -> tuple[list[Diagnostic], list[RuleFailure]]:
    # One rule per task: the rules' costs differ tenfold, so a process takes the next rule when
    # it is done with one. The helpers take rules from the front, this process from the back:
    # the rules of one family (numbered together) mostly run in one process, and work out what
    # they share (a registry's vocabulary, its categories) once.
    def here(index: int) -> tuple[list[Diagnostic], list[RuleFailure]]:
        return run_rules([rules[index]], grouping, timeout)

    def there(index: int) -> bytes:
        found, failed = here(index)
        return marshal.dumps((diagnostics_to_plain(found), failures_to_plain(failed)))

    def back(data: bytes) -> tuple[list[Diagnostic], list[RuleFailure]]:
        # Bytes a helper of this very run marshalled, never read from disk.
        plain_found, plain_failed = marshal.loads(data)
        return list(diagnostics_from_plain(plain_found)), list(failures_from_plain(plain_failed))

    from speclint.sharing import Tasks, share_out

    give_back_free_memory()  # or every helper would start with what reading freed
    results = share_out(Tasks(len(rules), here, there, back), helpers)
    found = [finding for each, _ in results for finding in each]
    failed = [failure for _, each in results for failure in each]
    return found, failed
