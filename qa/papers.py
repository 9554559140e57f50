"""Which papers are served: the shipped ones, a configured folder and the added ones, side by side."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from corpus import CorpusError, Document, load_corpus
from corpus.manifest import MANIFEST_NAME, load_manifest, papers_dir, papers_fingerprint
from corpus.store import PaperStore
from index import Entry, Glossary, default_glossary, parse_glossary
from qa.settings import Settings


@dataclass(frozen=True)
class PaperSource:
    """A folder of papers with a manifest, and what to call its papers in listings."""

    name: str  # shipped | folder | added
    folder: Path


def paper_sources(settings: Settings) -> list[PaperSource]:
    """The folders served, in order; the store is listed even before its first paper."""
    sources = []
    if settings.shipped_papers:
        sources.append(PaperSource("shipped", papers_dir()))
    if settings.papers_path is not None:
        sources.append(PaperSource("folder", settings.papers_path))
    sources.append(PaperSource("added", settings.store_path))
    return sources


def _with_manifest(settings: Settings) -> list[PaperSource]:
    return [s for s in paper_sources(settings) if s.name != "added" or (s.folder / MANIFEST_NAME).exists()]


def load_papers(settings: Settings) -> list[Document]:
    """Every served paper; a doc_id found in two folders is an error naming both."""
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for source in _with_manifest(settings):
        for doc in load_corpus(source.folder):
            if doc.doc_id in seen:
                raise CorpusError(
                    f"doc_id {doc.doc_id!r} is in both the {seen[doc.doc_id]} and the {source.name} papers"
                )
            seen[doc.doc_id] = source.name
            documents.append(doc)
    if not documents:
        raise CorpusError("no papers to serve (POLICYQA_SHIPPED_PAPERS=false and nothing added)")
    return documents


def source_of_papers(settings: Settings) -> dict[str, str]:
    """doc_id -> the source it comes from, read from the manifests only."""
    return {m.doc_id: s.name for s in _with_manifest(settings) for m in load_manifest(s.folder)}


def papers_stamp(settings: Settings) -> str:
    """A cheap fingerprint of every served folder (raw files and corpus code), without parsing."""
    digest = hashlib.sha256()
    for source in _with_manifest(settings):
        digest.update(source.name.encode() + b"\0" + papers_fingerprint(source.folder).encode())
    return digest.hexdigest()[:16]


def store(settings: Settings) -> PaperStore:
    return PaperStore(settings.store_path)


def uploaded_glossary(
    settings: Settings, without: str | None = None, extra: str | None = None
) -> list[Entry]:
    """Glossary entries uploaded with the added papers (all but ``without``'s, plus ``extra`` text).

    The build stores them with the index version, where they rank with the curated glossary.
    """
    added = store(settings)
    texts = [
        p.read_text(encoding="utf-8")
        for m in added.metas()
        if m.doc_id != without
        if (p := added.glossary_path(m.doc_id)).is_file()
    ]
    return [entry for text in [*texts, *([extra] if extra else [])] for entry in parse_glossary(text)]


def rendering_glossary(settings: Settings, extra: str | None = None) -> Glossary:
    """The names a passage is rendered in English with: the curated glossary and every uploaded entry
    (plus ``extra``, a paper's entries not stored yet)."""
    return Glossary([*default_glossary().entries, *uploaded_glossary(settings, extra=extra)])
