"""Share numbered tasks between this process and forked helpers, this process working too.

Why this process works rather than waiting: with two processors, two workers and a parent
decoding what they send keep three processes busy on two processors, and every result crosses a
pipe twice (encoded in the worker, decoded here). With one helper and the parent doing tasks
itself, the parent's share is never encoded or decoded at all (one registry over the benchmark's
1,000 pages, whose every record the parent needs: 2.25 -> 2.14 s, paired, from this alone).

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

import marshal
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
    started: list[Any] = []
    inbox = _Inbox(tasks, finished)
    try:
        for _ in range(helpers):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=_help, args=(tasks, claims, writer), daemon=True)
            process.start()
            writer.close()  # the helper's alone: its end (exit, death) is this reader's EOF
            started.append(process)
            inbox.readers.append(reader)
    except OSError:
        pass  # fewer helpers (or none): this process takes what they would have taken

    def none_died() -> bool:
        return not any(p.exitcode not in (None, 0) for p in started)

    try:
        try:
            while (index := claims.back(none_died)) is not None:
                finished(index, tasks.here(index))
                inbox.take(0)
        except _BrokenClaims:
            # A helper died holding the claims, which no other process can now take.
            for process in started:
                process.kill()
        while inbox.readers:
            if not inbox.take(POLL_SECONDS) and not none_died():
                for process in started:  # one died: the others may wait on what it held
                    process.kill()
        for index, result in enumerate(results):
            if result is _MISSING:  # claimed by a helper that failed or died
                finished(index, tasks.here(index))
    finally:
        for process in started:
            if process.is_alive():
                process.kill()
            process.join()
        for reader in inbox.readers:
            reader.close()
    return results


class _Inbox:
    """What the helpers send, read as it comes: each helper's pipe until its end (EOF)."""

    def __init__(self, tasks: Tasks[Any], finished: Callable[[int, Any], None]) -> None:
        self.tasks = tasks
        self.finished = finished
        self.readers: list[Any] = []

    def take(self, timeout: float) -> bool:
        """Take in every whole message waiting (for up to ``timeout`` seconds for the first);
        whether anything came. A pipe whose helper has ended is dropped: a message cut short
        by a helper's death ends in EOF too, never in a wait."""
        from multiprocessing.connection import wait

        came = False
        while self.readers and (ready := wait(self.readers, timeout)):
            timeout = 0
            for reader in ready:
                try:
                    index, encoded = marshal.loads(reader.recv_bytes())
                except (EOFError, OSError):
                    self.readers.remove(reader)
                    reader.close()
                    continue
                came = True
                if encoded is not None:  # None: it failed there; run here, as one process
                    self.finished(index, self.tasks.back(encoded))
        return came


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

    def back(self, none_died: Callable[[], bool]) -> int | None:
        """The next task from the back, for this process. While the claims are locked,
        ``none_died()`` is asked now and then: a helper killed while it held them (``kill
        -9``, the kernel out of memory) never lets go, and ``_BrokenClaims`` says so."""
        while not self.lock.acquire(timeout=POLL_SECONDS):
            if not none_died():
                raise _BrokenClaims
        try:
            first, end = self.ends[0], self.ends[1]
            if first >= end:
                return None
            self.ends[1] = end - 1
            return int(end - 1)
        finally:
            self.lock.release()


class _BrokenClaims(Exception):
    """A helper died holding the claims."""


def _help(tasks: Tasks[Any], claims: _Claims, writer: Any) -> None:
    """A helper's life: claim from the front and send each result back, until nothing is left.

    Results go out through a thread of their own: a pipe holds 64 KiB, and a helper waiting
    for this process to read (it reads between its own tasks) would not be working."""
    import queue
    import threading

    outgoing: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def send() -> None:
        while (message := outgoing.get()) is not None:
            writer.send_bytes(message)

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        while (index := claims.front()) is not None:
            try:
                encoded: bytes | None = tasks.there(index)
            except Exception:  # noqa: BLE001 - the parent runs it again and says what broke
                encoded = None
            outgoing.put(marshal.dumps((index, encoded)))
    except KeyboardInterrupt:
        return  # the user stopped the run: the parent says so, once
    finally:
        outgoing.put(None)
    sender.join()
    writer.close()


def helpers_for(cpus: int, tasks: int, min_tasks_each: int = 1) -> int:
    """How many helpers to fork for ``tasks`` tasks on ``cpus`` processors, this process being
    one of the workers: each process gets at least ``min_tasks_each`` tasks."""
    return max(0, min(cpus, tasks // max(1, min_tasks_each)) - 1)


__all__: Sequence[str] = ("Tasks", "helpers_for", "share_out")
