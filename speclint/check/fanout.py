"""Run the rules of a large registry side by side, one rule per worker at a time.

The rules are independent of one another: each reads the same record sets and yields its own
findings. When a declared registry holds many records (one registry over a whole docs tree),
running them one after the other keeps one processor busy while the others wait; forked workers
start with the record sets in memory (shared, not copied, until they are written to) and send
back only their findings. The findings are put back in rule order, so the output is the same as
one process gives, whatever worker finished first.
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
    """``run_rules``, with the rules shared among worker processes when the registries are
    large enough to repay them; the same findings and failures, in the same order."""
    work = [rule for rule in rules if rule.scope is not Scope.GATE]
    records = sum(len(batch.records) for batch in grouping.registries)
    if records < PARALLEL_RULES_MIN_RECORDS or len(work) < 2 or _in_a_worker():
        return run_rules(rules, grouping, timeout)
    workers = min(usable_cpus(), len(work))
    if workers < 2:
        return run_rules(rules, grouping, timeout)
    try:
        return _pooled(work, grouping, timeout, workers)
    except (OSError, RuntimeError):
        # A worker that could not start or died (BrokenProcessPool is a RuntimeError): the
        # rules run here instead, as they would on a machine with one processor.
        return run_rules(rules, grouping, timeout)


def _in_a_worker() -> bool:
    """Whether this process is a worker already (reading pages): it never starts its own."""
    import multiprocessing

    return multiprocessing.parent_process() is not None


_worker_job: list[tuple[Sequence[Rule], Grouping, float | None]] = []  # one per worker process


def _start_worker(rules: Sequence[Rule], grouping: Grouping, timeout: float | None) -> None:
    # A worker serves one run for its whole life; a process pool passes per-process state only
    # through its initializer, hence this module-level slot (never set in the parent).
    _worker_job.append((rules, grouping, timeout))


def _run_one(index: int) -> bytes:
    rules, grouping, timeout = _worker_job[0]
    found, failed = run_rules([rules[index]], grouping, timeout)
    return marshal.dumps((diagnostics_to_plain(found), failures_to_plain(failed)))


def _pooled(
    rules: Sequence[Rule], grouping: Grouping, timeout: float | None, workers: int
) -> tuple[list[Diagnostic], list[RuleFailure]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    give_back_free_memory()  # or every worker would start with what reading freed
    found: list[Diagnostic] = []
    failed: list[RuleFailure] = []
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(rules, grouping, timeout)
    ) as pool:
        # One rule per task: the rules' costs differ tenfold, so a worker takes the next rule
        # when it is done with one. map keeps the rules' order.
        for encoded in pool.map(_run_one, range(len(rules))):
            # Bytes a worker of this very run marshalled, never read from disk.
            plain_found, plain_failed = marshal.loads(encoded)
            found.extend(diagnostics_from_plain(plain_found))
            failed.extend(failures_from_plain(plain_failed))
    return found, failed
