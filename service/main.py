"""Build the app: lifespan loads the engine, middleware, routers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute

from policyqa import __version__
from policyqa.errors import PolicyQAError
from policyqa.settings import Settings, get_settings
from service.bodyguard import BodyGuard
from service.engine import Engine, EngineHolder, live_version, load_engine
from service.middleware import PublicCORS, SecurityHeaders
from service.ratelimit import RateLimit
from service.requestlog import RequestLog
from service.routes import admin, ask, chat, docs, documents, feedback, health, metrics, web

log = logging.getLogger("policyqa")


def iter_routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route, looking inside included routers (FastAPI >= 0.160 keeps them wrapped)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from iter_routes(inner.routes)
        else:
            yield route


def _openapi_with_corpus(app: FastAPI, settings: Settings) -> dict:
    """The schema with the limits, and the 文号 a question may be limited to: those stored now (an unknown one is
    refused with a 422 naming it), so the schema changes when notices are ingested."""
    import copy

    schema = _openapi_with_limits(app, settings)
    engine = app.state.holder.engine
    if engine is None:
        return schema
    numbers = sorted(d.doc_number for d in engine.answerer.catalog.documents())
    schema = copy.deepcopy(schema)
    for option in (schema.get("components", {}).get("schemas", {}).get("AskRequest", {}).get("properties", {})
                   .get("doc_numbers", {}).get("anyOf", [])):
        if option.get("type") == "array":
            option["items"] = {**option.get("items", {}), "enum": numbers}
    return schema


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


def _echo(value: object, limit: int = 40) -> object:
    """What a 422 may repeat of the client's input: a short prefix, never the whole (possibly huge) value."""
    if isinstance(value, str):
        return value[:limit].encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, bool | int) and abs(int(value)) < 10**15:
        return value
    return None


def validation_errors(exc: RequestValidationError) -> list[dict]:
    out = []
    for e in exc.errors():
        item = {k: e[k] for k in ("type", "loc", "msg") if k in e}
        if "input" in e and (echo := _echo(e["input"])) is not None:
            item["input"] = echo
        out.append(item)
    return out


def _openai_path(path: str) -> bool:
    return path.startswith(("/v1/chat/", "/v1/models"))


def _catch_up(settings: Settings) -> None:
    """A store left ahead of its index (a crash mid-ingest) is caught up before serving, never served as 503s."""
    from index.publish import catch_up
    from ingest.writelock import writable

    if settings.backend == "milvus":
        log.info("backend milvus: serving the version the %r alias names; `policyqa ingest` writes",
                 settings.milvus_collection)
        return
    if not writable(settings.data_dir):
        log.warning("data dir %s is read-only: serving what is there; ingest and reindex are off", settings.data_dir)
        return
    try:
        catch_up(settings)
    except PolicyQAError as e:
        log.error("could not bring the index up to date with the store: %s", e)


async def _follow_live_index(app: FastAPI) -> None:
    """Check for a new live index version even when no request comes (requests check too): an idle replica must
    not still be on a version its writer has since pruned when traffic returns."""
    holder, settings = app.state.holder, app.state.settings
    while True:
        await asyncio.sleep(holder.check_every_s)
        holder.refresh_if_stale(lambda: live_version(settings), lambda: app.state.engine_factory(settings))


def create_app(settings: Settings | None = None, engine_factory: Callable[[Settings], Engine] = load_engine) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if engine_factory is load_engine:
            await run_in_threadpool(_catch_up, settings)
        try:
            app.state.holder.set(await run_in_threadpool(engine_factory, settings))
        except PolicyQAError as e:
            app.state.holder.fail(str(e))
            log.error("not ready: %s", e)
        watcher = asyncio.create_task(_follow_live_index(app)) if engine_factory is load_engine else None
        yield
        if watcher is not None:
            watcher.cancel()

    # No slash redirects: Starlette builds them from the Host header, which the client controls.
    app = FastAPI(title="PolicyQA", version=__version__, lifespan=lifespan, redirect_slashes=False,
                  docs_url=None, redoc_url=None,  # served offline by service/routes/docs.py
                  description="Cited answers from Chinese policy notices, in Chinese or English.")
    app.state.settings, app.state.holder, app.state.engine_factory = settings, EngineHolder(), engine_factory

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = validation_errors(exc)
        body: dict = {"detail": errors}
        if _openai_path(request.url.path):
            first = errors[0] if errors else {}
            where = ".".join(str(x) for x in first.get("loc", ())[1:])
            body["error"] = {"message": f"{where}: {first.get('msg', 'invalid request')}" if where else
                             first.get("msg", "invalid request"), "type": "invalid_request_error",
                             "param": where or None, "code": first.get("type")}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        body: dict = {"detail": exc.detail}
        if _openai_path(request.url.path):  # what OpenAI clients parse: {"error": {message, type, code}}
            kind = "invalid_request_error" if exc.status_code < 500 else "server_error"
            body["error"] = {"message": str(exc.detail), "type": kind, "param": None, "code": exc.status_code}
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    for module in (health, metrics, ask, documents, chat, feedback, admin, web, docs):
        app.include_router(module.router)
    app.openapi = lambda: _openapi_with_corpus(app, settings)  # type: ignore[method-assign]
    # Added innermost first. A request meets: security headers and request id (every reply), CORS (so the widget can
    # read 4xx too), the body guard (limits, admin key, deadline, strict JSON), then the rate limit.
    app.add_middleware(RateLimit, per_minute=settings.rate_limit_per_minute, max_in_flight=settings.max_in_flight,
                       max_in_flight_per_client=settings.max_in_flight_per_client,
                       storage=settings.rate_limit_storage, trusted_proxies=tuple(settings.trusted_proxies))
    app.add_middleware(BodyGuard, settings=settings)
    app.add_middleware(PublicCORS, origins=settings.cors_origins)
    app.add_middleware(RequestLog)
    app.add_middleware(SecurityHeaders)
    return app
