"""GET /v1/documents and /v1/documents/{doc_id}: the papers, their metadata, text and blocks."""

from __future__ import annotations

from fastapi import APIRouter

from qa.api.deps import ServiceDep
from qa.api.errors import ApiError
from qa.api.mapping import document_summary
from qa.api.schemas import BlockOut, DocumentOut, DocumentSummary, ErrorResponse

router = APIRouter(tags=["documents"])

ERRORS = {code: {"model": ErrorResponse} for code in (404, 503)}


@router.get("/v1/documents", response_model=list[DocumentSummary], responses=ERRORS)  # type: ignore[arg-type]
def documents(service: ServiceDep) -> list[DocumentSummary]:
    """Every paper with its metadata."""
    return [DocumentSummary(**document_summary(doc)) for doc in service.full_documents()]


@router.get("/v1/documents/{doc_id}", response_model=DocumentOut, responses=ERRORS)  # type: ignore[arg-type]
def document(doc_id: str, service: ServiceDep) -> DocumentOut:
    """One paper's cleaned text with its blocks (paragraphs, headings, pages) for checking citations."""
    doc = service.document(doc_id)
    if doc is None:
        raise ApiError(404, "document_not_found", f"no document {doc_id!r}; GET /v1/documents lists them")
    return DocumentOut(
        **document_summary(doc),
        text=doc.text,
        blocks=[BlockOut(**b.__dict__) for b in doc.blocks],
    )
