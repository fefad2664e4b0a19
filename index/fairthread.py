"""One worker thread shared fairly: calls are served round-robin by caller, so one caller's backlog never sits
ahead of everyone else's.

The embedding model runs on a single thread (see `E5Q4Embedder`). With a plain FIFO queue a client holding eight
long questions in flight put all eight ahead of the next user's one: that user waited for them all. Here the
worker takes one call from each waiting caller in turn. The caller is whatever `CALLER` holds in the submitting
context; the service sets it to the client's address, everything else shares the default.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from contextvars import ContextVar
from functools import partial
from typing import Any

CALLER: ContextVar[str] = ContextVar("policyqa_caller", default="")


class FairThread:
    def __init__(self, name: str) -> None:
        self._queues: dict[str, deque[tuple[Future[Any], Callable[[], Any]]]] = {}
        self._turns: deque[str] = deque()  # callers with calls waiting, in the order they are served
        self._ready = threading.Condition()
        threading.Thread(target=self._serve, name=name, daemon=True).start()

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        caller = CALLER.get()
        with self._ready:
            if caller not in self._queues:
                self._queues[caller] = deque()
                self._turns.append(caller)
            self._queues[caller].append((future, partial(fn, *args, **kwargs)))
            self._ready.notify()
        return future

    def _serve(self) -> None:
        while True:
            with self._ready:
                while not self._turns:
                    self._ready.wait()
                caller = self._turns.popleft()
                queue = self._queues[caller]
                future, call = queue.popleft()
                if queue:
                    self._turns.append(caller)  # its next call waits for everyone else's turn
                else:
                    del self._queues[caller]
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(call())
                except BaseException as e:  # noqa: BLE001 - the caller re-raises it from result()
                    future.set_exception(e)
