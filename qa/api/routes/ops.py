"""Health, readiness and Prometheus metrics: answered even while every question slot is busy."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from qa.api.deps import HolderDep, get_service
from qa.api.schemas import ErrorResponse

router = APIRouter(tags=["ops"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up (the index may still be loading)."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"model": ErrorResponse}})
async def readyz(holder: HolderDep) -> dict[str, Any]:
    """The index is loaded and questions are answered."""
    service = get_service(holder)
    manifest = service.index.manifest
    return {
        "status": "ready",
        "index_version": service.version,
        "backend": service.backend,
        "encoder": manifest["encoder"]["name"],
        "counts": manifest["counts"],
        "built_at": manifest["built_at"],
    }


@router.get("/metrics", response_class=Response, responses={200: {"content": {"text/plain": {}}}})
async def metrics(request: Request) -> Response:
    """Requests, latency, abstentions and the index's version and age, in Prometheus text format."""
    return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
