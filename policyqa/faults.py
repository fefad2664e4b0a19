"""Named crash points for the crash-consistency tests: with POLICYQA_CRASH_AT=<name> the process kills itself
(SIGKILL, as a power cut or the OOM killer would) when it reaches that point. A no-op otherwise."""

from __future__ import annotations

import os
import signal


def crash_point(name: str) -> None:
    if os.environ.get("POLICYQA_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
