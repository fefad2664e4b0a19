"""One writer at a time per data dir, across processes (CLI, admin routes, every worker): an flock on
`<data_dir>/write.lock`. The kernel drops it when its holder dies, so a kill -9 never leaves it stuck."""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from policyqa.errors import ReadOnlyError, WriterBusyError


def writable(data_dir: Path) -> bool:
    """False when the data dir exists but cannot be written (a read-only mount, or no permission)."""
    return not data_dir.exists() or os.access(data_dir, os.W_OK)


@contextmanager
def write_lock(data_dir: Path, timeout_s: float = 600.0,
               on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(data_dir / "write.lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise ReadOnlyError(f"the data dir {data_dir} is read-only: ingest, reindex and restore need it "
                                "writable (the server still answers from what is there)") from e
        raise
    try:
        deadline, told = time.monotonic() + timeout_s, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriterBusyError(f"another ingest, reindex or restore is writing to {data_dir}; "
                                          "try again when it has finished") from None
                if on_wait and not told:
                    on_wait()
                    told = True
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock
