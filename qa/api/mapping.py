"""Domain results (dataclasses) to HTTP shapes (pydantic): the only place presentation happens."""

from __future__ import annotations

from typing import Any

from corpus.models import Document
from index.models import Hit
from qa.api.schemas import Explain, PassageOut
from qa.presentation import display_language


def passage_out(rank: int, hit: Hit, doc: Document, highlights: list[tuple[int, int]]) -> PassageOut:
    p = hit.passage
    return PassageOut(
        rank=rank,
        chunk_id=p.chunk_id,
        doc_id=p.doc_id,
        title=doc.meta.title_zh,
        title_en=doc.meta.title_en,
        paper_no=doc.meta.paper_no,
        date=doc.meta.date,
        paragraph=p.paragraph,
        annex=p.annex,
        heading=p.heading,
        page=p.page,
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
