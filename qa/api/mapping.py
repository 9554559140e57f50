"""Domain results (dataclasses) to HTTP shapes (pydantic): the only place presentation happens."""

from __future__ import annotations

from typing import Any

from corpus.models import Document, PaperMeta
from index import Filters, Hit
from qa.api.errors import ApiError
from qa.api.schemas import Explain, PassageOut
from qa.filters import FiltersIn, unknown_papers
from qa.presentation import display_language


def passage_out(rank: int, hit: Hit, meta: PaperMeta, highlights: list[tuple[int, int]]) -> PassageOut:
    p = hit.passage
    return PassageOut(
        rank=rank,
        chunk_id=p.chunk_id,
        doc_id=p.doc_id,
        title=meta.title_zh,
        title_en=meta.title_en,
        paper_no=meta.paper_no,
        date=meta.date,
        paragraph=p.paragraph,
        annex=p.annex,
        heading=p.heading,
        page=p.page,
        kind=p.kind,
        start=p.start,
        end=p.end,
        text=p.text,
        score=round(hit.score, 6),
        highlights=highlights,
        explain=Explain(
            bm25_rank=hit.bm25_rank,
            dense_rank=hit.dense_rank,
            bm25_score=None if hit.bm25_score is None else round(hit.bm25_score, 4),
            dense_score=None if hit.dense_score is None else round(hit.dense_score, 4),
            found_by=hit.found_by,
            matched_terms=list(hit.matched_terms),
        ),
        link=f"/documents/{p.doc_id}#{p.start}-{p.end}",
    )


def index_filters(given: FiltersIn | None, known: set[str]) -> Filters | None:
    """The index's filters for a request's, refusing papers the index does not hold (404 unknown_document)."""
    if given is None:
        return None
    filters = given.to_filters()
    unknown = unknown_papers(filters, known)
    if unknown:
        # A well-formed id of a paper that is not there: the resource is missing, as for /v1/documents/{id}.
        raise ApiError(
            404, "unknown_document", f"no paper {', '.join(unknown)}; GET /v1/documents lists them"
        )
    return filters


def response_language(language: str) -> Any:
    return display_language(language)


def document_summary(doc: Document) -> dict[str, Any]:
    m = doc.meta
    return {
        "doc_id": m.doc_id,
        "title": m.title_zh,
        "title_en": m.title_en,
        "paper_no": m.paper_no,
        "date": m.date,
        "committee": m.committee_zh,
        "committee_en": m.committee_en,
        "bureaus": list(m.bureaus_zh),
        "bureaus_en": list(m.bureaus_en),
        "language": m.language,
        "passages": len(doc.passages),
        "chars": len(doc.text),
    }
