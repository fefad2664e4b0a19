"""The model thread serves callers in turn: one caller's backlog does not delay another's single call."""

from __future__ import annotations

import contextvars
import threading

import pytest

from index.fairthread import CALLER, FairThread


def _submit_as(pool: FairThread, caller: str, fn, *args):  # type: ignore[no-untyped-def]
    ctx = contextvars.copy_context()
    ctx.run(CALLER.set, caller)
    return ctx.run(pool.submit, fn, *args)


def test_a_backlog_from_one_caller_does_not_queue_ahead_of_another() -> None:
    pool, gate, order = FairThread("test"), threading.Event(), []
    first = _submit_as(pool, "hog", gate.wait)  # holds the thread while the queue fills
    hog = [_submit_as(pool, "hog", order.append, f"hog{i}") for i in range(5)]
    other = _submit_as(pool, "user", order.append, "user")
    gate.set()
    for f in [first, *hog, other]:
        f.result(timeout=5)
    assert order.index("user") <= 1, order  # at worst after the one hog call that was already first in line
    assert [o for o in order if o != "user"] == [f"hog{i}" for i in range(5)]  # each caller's calls stay in order


def test_errors_reach_the_caller_and_the_thread_keeps_serving() -> None:
    pool = FairThread("test")
    with pytest.raises(ZeroDivisionError):
        pool.submit(lambda: 1 / 0).result(timeout=5)
    assert pool.submit(lambda: 42).result(timeout=5) == 42
