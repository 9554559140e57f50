"""From files to documents: load, clean, structure, check metadata, chunk."""

from __future__ import annotations

import re
from pathlib import Path

from corpus.chunking import DEFAULT_MAX_CHARS, DEFAULT_TARGET_CHARS, chunk_document
from corpus.errors import CorpusError
from corpus.loading import load_raw
from corpus.manifest import load_manifest, papers_dir
from corpus.metadata import mismatches, stated_meta
from corpus.models import Document, PaperMeta
from corpus.structure import Structured, structure


def build_document(
    raw: str,
    meta: PaperMeta,
    target_chars: int = DEFAULT_TARGET_CHARS,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Document:
    """Clean and structure raw extracted text, then chunk it into passages."""
    return _document(structure(raw), meta, target_chars, max_chars)


def _document(structured: Structured, meta: PaperMeta, target_chars: int, max_chars: int) -> Document:
    if not structured.text.strip():
        raise CorpusError(f"{meta.doc_id}: no text left after cleaning")
    blocks = tuple(structured.blocks)
    passages = chunk_document(meta.doc_id, structured.text, blocks, target_chars, max_chars)
    return Document(meta=meta, text=structured.text, blocks=blocks, passages=tuple(passages))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "paper"


def inferred_meta(path: Path, structured: Structured) -> PaperMeta:
    """Metadata for a paper that has no manifest entry, from its file name and its own text."""
    stated = stated_meta(structured.text, structured.blocks)
    first_heading = next(
        (structured.text[b.start : b.end] for b in structured.blocks if b.kind == "heading"), path.stem
    )
    return PaperMeta(
        doc_id=_slug(path.stem),
        file=path.name,
        title_zh=first_heading,
        title_en=path.stem,
        paper_no=stated.paper_no,
        committee_zh=None,
        committee_en=None,
        bureaus_zh=stated.bureaus,
        bureaus_en=(),
        date=stated.date or "",
    )


def load_paper(
    path: Path, meta: PaperMeta | None = None, target_chars: int = DEFAULT_TARGET_CHARS
) -> Document:
    """Load one paper (text or PDF). Raises ``CorpusError`` and keeps nothing when it cannot."""
    structured = structure(load_raw(path))
    return _document(structured, meta or inferred_meta(path, structured), target_chars, DEFAULT_MAX_CHARS)


def load_corpus(
    folder: Path | None = None, target_chars: int = DEFAULT_TARGET_CHARS, strict: bool = True
) -> list[Document]:
    """Every paper of a folder with a manifest (the shipped papers by default).

    With ``strict``, a paper whose text contradicts its manifest entry (paper number, date, bureaus)
    is an error rather than a silently wrong citation.
    """
    folder = folder or papers_dir()
    documents = []
    for meta in load_manifest(folder):
        doc = load_paper(folder / meta.file, meta, target_chars)
        problems = mismatches(meta, stated_meta(doc.text, doc.blocks))
        if problems and strict:
            raise CorpusError(f"{meta.doc_id}: manifest and text disagree: {'; '.join(problems)}")
        documents.append(doc)
    return documents
