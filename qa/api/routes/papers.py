"""Admin routes for papers: add (multipart upload) and remove as jobs, list them, poll a job."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from qa.admin import PaperAdmin
from qa.api.admin_schemas import UPLOAD_BODY, JobAccepted, JobOut, PaperOut
from qa.api.deps import SettingsDep, admin_key
from qa.api.errors import ApiError
from qa.api.schemas import ErrorResponse
from qa.jobs import BuildRunning, Job
from qa.uploads import UploadError, check_upload

router = APIRouter(tags=["admin"], dependencies=[Depends(admin_key)])

UPLOAD_PATH = "/v1/admin/papers"
ERRORS = {code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 409, 413, 415, 422, 503)}
COPY_CHUNK = 1 << 20


def get_admin(request: Request) -> PaperAdmin:
    admin: PaperAdmin = request.app.state.papers
    return admin


AdminDep = Annotated[PaperAdmin, Depends(get_admin)]


def _api_error(exc: UploadError | BuildRunning) -> ApiError:
    if isinstance(exc, BuildRunning):
        return ApiError(409, "build_running", str(exc))
    return ApiError(exc.status, exc.code, exc.message)


def _accepted(job: Job) -> JobAccepted:
    return JobAccepted(job=job.id, doc_id=job.doc_id, status=job.status)


async def _text_part(form: FormData, name: str, required: bool) -> str | None:
    value = form.get(name)
    if value is None:
        if required:
            raise ApiError(422, "missing_field", f"{name}: a multipart part named {name!r} is required")
        return None
    if isinstance(value, UploadFile):
        value = (await value.read()).decode("utf-8", errors="replace")
    return value


def _spool(file: UploadFile, folder: Path) -> Path:
    """Copy the upload (already on disk past 1 MB) to a file of its own in a scratch folder."""
    path = folder / "paper"
    file.file.seek(0)
    with path.open("wb") as out:
        shutil.copyfileobj(file.file, out, COPY_CHUNK)
    return path


@router.post(
    UPLOAD_PATH,
    status_code=202,
    response_model=JobAccepted,
    responses=ERRORS,  # type: ignore[arg-type]
    openapi_extra={"requestBody": UPLOAD_BODY},
)
async def add_paper(request: Request, admin: AdminDep, settings: SettingsDep) -> JobAccepted:
    """Add a paper (multipart ``file`` + ``meta`` JSON, optional ``glossary``); 202 with the job to poll.

    The paper is checked before the answer: a bad file or metadata is a 4xx and nothing is kept.
    """
    # The key was checked before a byte of the body was read (no body parameters: the form is read here).
    form = await request.form(max_files=3, max_fields=8)
    folder = Path(tempfile.mkdtemp(prefix="policyqa-upload-"))
    submitted = False
    try:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise ApiError(422, "missing_field", "file: a multipart file part named 'file' is required")
        meta = await _text_part(form, "meta", required=True)
        glossary = await _text_part(form, "glossary", required=False)
        assert meta is not None
        path = await run_in_threadpool(_spool, file, folder)
        name = file.filename or "paper"
        upload = await run_in_threadpool(check_upload, settings, path, name, meta, glossary)
        job = admin.add(upload)
        submitted = True
        return _accepted(job)
    except (UploadError, BuildRunning) as exc:
        raise _api_error(exc) from exc
    finally:
        await form.close()
        if not submitted:
            shutil.rmtree(folder, ignore_errors=True)


@router.get(UPLOAD_PATH, response_model=list[PaperOut], responses=ERRORS)  # type: ignore[arg-type]
def list_papers(admin: AdminDep) -> list[PaperOut]:
    """Every served paper with its source (shipped / folder / added), passages and index version."""
    try:
        return [PaperOut(**asdict(row)) for row in admin.papers()]
    except UploadError as exc:
        raise _api_error(exc) from exc


@router.delete(UPLOAD_PATH + "/{doc_id}", status_code=202, response_model=JobAccepted, responses=ERRORS)  # type: ignore[arg-type]
def remove_paper(doc_id: str, admin: AdminDep) -> JobAccepted:
    """Remove an added paper; 202 with the job to poll."""
    try:
        return _accepted(admin.remove(doc_id))
    except (UploadError, BuildRunning) as exc:
        raise _api_error(exc) from exc


@router.get("/v1/admin/jobs/{job_id}", response_model=JobOut, responses=ERRORS)  # type: ignore[arg-type]
def job_status(job_id: str, admin: AdminDep) -> JobOut:
    """A job's status: queued, running, done or failed (with the error)."""
    job = admin.jobs.get(job_id)
    if job is None:
        raise ApiError(404, "unknown_job", f"no job {job_id!r} (jobs are kept until the server restarts)")
    return JobOut(**asdict(job))
