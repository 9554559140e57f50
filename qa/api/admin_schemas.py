"""HTTP shapes of the admin routes for papers and jobs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class JobAccepted(BaseModel):
    """202 for an add or remove: poll ``GET /v1/admin/jobs/{job}``."""

    job: str
    doc_id: str
    status: Literal["queued", "running", "done", "failed"]


class JobOut(BaseModel):
    """A job's status; ``progress`` goes from 0 to 1 by stage; ``error`` says why a job failed."""

    id: str
    kind: Literal["add", "remove"]
    doc_id: str
    status: Literal["queued", "running", "done", "failed"]
    stage: str
    progress: float = Field(ge=0, le=1)
    created_at: float
    finished_at: float | None
    error: str | None
    index_version: str | None


class PaperOut(BaseModel):
    """A served paper: where it comes from (shipped, folder or added) and the index version serving it."""

    doc_id: str
    title_zh: str
    title_en: str
    date: str
    source: str
    passages: int
    index_version: str
    glossary: bool


META_FIELDS: dict[str, Any] = {
    "type": "object",
    "required": ["title_zh", "date"],
    "properties": {
        "doc_id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,63}$"},
        "title_zh": {"type": "string", "minLength": 1},
        "title_en": {"type": "string"},
        "date": {"type": "string", "pattern": r"^(19|20)\d\d(-(0[1-9]|1[0-2]))?$"},
        "paper_no": {"type": "string"},
        "committee_zh": {"type": "string"},
        "committee_en": {"type": "string"},
        "bureaus_zh": {"type": "array", "items": {"type": "string"}},
        "bureaus_en": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}

UPLOAD_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file", "meta"],
                "additionalProperties": False,
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "the paper: UTF-8 text or a PDF with a text layer, at most "
                        "POLICYQA_MAX_UPLOAD_BYTES",
                    },
                    "meta": {
                        **META_FIELDS,
                        "description": "the manifest fields as JSON; title_zh and date are required",
                    },
                    "glossary": {
                        "type": "string",
                        "description": "optional glossary lines: English|variants <TAB> 中文|變體 <TAB> kind",
                    },
                },
            },
            "encoding": {"meta": {"contentType": "application/json"}},
        }
    },
}
