"""The admin bearer-key check, shared by the admin routes and by the body guard that runs it before any body is read."""

from __future__ import annotations

import hmac

from policyqa.settings import Settings


def admin_refusal(settings: Settings, authorization: str | None) -> tuple[int, str] | None:
    """None when the request may use the admin routes; else (status, what to do). Compared in constant time."""
    if not settings.admin_key:
        return 403, "admin routes are disabled: set POLICYQA_ADMIN_KEY to enable them"
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), settings.admin_key.encode()):
        return 401, "admin routes need Authorization: Bearer <POLICYQA_ADMIN_KEY>"
    return None
