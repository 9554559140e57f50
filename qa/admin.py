"""Adding and removing papers while serving: build the new version beside the served one, then switch."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass

from corpus import Document
from index import (
    Encoder,
    Entry,
    build_index,
    build_lock,
    current_manifest,
    get_encoder,
    prune_versions,
    switch_current,
)
from qa.jobs import BuildRunning, Job, JobRunner, Report
from qa.papers import load_papers, rendering_glossary, source_of_papers, store, uploaded_glossary
from qa.service import ServiceHolder, write_stamp
from qa.translators.base import TranslationError
from qa.translators.passages import render_for_index
from qa.uploads import Upload, UploadError

log = logging.getLogger("policyqa.admin")


@dataclass(frozen=True)
class PaperRow:
    """A served paper in the admin listing."""

    doc_id: str
    title_zh: str
    title_en: str
    date: str
    source: str
    passages: int
    index_version: str
    glossary: bool


class PaperAdmin:
    """The admin's papers: list them; add or remove one as a job (one build at a time)."""

    def __init__(self, holder: ServiceHolder) -> None:
        self.holder = holder
        self.settings = holder.settings
        self.jobs = JobRunner()

    def papers(self) -> list[PaperRow]:
        service = self.holder.service
        if service is None:
            raise UploadError(503, "index_loading", "the index is loading; try again in a few seconds")
        sources = source_of_papers(self.settings)
        added = store(self.settings)
        rows = []
        for meta in service.documents():
            document = service.document(meta.doc_id)
            rows.append(
                PaperRow(
                    doc_id=meta.doc_id,
                    title_zh=meta.title_zh,
                    title_en=meta.title_en,
                    date=meta.date,
                    source=sources.get(meta.doc_id, "removed"),
                    passages=len(document.passages) if document else 0,
                    index_version=service.version,
                    glossary=added.glossary_path(meta.doc_id).is_file(),
                )
            )
        return rows

    def add(self, upload: Upload) -> Job:
        """Queue the build of an index with ``upload``; the store keeps it only once that index is whole."""
        doc = upload.document

        def commit() -> None:
            store(self.settings).add(doc.meta, upload.file, upload.glossary)

        def undo() -> None:
            store(self.settings).remove(doc.doc_id)

        def work(report: Report) -> str:
            try:
                self._render(doc, upload.glossary, report)
                documents = [*load_papers(self.settings), doc]
                glossary = uploaded_glossary(self.settings, extra=upload.glossary)
                return self._build(documents, glossary, commit, undo, report)
            finally:
                shutil.rmtree(upload.file.parent, ignore_errors=True)

        return self._submit("add", doc.doc_id, work)

    def remove(self, doc_id: str) -> Job:
        """Queue the build of an index without an added paper; 404 unknown, 409 for a shipped one.

        While a job runs the answer is 409 naming it, even for the paper that job is adding.
        """
        running = self.jobs.active
        if running is not None:
            raise BuildRunning(running)
        source = source_of_papers(self.settings).get(doc_id)
        if source is None:
            raise UploadError(404, "unknown_paper", f"no paper with doc_id {doc_id!r}")
        if source != "added":
            raise UploadError(
                409,
                "not_removable",
                f"{doc_id} is a {source} paper; only added papers can be removed "
                "(POLICYQA_SHIPPED_PAPERS=false leaves the shipped ones out)",
            )
        added = store(self.settings)
        meta = next(m for m in added.metas() if m.doc_id == doc_id)
        # Kept aside until the new index serves, so a failed switch can put the paper back.
        aside = added.folder / f".{meta.file}.removing"
        glossary_path = added.glossary_path(doc_id)
        glossary = glossary_path.read_text(encoding="utf-8") if glossary_path.is_file() else None

        def commit() -> None:
            shutil.copyfile(added.folder / meta.file, aside)
            added.remove(doc_id)

        def undo() -> None:
            added.add(meta, aside, glossary)

        def work(report: Report) -> str:
            documents = [d for d in load_papers(self.settings) if d.doc_id != doc_id]
            glossary = uploaded_glossary(self.settings, without=doc_id)
            try:
                return self._build(documents, glossary, commit, undo, report)
            finally:
                aside.unlink(missing_ok=True)

        return self._submit("remove", doc_id, work)

    def _submit(self, kind: str, doc_id: str, work: Callable[[Report], str]) -> Job:
        if self.settings.backend != "embedded":
            raise UploadError(
                409, "backend_unsupported", "papers are added and removed with the embedded backend only"
            )
        return self.jobs.submit("add" if kind == "add" else "remove", doc_id, work)

    def _render(self, doc: Document, glossary: str | None, report: Report) -> None:
        """The new paper's passages in English for the index's English legs, when an LLM server is set
        (``LLM_RENDER``), told the names the glossary and the paper's uploaded entries give its terms. A
        server that fails, or a reply that is not English, leaves passages unrendered: the paper is still
        added, and ``policyqa index render-english`` can finish the job later."""
        settings = self.settings
        if not settings.llm_url or not settings.llm_render:
            return
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
        report("rendering in English", 0.0)
        try:
            done, failed, _ = render_for_index(
                [p.text for p in doc.passages],
                settings.index_path,
                settings.llm_url,
                settings.llm_model,
                key,
                settings.llm_timeout,
                lambda i, n: report("rendering in English", 0.1 * i / n),
                glossary=rendering_glossary(settings, extra=glossary),
            )
            log.info("%s: %d passages rendered in English", doc.doc_id, done)
            if failed:
                log.warning("%s: %d passages not rendered in English: %s", doc.doc_id, len(failed), failed[0])
        except TranslationError as exc:
            log.warning("%s: no English renderings (%s: %s)", doc.doc_id, exc.code, exc.message)

    def _encoder(self) -> Encoder:
        service = self.holder.service
        encoder = getattr(service.index, "encoder", None) if service is not None else None
        # The serving encoder (unwrapped from its query batching) embeds the new passages.
        encoder = getattr(encoder, "encoder", encoder)
        return encoder if encoder is not None else get_encoder(self.settings.encoder)

    def _build(
        self,
        documents: list[Document],
        glossary: list[Entry],
        commit: Callable[[], None],
        undo: Callable[[], None],
        report: Report,
    ) -> str:
        """Build beside the served version, commit the store, switch CURRENT, reload; undo on failure."""
        root = self.settings.index_path
        with build_lock(root) as locked:
            if not locked:
                raise RuntimeError(f"another process is building the index at {root}; try again later")
            report("building", 0.1)
            folder = build_index(
                documents,
                self._encoder(),
                root,
                self.settings.encoder,
                show_progress=False,
                uploaded_terms=glossary,
                switch=False,
            )
            report("switching", 0.8)
            previous = current_manifest(root)[0].name
            commit()
            switch_current(root, folder.name)
            report("reloading", 0.9)
            try:
                self.holder.reload()
            except Exception:
                switch_current(root, previous)
                undo()
                raise
            write_stamp(root, self.settings)
            prune_versions(root, self.settings.keep_versions)
        return folder.name
