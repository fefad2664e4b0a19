"""Admin routes: bearer key from settings, compared in constant time; with no key configured they are disabled."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Header, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from index.builder import BuildReport
from index.publish import publish
from index.publish import reindex as reindex_all
from policyqa.errors import (
    ConflictError,
    PolicyQAError,
    ReadOnlyError,
    StorageFullError,
    UnsupportedFormatError,
    WriterBusyError,
)
from service.auth import admin_refusal
from service.deps import SettingsDep
from service.schemas import ErrorOut

router = APIRouter(prefix="/v1/admin", tags=["admin"], responses={
    401: {"model": ErrorOut, "description": "missing or wrong bearer key"},
    403: {"model": ErrorOut, "description": "admin routes disabled (no POLICYQA_ADMIN_KEY)"},
    409: {"model": ErrorOut, "description": "a reindex is already running, or the upload conflicts with a stored "
                                            "notice of the same 文号 (send replace=true)"},
    503: {"model": ErrorOut, "description": "the data dir is read-only, or this server is a replica reading Milvus "
                                            "(notices are written by the `policyqa ingest` job)"},
    507: {"model": ErrorOut, "description": "the disk is full; nothing was changed"},
    413: {"model": ErrorOut, "description": "upload too large"},
    415: {"model": ErrorOut, "description": "a format PolicyQA does not read (named in the message)"},
    422: {"model": ErrorOut, "description": "the notice could not be ingested; nothing changed"},
    429: {"model": ErrorOut, "description": "rate limited"},
})


def require_admin(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """Also checked by service/bodyguard.py before the body is read; kept here so the route stands on its own."""
    refusal = admin_refusal(settings, authorization)
    if refusal:
        raise HTTPException(refusal[0], detail=refusal[1],
                            headers={"WWW-Authenticate": "Bearer"} if refusal[0] == 401 else None)


AdminDep = Annotated[None, Depends(require_admin)]


def require_writer(settings: SettingsDep) -> None:
    """With the Milvus backend the API processes are stateless replicas: notices are written by the one
    `policyqa ingest` job, never through a replica (whose data dir holds no clause store to publish from)."""
    if settings.backend == "milvus":
        raise HTTPException(503, detail="this server reads notices from Milvus: add or reindex them with the "
                                        "`policyqa ingest` job (POLICYQA_BACKEND=milvus), not through a replica")


WriterDep = Annotated[None, Depends(require_writer)]


def _serve_new_engine(request: Request, report: BuildReport | None) -> dict | None:
    """Swap the live engine in one assignment once the store and index have changed; readers keep the one they hold."""
    if report is None or report.status == "up to date":
        return None
    request.app.state.holder.set(request.app.state.engine_factory(request.app.state.settings))
    return {"status": report.status, "version": report.version, "clauses": report.n_clauses,
            "vectors": report.n_vectors}


def _http_error(e: PolicyQAError) -> HTTPException:
    status = {ConflictError: 409, StorageFullError: 507, WriterBusyError: 409, ReadOnlyError: 503}.get(type(e), 422)
    return HTTPException(status, detail=str(e))


# Another process may hold the data dir's write lock (a CLI ingest); wait this long before answering 409.
LOCK_WAIT_S = 30.0


@router.post("/reindex")
async def reindex(request: Request, _: AdminDep, __: WriterDep) -> dict:
    holder = request.app.state.holder
    if not holder.reindex_lock.acquire(blocking=False):
        raise HTTPException(409, detail="a reindex is already running")
    try:
        def work() -> dict:
            current = holder.engine
            report = reindex_all(request.app.state.settings, analyzer=current.analyzer if current else None,
                                 lock_timeout_s=LOCK_WAIT_S)
            return _serve_new_engine(request, report) or {}

        return await run_in_threadpool(work)
    except PolicyQAError as e:
        raise _http_error(e) from e
    finally:
        holder.reindex_lock.release()


@router.post("/ingest")
async def ingest_notice(
    request: Request, _: AdminDep, __: WriterDep, file: UploadFile,
    doc_number: Annotated[str | None, Form(max_length=100)] = None,
    title: Annotated[str | None, Form(max_length=300)] = None,
    replace: Annotated[bool, Form(description="replace a stored notice whose title or issuer differs")] = False,
) -> dict:
    """Any format `policyqa ingest` reads (text, HTML, .docx, .doc/.wps, PDF), told by its content, not its
    declared type; a format it does not read is a 415 naming it."""
    settings = request.app.state.settings
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_upload_bytes + 4096:
        raise HTTPException(413, detail=f"upload larger than {settings.max_upload_bytes} bytes")
    data = await file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise HTTPException(413, detail=f"upload larger than {settings.max_upload_bytes} bytes")
    # The client's filename is display text only: never a path.
    label = re.sub(r"[^\w.\-\u4e00-\u9fff]", "_", PurePath(file.filename or "upload.txt").name)[:80] or "upload.txt"
    holder = request.app.state.holder
    if not holder.reindex_lock.acquire(blocking=False):
        raise HTTPException(409, detail="a reindex is already running")
    try:
        def work() -> dict:
            from functools import partial

            from ingest.agency_review import registry_for_store
            from ingest.knowledge import enrich
            from ingest.pipeline import notice_digest, parse_bytes
            from ingest.store import ClauseStore

            registry = registry_for_store(ClauseStore(settings.db_path))
            notice = parse_bytes(data, label, doc_number, partial(enrich, registry=registry), title)
            current = holder.engine
            published = publish(settings, [(notice, label, notice_digest(notice))], replace,
                                analyzer=current.analyzer if current else None, lock_timeout_s=LOCK_WAIT_S)
            d, status = notice.document, published.statuses[0]
            out = {"doc_number": d.doc_number, "status": status, "clauses": d.n_clauses, "tasks": d.n_tasks,
                   "warnings": notice.warnings}
            index = _serve_new_engine(request, published.index)
            if index is not None:
                out["index"] = index
            return out

        return await run_in_threadpool(work)
    except UnsupportedFormatError as e:
        raise HTTPException(415, detail=str(e)) from e
    except PolicyQAError as e:
        raise _http_error(e) from e
    finally:
        holder.reindex_lock.release()
