"""Admin routes: bearer key from settings, compared in constant time; with no key configured they are disabled."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Header, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from policyqa.errors import PolicyQAError
from service.auth import admin_refusal
from service.deps import SettingsDep
from service.schemas import ErrorOut

router = APIRouter(prefix="/v1/admin", tags=["admin"], responses={
    401: {"model": ErrorOut, "description": "missing or wrong bearer key"},
    403: {"model": ErrorOut, "description": "admin routes disabled (no POLICYQA_ADMIN_KEY)"},
    409: {"model": ErrorOut, "description": "a reindex is already running"},
    413: {"model": ErrorOut, "description": "upload too large"},
    415: {"model": ErrorOut, "description": "not a plain-text notice"},
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


_TEXT_TYPES = {"text/plain", "text/markdown", "application/octet-stream"}


@router.post("/ingest")
async def ingest_notice(
    request: Request, _: AdminDep, file: UploadFile, doc_number: Annotated[str | None, Form()] = None
) -> dict:
    settings = request.app.state.settings
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_upload_bytes + 4096:
        raise HTTPException(413, detail=f"upload larger than {settings.max_upload_bytes} bytes")
    ctype = (file.content_type or "").split(";")[0].strip().lower()
    if ctype not in _TEXT_TYPES:
        raise HTTPException(415, detail=f"upload a plain-text notice (text/plain), not {ctype or 'unknown type'}")
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
            from ingest.knowledge import enrich
            from ingest.pipeline import ingest_bytes
            from ingest.store import ClauseStore

            result = ingest_bytes(ClauseStore(settings.db_path), data, label, doc_number, enrich)
            out = {"doc_number": result.document.doc_number, "status": result.status,
                   "clauses": result.document.n_clauses, "tasks": result.document.n_tasks, "warnings": result.warnings}
            if result.status != "unchanged":
                out["index"] = _rebuild(request)
            return out

        return await run_in_threadpool(work)
    except PolicyQAError as e:
        raise HTTPException(422, detail=str(e)) from e
    finally:
        holder.reindex_lock.release()
