"""For admins: GET /v1/admin/quality (JSON) and the /admin/quality page that shows it."""

from __future__ import annotations

from importlib import resources
from typing import Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse
from starlette.concurrency import run_in_threadpool

from qa.api.deps import FeedbackDep, SettingsDep, admin_key
from qa.api.errors import ApiError
from qa.api.headers import page_csp
from qa.api.schemas import AskedOut, ErrorResponse, FeedbackItemOut, LoggedQueryOut, QualityOut
from qa.feedback import Quality

router = APIRouter(tags=["feedback"])

ERRORS = {code: {"model": ErrorResponse} for code in (401, 403, 404, 422)}


def quality_out(quality: Quality) -> QualityOut:
    return QualityOut(
        languages=list(quality.languages),
        query_log_enabled=quality.query_log_enabled,
        logged=quality.logged,
        abstained=quality.abstained,
        feedback_up=quality.feedback_up,
        feedback_down=quality.feedback_down,
        recent_abstentions=[LoggedQueryOut(**q.__dict__) for q in quality.recent_abstentions],
        down_answers=[
            FeedbackItemOut(
                id=f.feedback_id or 0,
                created_at=f.created_at,
                question=f.question,
                language=f.language,
                answer=f.answer,
                index_version=f.index_version,
                comment=f.comment,
            )
            for f in quality.down_answers
        ],
        most_asked=[AskedOut(**a.__dict__) for a in quality.most_asked],
    )


@router.get(
    "/v1/admin/quality",
    response_model=QualityOut,
    responses=ERRORS,  # type: ignore[arg-type]
    dependencies=[Depends(admin_key)],
)
async def quality(
    store: FeedbackDep, settings: SettingsDep, lang: Literal["en", "zh-Hant", "zh-Hans"] | None = None
) -> QualityOut:
    """Recent abstentions, 👎 answers and the most asked questions (all languages, or ``lang``)."""
    found = await run_in_threadpool(store.quality, lang, 20, settings.query_log)
    return quality_out(found)


def _enabled(request: Request) -> None:
    # The page itself holds no data (it asks for the key and calls the JSON route), but it exists only
    # where admin routes do.
    if request.app.state.settings.admin_key is None:
        raise ApiError(404, "not_found", "admin routes are disabled (set POLICYQA_ADMIN_KEY to enable them)")


@router.get("/admin/quality", include_in_schema=False, dependencies=[Depends(_enabled)])
def quality_page(request: Request) -> HTMLResponse:
    html = resources.files("qa").joinpath("static", "quality.html").read_text(encoding="utf-8")
    return HTMLResponse(html, headers={"content-security-policy": page_csp(html, ["'none'"])})


@router.get("/admin/quality.js", include_in_schema=False, dependencies=[Depends(_enabled)])
def quality_script() -> FileResponse:
    return FileResponse(
        str(resources.files("qa") / "static" / "quality.js"), media_type="text/javascript; charset=utf-8"
    )
