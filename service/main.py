"""Build the app: lifespan loads the engine, middleware, routers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.routing import BaseRoute

from policyqa import __version__
from policyqa.errors import PolicyQAError
from policyqa.settings import Settings, get_settings
from service.engine import Engine, EngineHolder, load_engine
from service.middleware import PublicCORS, RateLimit, SecurityHeaders
from service.routes import admin, ask, chat, documents, health, web

log = logging.getLogger("policyqa")


def iter_routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route, looking inside included routers (FastAPI >= 0.160 keeps them wrapped)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from iter_routes(inner.routes)
        else:
            yield route


def _openapi_with_limits(app: FastAPI, settings: Settings) -> dict:
    """The published schema states the limits this deployment enforces, and that 4xx details may be a sentence."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    comps = schema.get("components", {}).get("schemas", {})
    ask_props = comps.get("AskRequest", {}).get("properties", {})
    if "question" in ask_props:
        ask_props["question"]["maxLength"] = settings.max_question_chars
        ask_props["question"]["pattern"] = r"\S"  # enforced by AskRequest's validator, with a clearer message
    for option in ask_props.get("top_k", {}).get("anyOf", []):
        if option.get("type") == "integer":
            option["maximum"] = settings.max_top_k
    for option in comps.get("ChatMessage", {}).get("properties", {}).get("content", {}).get("anyOf", []):
        if option.get("type") == "string":
            option["maxLength"] = settings.max_question_chars
    if "HTTPValidationError" in comps:
        comps["HTTPValidationError"]["properties"]["detail"] = {
            "anyOf": [{"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}}, {"type": "string"}]}
    app.openapi_schema = schema
    return schema


def create_app(settings: Settings | None = None, engine_factory: Callable[[Settings], Engine] = load_engine) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            app.state.holder.set(await run_in_threadpool(engine_factory, settings))
        except PolicyQAError as e:
            app.state.holder.fail(str(e))
            log.error("not ready: %s", e)
        yield

    app = FastAPI(title="PolicyQA", version=__version__, lifespan=lifespan,
                  description="Cited answers from Chinese policy notices, in Chinese or English.")
    app.state.settings, app.state.holder, app.state.engine_factory = settings, EngineHolder(), engine_factory

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    for module in (health, ask, documents, chat, admin, web):
        app.include_router(module.router)
    app.openapi = lambda: _openapi_with_limits(app, settings)  # type: ignore[method-assign]
    app.add_middleware(RateLimit, per_minute=settings.rate_limit_per_minute, max_in_flight=settings.max_in_flight)
    app.add_middleware(PublicCORS, origins=settings.cors_origins)
    app.add_middleware(SecurityHeaders)
    return app
