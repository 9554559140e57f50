"""The QA service layer: routes and the CLI call these; nothing here knows about HTTP."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from corpus import PAPER_PARTS, CorpusError
from corpus.models import Document, PaperMeta
from index import (
    CURRENT,
    Filters,
    Hit,
    IndexLoadError,
    PreparedQuery,
    Retriever,
    build_index,
    build_lock,
    calibration_hash,
    current_manifest,
    dictionary_hash,
    get_encoder,
    open_index,
    prune_versions,
    remove_partials,
    stale_reason,
)
from qa.generators import GroundingChecker
from qa.papers import load_papers, papers_stamp, store, uploaded_glossary
from qa.readers import QuestionAnalysis, Reading, TypedSentenceReader, analyse
from qa.readers.calibration import load_calibration
from qa.readers.features import READ_DEPTH
from qa.readers.question import papers_named
from qa.settings import Settings
from qa.translators import TranslationError, Translator, make_translator

# Languages whose questions a translator puts into Chinese before retrieval.
TRANSLATED = frozenset({"en", "mixed"})


def prepare_translated(
    index: Retriever, translator: Translator | None, question: str
) -> tuple[PreparedQuery, TranslationError | None]:
    """The question ready for retrieval; an English one with its Chinese translation when there is a
    translator (on failure, the glossary's terms alone and the error saying why)."""
    prepared = index.prepare(question)
    if translator is None or prepared.language not in TRANSLATED:
        return prepared, None
    try:
        translation = translator.translate(question)
    except TranslationError as exc:
        return prepared, exc
    return index.prepare(question, translation), None


@dataclass(frozen=True)
class AskResult:
    """A question, how it was read, and the passages the answer cites by position (``reading.hits``)."""

    question: str
    prepared: PreparedQuery
    reading: Reading
    took_ms: float
    # Why an English question was searched without its Chinese translation (the LLM server down, slow...).
    translation_error: TranslationError | None = None
    # The passages in the index's fused order, before the reader put the one that answers first.
    retrieved: tuple[Hit, ...] = ()

    @property
    def hits(self) -> list[Hit]:
        return list(self.reading.hits)


class QAService:
    """Question answering over a loaded index: retrieve, then read the top passages for the answer."""

    def __init__(self, index: Retriever, translator: Translator | None = None) -> None:
        self.index = index
        self.translator = translator
        self._metas = {m.doc_id: m for m in index.documents()}
        self.reader = TypedSentenceReader(index, load_calibration(index))
        # Generated answers are checked against the names of the glossary this index was built with.
        self.grounding = GroundingChecker(index.analyzer.glossary)

    def warm_up(self) -> None:
        """Run one question of each language so the first person does not pay for lazy loading (~1 s)."""
        for question in ("深港合作會議何時成立？", "深港合作会议何时成立？", "When was the meeting set up?"):
            self.ask(question)

    @property
    def version(self) -> str:
        return self.index.version

    @property
    def backend(self) -> str:
        return self.index.backend

    def search(
        self, query: str, k: int = 10, mode: str = "hybrid", filters: Filters | None = None
    ) -> tuple[PreparedQuery, list[Hit]]:
        # Not translated: the search box searches as the asker types, and a translation costs a model call.
        prepared = self.index.prepare(query)
        return prepared, self.index.search(prepared, k, mode, filters)

    def prepare(self, question: str) -> tuple[PreparedQuery, TranslationError | None]:
        return prepare_translated(self.index, self.translator, question)

    def ask(
        self, question: str, top_k: int = 5, mode: str = "hybrid", filters: Filters | None = None
    ) -> AskResult:
        """Answer from the top passages; ``top_k`` passages are returned, plus any the answer cites."""
        started = time.perf_counter()
        prepared, translation_error = self.prepare(question)
        # One encoding serves dense retrieval and the reader's sentence similarities (even in bm25 mode).
        vector = self.index.embed_query(prepared)
        question_analysis = analyse(prepared)
        hits = passages_to_read(
            self.index, prepared, question_analysis, vector, max(top_k, READ_DEPTH), mode, filters
        )
        reading = self.reader.read(question_analysis, hits, vector)
        reading = _trim(reading, top_k)
        took = (time.perf_counter() - started) * 1000
        return AskResult(question, prepared, reading, took, translation_error, tuple(hits[:top_k]))

    def documents(self) -> list[PaperMeta]:
        return self.index.documents()

    def document(self, doc_id: str) -> Document | None:
        return self.index.document(doc_id)

    def full_documents(self) -> list[Document]:
        """Every paper with its text and passages (for listings of a few papers, not a library)."""
        return [d for m in self.documents() if (d := self.index.document(m.doc_id)) is not None]

    def meta(self, doc_id: str) -> PaperMeta:
        """The metadata of a paper a hit came from."""
        return self._metas[doc_id]


def passages_to_read(
    index: Retriever,
    prepared: PreparedQuery,
    question: QuestionAnalysis,
    vector: npt.NDArray[np.float32],
    k: int,
    mode: str = "hybrid",
    filters: Filters | None = None,
) -> list[Hit]:
    """The top ``k`` hits the reader reads for a question (the service's, and the reader fit's).

    A paper the question names by year ("in the 2012 paper on how departments split Mainland work") is the
    only one searched, unless the asker chose papers: another paper on the same topic (the 2012-2017
    review's delegations) does not say what that one says. A paper's front matter and sign-off (its title,
    committee, office and date) are read only for a question about the paper itself: otherwise they crowd
    out the passages that discuss what its title names, so the search goes deeper while they take places.
    """
    named = papers_named(question, index.documents())
    if named is not None and not (filters and filters.doc_ids):
        filters = replace(filters or Filters(), doc_ids=tuple(sorted(named)))
    if question.about_paper:
        return index.search(prepared, k, mode, filters, vector=vector)
    depth = k
    while True:
        hits = index.search(prepared, depth, mode, filters, vector=vector)
        content = [h for h in hits if h.passage.kind not in PAPER_PARTS]
        if len(content) >= k or len(hits) < depth:
            return content[:k]
        depth *= 2


def _trim(reading: Reading, top_k: int) -> Reading:
    """Keep the first ``top_k`` passages and every passage the answer cites, renumbering the citations."""
    cited = {s.hit for s in reading.sentences}
    keep = [i for i in range(len(reading.hits)) if i < top_k or i in cited]
    return reading if len(keep) == len(reading.hits) else reading.with_hits(keep)


SOURCE = "source.json"


def _source_stamp(root: Path, settings: Settings) -> dict[str, str | None]:
    """What the current index was made from, in terms that are cheap to recompute (no parsing)."""
    folder, manifest = current_manifest(root)
    return {
        "version": folder.name,
        "papers": papers_stamp(settings),
        "encoder": settings.encoder,
        "dictionary_hash": dictionary_hash(),
        "calibration": calibration_hash(manifest["encoder"]["name"]),
    }


def _stamp_matches(root: Path, settings: Settings) -> bool:
    try:
        recorded = json.loads((root / SOURCE).read_text(encoding="utf-8"))
        return bool(recorded == _source_stamp(root, settings))
    except (OSError, ValueError, IndexLoadError):
        return False


def write_stamp(root: Path, settings: Settings) -> None:
    """Record what the current index was made from, so the next start need not parse the papers."""
    tmp = root / (SOURCE + ".tmp")
    tmp.write_text(json.dumps(_source_stamp(root, settings), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, root / SOURCE)


def ensure_index(settings: Settings, show_progress: bool = True) -> Path:
    """The index root, (re)built from the papers first if it has none, or one for other papers.

    A start with an index made from the same raw papers, code, encoder and dictionary only hashes files
    (``source.json``); otherwise the papers are parsed to compare their passages. Unchanged passages reuse
    their cached (or shipped) embeddings, so a rebuild after a small change is quick.
    """
    root = settings.index_path
    with build_lock(root, wait=True):
        tidy(settings, show_progress)
        return _ensure_index(settings, show_progress)


def tidy(settings: Settings, show_progress: bool = False) -> None:
    """Housekeeping under the build lock: what a killed build or add left, and versions past the last N."""
    root = settings.index_path
    partials = remove_partials(root)
    leftovers = store(settings).clean_leftovers()
    pruned = prune_versions(root, settings.keep_versions) if (root / "versions").is_dir() else []
    if show_progress and (partials or leftovers or pruned):
        sys.stderr.write(
            f"policyqa: removed {len(partials)} unfinished build(s), {len(leftovers)} leftover upload(s), "
            f"{len(pruned)} old version(s)\n"
        )


def _ensure_index(settings: Settings, show_progress: bool) -> Path:
    root = settings.index_path
    if (root / CURRENT).exists() and _stamp_matches(root, settings):
        return root
    documents = load_papers(settings)
    if not (root / CURRENT).exists():
        reason: str | None = "no index yet (first start)"
    else:
        reason = stale_reason(root, documents, settings.encoder)
    if reason:
        if show_progress:
            sys.stderr.write(f"policyqa: building the index at {root}: {reason}\n")
        build_index(
            documents,
            get_encoder(settings.encoder),
            root,
            settings.encoder,
            show_progress=show_progress,
            uploaded_terms=uploaded_glossary(settings),
        )
    write_stamp(root, settings)
    return root


def _open(settings: Settings) -> Retriever:
    return open_index(
        settings.index_path,
        settings.backend,
        settings.milvus_uri,
        query_batch_ms=settings.query_batch_ms,
        query_cache=settings.query_cache,
    )


def load_service(settings: Settings, show_progress: bool = True) -> QAService:
    """Build the index if needed, load it and wrap it in a service."""
    ensure_index(settings, show_progress)
    service = QAService(_open(settings), make_translator(settings))
    service.warm_up()
    return service


class ServiceHolder:
    """Loads the service in a background thread so the server answers /healthz and 503s while it loads."""

    def __init__(self, settings: Settings, autostart: bool = True) -> None:
        self.settings = settings
        self.autostart = autostart
        self.service: QAService | None = None
        self.error: str | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._load, name="policyqa-index-loader", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            self.service = load_service(self.settings)
        except (CorpusError, IndexLoadError, OSError, ValueError, RuntimeError) as exc:
            self.error = str(exc)
            sys.stderr.write(f"policyqa: could not load the index: {exc}\n")

    def reload(self) -> None:
        """Load the index CURRENT points at now (after a rebuild) and swap it in; on error the old stays.

        The new service is warmed up before the swap; questions in flight finish on the old one. The
        loaded encoder is reused (same name and size are checked by the load).
        """
        old = self.service
        encoder = getattr(old.index, "encoder", None) if old is not None else None
        service = QAService(
            open_index(
                self.settings.index_path,
                self.settings.backend,
                self.settings.milvus_uri,
                encoder=encoder,
                query_batch_ms=0.0 if encoder is not None else self.settings.query_batch_ms,
                query_cache=0 if encoder is not None else self.settings.query_cache,
            ),
            old.translator if old is not None else make_translator(self.settings),
        )
        service.warm_up()
        self.service = service
