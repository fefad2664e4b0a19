"""schemathesis against our own OpenAPI schema: several hundred examples per operation, all checks.
Zero server errors and zero schema violations."""

from __future__ import annotations

import pytest
import schemathesis
import schemathesis.specs.openapi.schemas  # noqa: F401  imported (and assertion-rewritten) at collection: see below
from hypothesis import HealthCheck, given, settings

# CPython 3.11.7 can fail with "SystemError: AST constructor recursion depth mismatch" when pytest rewrites a module
# imported deep inside a call stack (schemathesis imports its OpenAPI validation lazily); importing it above avoids it.
pytestmark = pytest.mark.slow
EXAMPLES = 300


def test_api_conforms_to_its_schema(hash_settings, hash_engine) -> None:  # type: ignore[no-untyped-def]
    from service.main import create_app

    app = create_app(hash_settings.model_copy(update={"rate_limit_per_minute": 10**7, "admin_key": "x" * 24}),
                     engine_factory=lambda s: hash_engine)
    app.state.holder.set(hash_engine)  # schemathesis calls the ASGI app without running its lifespan
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate()

        check()
