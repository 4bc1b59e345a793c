"""Tasks shared between this process and forked helpers: every result, in task order, whoever
ran it, and nothing lost to a helper that fails or dies."""

from __future__ import annotations

import os
import sys
import time

import pytest

from speclint.sharing import Tasks, helpers_for, share_out

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="helpers are forked on Linux only"
)


def _tasks(
    count: int, fail_there: frozenset[int] = frozenset(), die_at: int = -1, slow: float = 0.0
) -> Tasks[str]:
    parent = os.getpid()

    def here(index: int) -> str:
        assert os.getpid() == parent
        time.sleep(slow)  # long enough for the helper to start and take its share
        return f"{index}:here"

    def there(index: int) -> bytes:
        assert os.getpid() != parent
        if index == die_at:
            os._exit(3)  # killed mid-run: nothing more comes from this helper
        if index in fail_there:
            raise RuntimeError("broken in a helper")
        return f"{index}:there".encode()

    def back(data: bytes) -> str:
        return data.decode()

    return Tasks(count, here, there, back)


def _indices(results: list[str]) -> list[int]:
    return [int(result.split(":")[0]) for result in results]


def test_results_keep_the_task_order_and_neighbours_stay_together() -> None:
    done: list[int] = []
    results = share_out(_tasks(40, slow=0.01), helpers=1, done=lambda index, _: done.append(index))
    assert _indices(results) == list(range(40))
    assert sorted(done) == list(range(40)), "each task is reported done exactly once"
    where = [result.split(":")[1] for result in results]
    # The helper takes from the front, this process from the back: one run of each.
    assert where == sorted(where, key=lambda w: w == "here")
    assert "here" in where
    assert "there" in where, "the helper took its share"


def test_a_task_that_fails_in_a_helper_runs_here() -> None:
    results = share_out(_tasks(30, fail_there=frozenset(range(30))), helpers=2)
    assert results == [f"{index}:here" for index in range(30)]


def test_a_helper_that_dies_loses_nothing() -> None:
    results = share_out(_tasks(30, die_at=0), helpers=1)
    assert _indices(results) == list(range(30))
    assert results[0] == "0:here"


def test_without_helpers_every_task_runs_here() -> None:
    assert share_out(_tasks(5), helpers=0) == [f"{index}:here" for index in range(5)]
    assert share_out(_tasks(0), helpers=3) == []


@pytest.mark.parametrize(
    ("cpus", "tasks", "each", "helpers"),
    [(2, 1000, 24, 1), (2, 40, 24, 0), (8, 100, 24, 3), (1, 1000, 24, 0), (4, 3, 1, 2)],
)
def test_helpers_for(cpus: int, tasks: int, each: int, helpers: int) -> None:
    assert helpers_for(cpus, tasks, each) == helpers


def test_a_helper_killed_while_it_holds_the_claims_does_not_hang_the_run() -> None:
    import multiprocessing

    from speclint import sharing

    context = multiprocessing.get_context("fork")
    claims = sharing._Claims(context, 10)

    def die_holding_them() -> None:
        claims.lock.acquire()
        os._exit(9)

    holder = context.Process(target=die_holding_them)
    holder.start()
    holder.join()
    started = time.monotonic()
    with pytest.raises(sharing._BrokenClaims):
        claims.back(lambda: holder.exitcode in (None, 0))
    assert time.monotonic() - started < 5


def test_a_run_whose_helper_dies_holding_the_claims_still_gives_every_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from speclint import sharing

    real_front = sharing._Claims.front

    def front_then_die(self: sharing._Claims) -> int | None:
        if os.getpid() != parent:
            self.lock.acquire()
            os._exit(9)  # killed holding the claims
        return real_front(self)

    parent = os.getpid()
    monkeypatch.setattr(sharing._Claims, "front", front_then_die)
    results = share_out(_tasks(20, slow=0.01), helpers=1)
    assert results == [f"{index}:here" for index in range(20)]


def test_a_message_cut_short_by_a_helpers_death_ends_in_eof_not_a_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import struct

    from speclint import sharing

    def die_mid_message(tasks: Tasks[str], claims: sharing._Claims, writer: object) -> None:
        claims.front()
        # A length that promises 1,000 bytes, ten of them sent: then killed.
        os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)  # type: ignore[attr-defined]
        os._exit(9)

    monkeypatch.setattr(sharing, "_help", die_mid_message)
    started = time.monotonic()
    results = share_out(_tasks(12, slow=0.01), helpers=1)
    assert results == [f"{index}:here" for index in range(12)]
    assert time.monotonic() - started < 10
