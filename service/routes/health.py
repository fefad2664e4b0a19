"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from service.deps import HolderDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "not ready, with the reason"}})
def readyz(holder: HolderDep) -> JSONResponse:
    engine = holder.engine
    if engine is None:
        return JSONResponse({"status": "not ready", "reason": holder.error}, status_code=503)
    m = engine.retriever.manifest
    return JSONResponse({"status": "ready", "index": engine.retriever.version, "embedder": m.embedder,
                         "clauses": m.n_clauses, "vectors": m.n_vectors, "llm": engine.generator is not None})
