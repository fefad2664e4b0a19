"""JSON log lines (one object per line) for the server; `logging_config()` is handed to uvicorn so that every
worker process formats the same way."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "color_message"}


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage()}
        out.update({k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


class OncePerInterval(logging.Filter):
    """Let a recurring error through once per `interval_s`, with how many were dropped since.

    asyncio logs `socket.accept() out of system resource` with a traceback on every accept retry when descriptors
    run out; that filled 35 MB of log in 5 s."""

    def __init__(self, needle: str, interval_s: float = 60.0) -> None:
        super().__init__()
        self.needle, self.interval_s = needle, interval_s
        self._last = -float("inf")
        self.dropped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if self.needle not in record.getMessage():
            return True
        now = time.monotonic()
        if now - self._last < self.interval_s:
            self.dropped += 1
            return False
        self._last = now
        if self.dropped:
            record.msg = f"{record.msg} ({self.dropped} more since the last report)"
        record.exc_info, record.exc_text, self.dropped = None, None, 0
        return True


def logging_config(level: str = "INFO", fmt: str = "json") -> dict[str, Any]:
    formatter = {"()": "service.logs.JSONFormatter"} if fmt == "json" else {
        "format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    handler = {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"}
    return {
        "version": 1, "disable_existing_loggers": False,
        "formatters": {"default": formatter}, "handlers": {"default": handler},
        "filters": {"accept": {"()": "service.logs.OncePerInterval", "needle": "out of system resource"}},
        "loggers": {name: {"handlers": ["default"], "level": level, "propagate": False, "filters": ["accept"]}
                    for name in ("policyqa", "uvicorn", "uvicorn.error", "asyncio")},
    }
