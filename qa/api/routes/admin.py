"""POST /v1/admin/reload: swap in the index CURRENT points at now, keeping the old one on failure."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from index import IndexLoadError
from qa.api.deps import HolderDep, admin_key
from qa.api.errors import ApiError
from qa.api.schemas import ErrorResponse

router = APIRouter(tags=["ops"])

ERRORS = {code: {"model": ErrorResponse} for code in (401, 403, 404, 503)}


@router.post("/v1/admin/reload", responses=ERRORS, dependencies=[Depends(admin_key)])  # type: ignore[arg-type]
def reload(holder: HolderDep) -> dict[str, str]:
    """Load the newly built index and switch to it."""
    try:
        holder.reload()
    except IndexLoadError as exc:
        raise ApiError(
            503, "index_invalid", f"the new index could not be loaded; still serving the old one: {exc}"
        ) from exc
    assert holder.service is not None
    return {"status": "reloaded", "index_version": holder.service.version}
