"""``Index.load(path).search(query, k, mode)``: hybrid BM25 + dense retrieval that explains every hit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from corpus.models import Document, Passage
from index.bm25 import BM25Index
from index.dense import DenseIndex
from index.encoders import get_encoder
from index.encoders.base import Encoder
from index.fusion import rrf, weighted
from index.models import Hit
from index.normalize import normalize
from index.query import PreparedQuery, prepare_query
from index.sentences import Sentence, SentenceStore
from index.store import (
    CALIBRATION_FILE,
    REBUILD_HINT,
    IndexLoadError,
    document_from_row,
    read_jsonl,
    read_manifest,
    resolve,
    verify_files,
)
from index.term_stats import TermStats
from index.tokenizer import dictionary_hash, tokenize

MODES = ("hybrid", "bm25", "dense")
CANDIDATES = 100
# Tokens of at most this many sentences are kept between questions (about 50 MB at the limit).
SENTENCE_TOKEN_CACHE = 200_000


@dataclass(frozen=True)
class FusionConfig:
    """How the legs are fused; weights are (bm25, dense) per question language."""

    method: str = "weighted"
    weights: tuple[tuple[str, float, float], ...] = (
        ("en", 0.2, 0.8),
        ("mixed", 0.35, 0.65),
        ("zh-Hant", 0.5, 0.5),
        ("zh-Hans", 0.5, 0.5),
    )
    expand: bool = True
    chinese_synonyms: bool = False

    def weights_for(self, language: str) -> tuple[float, float]:
        for lang, bm25_w, dense_w in self.weights:
            if lang == language:
                return bm25_w, dense_w
        return 0.5, 0.5


class Index:
    """A loaded index: passages, documents, BM25, FAISS and the encoder that made the vectors."""

    def __init__(
        self,
        path: Path,
        manifest: dict[str, Any],
        passages: list[Passage],
        passage_tokens: list[list[str]],
        documents: dict[str, Document],
        bm25: BM25Index,
        dense: DenseIndex,
        encoder: Encoder,
        sentences: SentenceStore,
        fusion: FusionConfig | None = None,
    ) -> None:
        self.path = path
        self.manifest = manifest
        self.passages = passages
        self.passage_tokens = [set(t) for t in passage_tokens]
        self.documents = documents
        self.bm25 = bm25
        self.dense = dense
        self.encoder = encoder
        self.sentences = sentences
        self.fusion = fusion or FusionConfig()
        self.term_stats = TermStats(self.passage_tokens)
        self._row = {p.chunk_id: i for i, p in enumerate(passages)}
        self._sentence_tokens: dict[int, frozenset[str]] = {}

    @property
    def version(self) -> str:
        return self.path.name

    @classmethod
    def load(cls, path: Path, encoder: Encoder | None = None, verify: bool = True) -> Index:
        """Load an index folder (or the version its CURRENT points at), checking it against its manifest."""
        folder = resolve(Path(path))
        manifest = read_manifest(folder)
        if verify:
            verify_files(folder, manifest)
        if manifest["tokenizer"]["dictionary_hash"] != dictionary_hash():
            raise IndexLoadError(
                f"{folder}: built with another domain dictionary or glossary than this policyqa has; "
                + REBUILD_HINT
            )
        encoder = encoder or get_encoder(manifest["encoder"]["spec"])
        if encoder.name != manifest["encoder"]["name"] or encoder.dim != manifest["encoder"]["dim"]:
            raise IndexLoadError(
                f"{folder}: built with encoder {manifest['encoder']['name']} "
                f"({manifest['encoder']['dim']}-d), "
                f"not {encoder.name} ({encoder.dim}-d); {REBUILD_HINT} --encoder ..."
            )
        rows = read_jsonl(folder / "passages.jsonl")
        tokens = [row.pop("tokens") for row in rows]
        passages = [Passage(**row) for row in rows]
        docids = (folder / "docids.txt").read_text(encoding="utf-8").split()
        if docids != [p.chunk_id for p in passages]:
            raise IndexLoadError(f"{folder}: docids.txt does not match passages.jsonl; {REBUILD_HINT}")
        by_doc: dict[str, list[Passage]] = {}
        for p in passages:
            by_doc.setdefault(p.doc_id, []).append(p)
        documents = {}
        for row in read_jsonl(folder / "documents.jsonl"):
            doc_id = row["meta"]["doc_id"]
            documents[doc_id] = document_from_row(row, tuple(by_doc.get(doc_id, ())))
        dense = DenseIndex.load(folder / "dense.faiss")
        if dense.size != len(passages):
            raise IndexLoadError(
                f"{folder}: FAISS holds {dense.size} rows for {len(passages)} passages; {REBUILD_HINT}"
            )
        bm25 = BM25Index.load(folder / "bm25")
        try:
            sentences = SentenceStore.load(folder, passages)
        except (OSError, ValueError, IndexError) as exc:
            raise IndexLoadError(f"{folder}: unreadable sentence store ({exc}); {REBUILD_HINT}") from exc
        if sentences.vectors.shape[1:] != (encoder.dim,):
            raise IndexLoadError(f"{folder}: sentence vectors are not {encoder.dim}-d; {REBUILD_HINT}")
        return cls(folder, manifest, passages, tokens, documents, bm25, dense, encoder, sentences)

    def prepare(self, query: str) -> PreparedQuery:
        return prepare_query(query, expand=self.fusion.expand, chinese_synonyms=self.fusion.chinese_synonyms)

    def search(self, query: str, k: int = 10, mode: str = "hybrid") -> list[Hit]:
        """The top-k passages for a question, each with its BM25 and dense ranks, scores and matched terms."""
        return self.search_prepared(self.prepare(query), k, mode)

    @property
    def calibration_text(self) -> str | None:
        """The answer reader's calibration for this index's encoder, as the build stored it (or None)."""
        path = self.path / CALIBRATION_FILE
        return path.read_text(encoding="utf-8") if path.exists() else None

    def embed_query(self, prepared: PreparedQuery) -> npt.NDArray[np.float32]:
        """The question's vector as dense retrieval uses it; the answer reader reuses it for sentences."""
        vector: npt.NDArray[np.float32] = self.encoder.encode_queries([prepared.dense_text])[0]
        return vector

    def search_prepared(
        self,
        prepared: PreparedQuery,
        k: int = 10,
        mode: str = "hybrid",
        vector: npt.NDArray[np.float32] | None = None,
    ) -> list[Hit]:
        """Search with a prepared question; ``vector`` is its embedding when the caller already has it."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        bm25_run: dict[str, float] = {}
        dense_run: dict[str, float] = {}
        depth = min(CANDIDATES, len(self.passages))
        if mode in ("hybrid", "bm25"):
            scores = self.bm25.scores(list(prepared.tokens))
            top = np.argsort(-scores, kind="stable")[:depth]
            bm25_run = {self.passages[i].chunk_id: float(scores[i]) for i in top if scores[i] > 0}
        if mode in ("hybrid", "dense"):
            if vector is None:
                vector = self.embed_query(prepared)
            d_scores, ids = self.dense.search(vector, depth)
            dense_run = {self.passages[i].chunk_id: float(s) for s, i in zip(d_scores, ids, strict=True)}
        if mode == "bm25":
            fused = bm25_run
        elif mode == "dense":
            fused = dense_run
        elif self.fusion.method == "rrf":
            fused = rrf([bm25_run, dense_run])
        else:
            fused = weighted([bm25_run, dense_run], self.fusion.weights_for(prepared.language))
        return self._hits(prepared, fused, bm25_run, dense_run, k)

    def sentences_near(self, chunk_id: str) -> tuple[list[Sentence], list[Sentence]]:
        """The sentences of a passage, and the sentences right before and after it in the same paragraph.

        An answer often sits in the sentence after the one that names the topic, across a passage boundary.
        """
        row = self._row[chunk_id]
        own = self.sentences.of_passage(row)
        around: list[Sentence] = []
        for other, pick in ((row - 1, -1), (row + 1, 0)):
            if 0 <= other < len(self.passages) and _same_paragraph(self.passages[row], self.passages[other]):
                neighbour = self.sentences.of_passage(other)
                if neighbour:
                    around.append(neighbour[pick])
        return own, around

    def sentence_tokens(self, sentence: Sentence) -> frozenset[str]:
        """A sentence's tokens, cut once and kept: the same passages come up question after question."""
        tokens = self._sentence_tokens.get(sentence.row)
        if tokens is None:
            if len(self._sentence_tokens) >= SENTENCE_TOKEN_CACHE:
                self._sentence_tokens.clear()
            tokens = self._sentence_tokens[sentence.row] = frozenset(tokenize(sentence.text))
        return tokens

    def previous_sentence(self, sentence: Sentence) -> Sentence | None:
        """The sentence before this one in the same paragraph, if any."""
        if sentence.row == 0:
            return None
        before = self.sentences.sentences[sentence.row - 1]
        same = before.passage_row == sentence.passage_row or _same_paragraph(
            self.passages[before.passage_row], self.passages[sentence.passage_row]
        )
        return before if same else None

    def neighbour_hit(self, sentence: Sentence, of: Hit, prepared: PreparedQuery) -> Hit:
        """The passage holding ``sentence``, as a hit brought in by the reader beside the hit ``of``."""
        passage = self.passages[sentence.passage_row]
        matched = set(prepared.tokens) & self.passage_tokens[sentence.passage_row]
        return Hit(
            chunk_id=passage.chunk_id,
            score=0.0,
            passage=passage,
            bm25_rank=None,
            bm25_score=None,
            dense_rank=None,
            dense_score=None,
            matched_terms=_surface_terms(passage.text, matched),
            neighbour_of=of.chunk_id,
        )

    def _hits(
        self,
        prepared: PreparedQuery,
        fused: dict[str, float],
        bm25_run: dict[str, float],
        dense_run: dict[str, float],
        k: int,
    ) -> list[Hit]:
        bm25_ranks = {c: r for r, c in enumerate(sorted(bm25_run, key=lambda c: -bm25_run[c]), start=1)}
        dense_ranks = {c: r for r, c in enumerate(sorted(dense_run, key=lambda c: -dense_run[c]), start=1)}
        order = sorted(fused, key=lambda c: (-fused[c], c))[:k]
        query_tokens = set(prepared.tokens)
        hits = []
        for chunk_id in order:
            row = self._row[chunk_id]
            passage = self.passages[row]
            matched = query_tokens & self.passage_tokens[row]
            hits.append(
                Hit(
                    chunk_id=chunk_id,
                    score=float(fused[chunk_id]),
                    passage=passage,
                    bm25_rank=bm25_ranks.get(chunk_id),
                    bm25_score=bm25_run.get(chunk_id),
                    dense_rank=dense_ranks.get(chunk_id),
                    dense_score=dense_run.get(chunk_id),
                    matched_terms=_surface_terms(passage.text, matched),
                )
            )
        return hits


def _same_paragraph(a: Passage, b: Passage) -> bool:
    return (a.doc_id, a.paragraph, a.annex, a.heading) == (b.doc_id, b.paragraph, b.annex, b.heading)


def _surface_terms(text: str, tokens: set[str]) -> tuple[str, ...]:
    """Matched tokens as they are written in the passage (Traditional), longest first."""
    norm = normalize(text)
    out: list[str] = []
    for token in sorted(tokens, key=lambda t: (-len(t), t)):
        pos = norm.find(token)
        surface = text[pos : pos + len(token)] if pos >= 0 and len(norm) == len(text) else token
        if not any(surface in longer for longer in out):
            out.append(surface)
    return tuple(out)
