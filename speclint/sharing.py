"""Share numbered tasks between this process and forked helpers, this process working too.

Why this process works rather than waiting: with two processors, two workers and a parent
decoding what they send keep three processes busy on two processors, and every result crosses a
pipe twice (encoded in the worker, decoded here). With one helper and the parent doing tasks
itself, the parent's share is never encoded or decoded at all (one registry over the benchmark's
1,000 pages: about a quarter of reading's work is moving records between processes).

Tasks are claimed one at a time from a pair of shared counters: the helpers from the front,
this process from the back, until they meet. Each process takes its next task when it is done
with one, so they finish together whatever the tasks cost; neighbouring tasks mostly run in one
process, which matters when they share what they derive (the rules of one family, numbered
together, work out a registry's categories or vocabulary once per process). This process takes
the back because it starts first: callers put their main work at the front (rules by code: the
ones about changes, translations and the gate, at the back, have nothing to do on most runs), so
a helper starts on it as soon as it is forked, and this process, which holds the whole heap it
read with, runs the fewer large tasks (one page of 100,000 rows: 146 -> 141 MiB at the peak).

Results keep the tasks' order whoever ran them. A helper that fails, or dies, never loses a
task: whatever it did not send back is run here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

R = TypeVar("R")

# How long this process waits for a helper's result before looking whether the helpers are
# still alive (a helper killed from outside sends nothing more).
POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Tasks(Generic[R]):
    """``count`` tasks, numbered from 0, and the three ways of handling task ``i``."""

    count: int
    here: Callable[[int], R]  # run it in this process
    there: Callable[[int], bytes]  # run it in a helper: its result as bytes (marshal)
    back: Callable[[bytes], R]  # a helper's bytes, as the result ``here`` would have given


def share_out(
    tasks: Tasks[R], helpers: int, done: Callable[[int, R], None] | None = None
) -> list[R]:
    """Every task's result, in task order, run here and in up to ``helpers`` forked processes.

    ``done(i, result)`` is called here once per task as its result is in (a progress bar).
    Without helpers (or when none can be started) every task runs here.
    """
    results: list[Any] = [_MISSING] * tasks.count
    finished = _Finisher(results, done)
    if helpers < 1 or tasks.count < 2:
        for index in range(tasks.count):
            finished(index, tasks.here(index))
        return results
    import multiprocessing

    context = multiprocessing.get_context("fork")
    claims = _Claims(context, tasks.count)
    outbox: Any = context.Queue()
    started = []
    try:
        for _ in range(helpers):
            process = context.Process(target=_help, args=(tasks, claims, outbox), daemon=True)
            process.start()
            started.append(process)
    except OSError:
        pass  # fewer helpers (or none): this process takes what they would have taken
    try:
        while (index := claims.back()) is not None:
            finished(index, tasks.here(index))
            _collect(outbox, tasks, finished, wait=False)
        while finished.count < tasks.count:
            if not _collect(outbox, tasks, finished, wait=True) and not any(
                p.is_alive() for p in started
            ):
                _collect(outbox, tasks, finished, wait=False)  # what they sent before exiting
                break
        for index, result in enumerate(results):
            if result is _MISSING:  # claimed by a helper that failed or died
                finished(index, tasks.here(index))
    finally:
        for process in started:
            if process.is_alive():
                process.kill()
            process.join()
        outbox.close()
        outbox.join_thread()
    return results


_MISSING: Any = object()


class _Finisher:
    def __init__(self, results: list[Any], done: Callable[[int, Any], None] | None) -> None:
        self.results = results
        self.done = done
        self.count = 0

    def __call__(self, index: int, result: Any) -> None:
        if self.results[index] is not _MISSING:
            return  # sent twice cannot happen; never count a task twice anyway
        self.results[index] = result
        self.count += 1
        if self.done is not None:
            self.done(index, result)


class _Claims:
    """Two counters in shared memory: the next task from the front, and the end of the tasks
    not yet claimed (the next from the back is the one before it)."""

    def __init__(self, context: Any, count: int) -> None:
        self.lock = context.Lock()
        self.ends = context.RawArray("q", [0, count])

    def front(self) -> int | None:
        with self.lock:
            first, end = self.ends[0], self.ends[1]
            if first >= end:
                return None
            self.ends[0] = first + 1
            return int(first)

    def back(self) -> int | None:
        with self.lock:
            first, end = self.ends[0], self.ends[1]
            if first >= end:
                return None
            self.ends[1] = end - 1
            return int(end - 1)


def _help(tasks: Tasks[Any], claims: _Claims, outbox: Any) -> None:
    """A helper's life: claim from the front, send each result back, until nothing is left."""
    try:
        while (index := claims.front()) is not None:
            try:
                encoded: bytes | None = tasks.there(index)
            except Exception:  # noqa: BLE001 - the parent runs it again and says what broke
                encoded = None
            outbox.put((index, encoded))
    except KeyboardInterrupt:
        pass  # the user stopped the run: the parent says so, once


def _collect(
    outbox: Any, tasks: Tasks[Any], finished: Callable[[int, Any], None], *, wait: bool
) -> bool:
    """Take in what the helpers sent (waiting a moment for something when ``wait``); whether
    anything came."""
    import queue  # only a run with helpers gets here (queue imports threading)

    came = False
    while True:
        try:
            index, encoded = outbox.get(timeout=POLL_SECONDS) if wait else outbox.get_nowait()
        except queue.Empty:
            return came
        came = True
        wait = False
        if encoded is not None:  # None: it failed there; run here at the end, as one process
            finished(index, tasks.back(encoded))


def helpers_for(cpus: int, tasks: int, min_tasks_each: int = 1) -> int:
    """How many helpers to fork for ``tasks`` tasks on ``cpus`` processors, this process being
    one of the workers: each process gets at least ``min_tasks_each`` tasks."""
    return max(0, min(cpus, tasks // max(1, min_tasks_each)) - 1)


__all__: Sequence[str] = ("Tasks", "helpers_for", "share_out")
