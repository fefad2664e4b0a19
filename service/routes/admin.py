"""Admin routes: bearer key from settings, compared in constant time; with no key configured they are disabled."""

from __future__ import annotations

import hmac
import re
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Header, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from policyqa.errors import PolicyQAError, UnsupportedFormatError
from service.deps import SettingsDep
from service.schemas import ErrorOut

router = APIRouter(prefix="/v1/admin", tags=["admin"], responses={
    401: {"model": ErrorOut, "description": "missing or wrong bearer key"},
    403: {"model": ErrorOut, "description": "admin routes disabled (no POLICYQA_ADMIN_KEY)"},
    409: {"model": ErrorOut, "description": "a reindex is already running"},
    413: {"model": ErrorOut, "description": "upload too large"},
    415: {"model": ErrorOut, "description": "a format PolicyQA does not read (named in the message)"},
    422: {"model": ErrorOut, "description": "the notice could not be ingested; nothing changed"},
    429: {"model": ErrorOut, "description": "rate limited"},
})


def require_admin(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    if not settings.admin_key:
        raise HTTPException(403, detail="admin routes are disabled: set POLICYQA_ADMIN_KEY to enable them")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), settings.admin_key.encode()):
        raise HTTPException(401, detail="admin routes need Authorization: Bearer <POLICYQA_ADMIN_KEY>",
                            headers={"WWW-Authenticate": "Bearer"})


AdminDep = Annotated[None, Depends(require_admin)]


def _rebuild(request: Request) -> dict:
    """Build a new index version and swap the live engine in one assignment; readers keep the one they hold."""
    from index.builder import ensure_index

    settings = request.app.state.settings
    holder = request.app.state.holder
    current = holder.engine
    report = ensure_index(settings, analyzer=current.analyzer if current else None, force=True)
    holder.set(request.app.state.engine_factory(settings))
    return {"status": report.status, "version": report.version, "clauses": report.n_clauses,
            "vectors": report.n_vectors}


@router.post("/reindex")
async def reindex(request: Request, _: AdminDep) -> dict:
    holder = request.app.state.holder
    if not holder.reindex_lock.acquire(blocking=False):
        raise HTTPException(409, detail="a reindex is already running")
    try:
        return await run_in_threadpool(_rebuild, request)
    except PolicyQAError as e:
        raise HTTPException(422, detail=str(e)) from e
    finally:
        holder.reindex_lock.release()


@router.post("/ingest")
async def ingest_notice(
    request: Request, _: AdminDep, file: UploadFile, doc_number: Annotated[str | None, Form()] = None,
    title: Annotated[str | None, Form()] = None,
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
            from ingest.pipeline import ingest_bytes
            from ingest.store import ClauseStore

            store = ClauseStore(settings.db_path)
            result = ingest_bytes(store, data, label, doc_number, partial(enrich, registry=registry_for_store(store)),
                                  title)
            out = {"doc_number": result.document.doc_number, "status": result.status,
                   "clauses": result.document.n_clauses, "tasks": result.document.n_tasks, "warnings": result.warnings}
            if result.status != "unchanged":
                out["index"] = _rebuild(request)
            return out

        return await run_in_threadpool(work)
    except UnsupportedFormatError as e:
        raise HTTPException(415, detail=str(e)) from e
    except PolicyQAError as e:
        raise HTTPException(422, detail=str(e)) from e
    finally:
        holder.reindex_lock.release()
