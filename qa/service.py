"""The QA service layer: routes and the CLI call these; nothing here knows about HTTP."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from corpus import load_corpus
from corpus.manifest import papers_fingerprint
from corpus.models import Document
from index import Hit, Index, IndexLoadError, build_index
from index.builder import calibration_hash
from index.encoders import get_encoder
from index.query import PreparedQuery
from index.store import CURRENT, corpus_hash, read_manifest, resolve
from index.tokenizer import dictionary_hash
from qa.readers import Reading, TypedSentenceReader, analyse
from qa.readers.calibration import load_calibration
from qa.readers.features import READ_DEPTH
from qa.settings import Settings


@dataclass(frozen=True)
class AskResult:
    """A question, how it was read, and the passages the answer cites by position (``reading.hits``)."""

    question: str
    prepared: PreparedQuery
    reading: Reading
    took_ms: float

    @property
    def hits(self) -> list[Hit]:
        return list(self.reading.hits)


class QAService:
    """Question answering over a loaded index: retrieve, then read the top passages for the answer."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.reader = TypedSentenceReader(index, load_calibration(index))

    def warm_up(self) -> None:
        """Run one question of each language so the first person does not pay for lazy loading (~1 s)."""
        for question in ("深港合作會議何時成立？", "深港合作会议何时成立？", "When was the meeting set up?"):
            self.ask(question)

    @property
    def version(self) -> str:
        return self.index.version

    def search(self, query: str, k: int = 10, mode: str = "hybrid") -> tuple[PreparedQuery, list[Hit]]:
        prepared = self.index.prepare(query)
        return prepared, self.index.search_prepared(prepared, k, mode)

    def ask(self, question: str, top_k: int = 5, mode: str = "hybrid") -> AskResult:
        """Answer from the top passages; ``top_k`` passages are returned, plus any the answer cites."""
        started = time.perf_counter()
        prepared = self.index.prepare(question)
        # One encoding serves dense retrieval and the reader's sentence similarities (even in bm25 mode).
        vector = self.index.embed_query(prepared)
        hits = self.index.search_prepared(prepared, max(top_k, READ_DEPTH), mode, vector=vector)
        reading = self.reader.read(analyse(prepared), hits, vector)
        reading = _trim(reading, top_k)
        return AskResult(question, prepared, reading, (time.perf_counter() - started) * 1000)

    def documents(self) -> list[Document]:
        return sorted(self.index.documents.values(), key=lambda d: d.doc_id)

    def document(self, doc_id: str) -> Document | None:
        return self.index.documents.get(doc_id)


def _trim(reading: Reading, top_k: int) -> Reading:
    """Keep the first ``top_k`` passages and every passage the answer cites, renumbering the citations."""
    cited = {s.hit for s in reading.sentences}
    keep = [i for i in range(len(reading.hits)) if i < top_k or i in cited]
    if len(keep) == len(reading.hits):
        return reading
    new = {old: pos for pos, old in enumerate(keep)}
    return replace(
        reading,
        hits=tuple(reading.hits[i] for i in keep),
        sentences=tuple(replace(s, hit=new[s.hit]) for s in reading.sentences),
        highlights={new[i]: spans for i, spans in reading.highlights.items() if i in new},
    )


def _stale_reason(root: Path, documents: list[Document], encoder_spec: str) -> str | None:
    """Why the current index does not serve these papers with this encoder and dictionary, or None."""
    try:
        manifest = read_manifest(resolve(root))
    except IndexLoadError as exc:
        return str(exc)
    if manifest["corpus_hash"] != corpus_hash(documents):
        return "the papers or their passages changed"
    if manifest["tokenizer"]["dictionary_hash"] != dictionary_hash():
        return "the domain dictionary or glossary changed"
    if manifest["encoder"]["spec"] != encoder_spec:
        return f"the encoder changed to {encoder_spec}"
    if manifest.get("calibration") != calibration_hash(manifest["encoder"]["name"]):
        return "the answer reader's calibration changed"
    return None


SOURCE = "source.json"


def _source_stamp(root: Path, settings: Settings) -> dict[str, str | None]:
    """What the current index was made from, in terms that are cheap to recompute (no parsing)."""
    folder = resolve(root)
    return {
        "version": folder.name,
        "papers": papers_fingerprint(settings.papers_path),
        "encoder": settings.encoder,
        "dictionary_hash": dictionary_hash(),
        "calibration": calibration_hash(read_manifest(folder)["encoder"]["name"]),
    }


def _stamp_matches(root: Path, settings: Settings) -> bool:
    try:
        recorded = json.loads((root / SOURCE).read_text(encoding="utf-8"))
        return bool(recorded == _source_stamp(root, settings))
    except (OSError, ValueError, IndexLoadError):
        return False


def _write_stamp(root: Path, settings: Settings) -> None:
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
    if (root / CURRENT).exists() and _stamp_matches(root, settings):
        return root
    documents = load_corpus(settings.papers_path)
    if not (root / CURRENT).exists():
        reason: str | None = "no index yet (first start)"
    else:
        reason = _stale_reason(root, documents, settings.encoder)
    if reason:
        if show_progress:
            sys.stderr.write(f"policyqa: building the index at {root}: {reason}\n")
        build_index(
            documents, get_encoder(settings.encoder), root, settings.encoder, show_progress=show_progress
        )
    _write_stamp(root, settings)
    return root


def load_service(settings: Settings, show_progress: bool = True) -> QAService:
    """Build the index if needed, load it and wrap it in a service."""
    root = ensure_index(settings, show_progress)
    service = QAService(Index.load(root))
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
        except (IndexLoadError, OSError, ValueError, RuntimeError) as exc:
            self.error = str(exc)
            sys.stderr.write(f"policyqa: could not load the index: {exc}\n")

    def reload(self) -> None:
        """Load the index CURRENT points at now (after a rebuild) and swap it in; on error the old stays."""
        service = QAService(Index.load(self.settings.index_path))
        self.service = service
