"""GET /metrics in Prometheus text format (see service/metrics.py for what is counted)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from service import metrics
from service.deps import HolderDep

router = APIRouter(tags=["health"])


@router.get("/metrics", response_class=Response, responses={200: {"content": {"text/plain": {}}}})
def metrics_route(holder: HolderDep) -> Response:
    engine = holder.engine
    metrics.set_index_version(engine.retriever.version if engine else None)
    return Response(metrics.render(), media_type=metrics.CONTENT_TYPE)
