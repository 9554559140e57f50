"""The embedded backend: bm25s (memory-mapped), FAISS (compressed above 50k rows) and SQLite, in process."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from corpus import PAPER_PARTS
from corpus.models import Document, PaperMeta, Passage
from index.analyzer import Analyzer
from index.backends.base import CANDIDATES, QueryVector, check_mode
from index.backends.embedded.bm25 import BM25Index
from index.backends.embedded.builder import CHUNK_IDS, DOC_ROWS, build_index
from index.backends.embedded.dense import DEFAULT_LARGE_KIND, DenseIndex
from index.backends.embedded.passages import STORE, PassageStore, load_chunk_ids, load_doc_rows
from index.backends.hits import make_hits, surface_terms
from index.encoders import get_encoder
from index.encoders.base import Encoder
from index.english import EnglishSide, english_tokens
from index.fusion import FusionConfig, fuse, rank, rerank_by_sentence, summed
from index.models import Filters, Hit, IndexStats
from index.paper_terms import PaperTerms
from index.query import PreparedQuery
from index.sentences import Sentence, SentenceStore
from index.store import (
    CALIBRATION_FILE,
    REBUILD_HINT,
    VERSIONS,
    IndexLoadError,
    read_manifest,
    resolve,
    verify_files,
)
from index.term_stats import CharacterStats, TermStats
from index.tokenizer import dictionary_hash, tokenize


class Index:
    """A loaded embedded index; passages stay on disk and only the hits of a search are read."""

    backend = "embedded"

    def __init__(
        self,
        path: Path,
        manifest: Mapping[str, Any],
        store: PassageStore,
        doc_rows: npt.NDArray[np.int32],
        chunk_ids: npt.NDArray[np.bytes_],
        bm25: BM25Index,
        dense: DenseIndex,
        encoder: Encoder,
        sentences: SentenceStore,
        fusion: FusionConfig | None = None,
        english: EnglishSide | None = None,
    ) -> None:
        self.path = path
        self.manifest = manifest
        self.store = store
        self.doc_rows = doc_rows
        self.chunk_ids = chunk_ids
        self.bm25 = bm25
        self.dense = dense
        self.encoder = encoder
        self.fusion = fusion or FusionConfig()
        self.term_stats = TermStats(bm25.document_frequency(), bm25.size)
        self.characters = CharacterStats.load(path)
        self.analyzer = Analyzer(self.term_stats, terms=PaperTerms.load(path))
        self.sentences = sentences
        self.english = english
        self._rendered = frozenset(english.rows.tolist()) if english is not None else frozenset()
        # An English question's own vector, made in ``embed_queries`` beside its half-translated one.
        self._asked_vectors: dict[str, QueryVector] = {}
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
        if manifest.get("backend", "embedded") != "embedded":
            raise IndexLoadError(f"{folder}: an index for the {manifest['backend']} backend, not embedded")
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
        store = PassageStore(folder / STORE)
        doc_rows = load_doc_rows(folder / DOC_ROWS)
        chunk_ids = load_chunk_ids(folder / CHUNK_IDS)
        bm25 = BM25Index.load(folder / "bm25")
        dense = DenseIndex.load(folder, manifest["dense"]["kind"])
        passages = manifest["counts"]["passages"]
        if not (len(doc_rows) == len(chunk_ids) == bm25.size == dense.size == passages):
            raise IndexLoadError(
                f"{folder}: the parts disagree ({passages} passages, {bm25.size} in BM25, "
                f"{dense.size} in FAISS, {len(doc_rows)} document rows, {len(chunk_ids)} chunk ids); "
                + REBUILD_HINT
            )
        sentences = _load_sentences(folder, manifest, store, encoder.dim)
        try:
            english = EnglishSide.load(folder)
        except (OSError, ValueError, KeyError) as exc:
            raise IndexLoadError(f"{folder}: unreadable English renderings ({exc}); {REBUILD_HINT}") from exc
        if english is not None and english.vectors.shape != (len(english), encoder.dim):
            raise IndexLoadError(f"{folder}: English rendering vectors do not fit; {REBUILD_HINT}")
        return cls(
            folder, manifest, store, doc_rows, chunk_ids, bm25, dense, encoder, sentences, english=english
        )

    def prepare(self, question: str, translation: str | None = None) -> PreparedQuery:
        return self.analyzer.prepare(question, self.fusion, translation)

    def embed_query(self, prepared: PreparedQuery) -> QueryVector:
        return self.embed_queries([prepared])[0]

    def embed_queries(self, prepared: list[PreparedQuery]) -> list[QueryVector]:
        """Vectors of several questions in one encoder call (concurrent questions share a batch); an
        English question's own words, for the English legs, ride in the same call."""
        asked = [p.text for p in prepared if self._takes_english(p) and p.dense_text != p.text]
        vectors = self.encoder.encode_queries([p.dense_text for p in prepared] + asked)
        if len(self._asked_vectors) > 1024:
            self._asked_vectors.clear()
        for text, vector in zip(asked, vectors[len(prepared) :], strict=True):
            self._asked_vectors[text] = vector
        return list(vectors[: len(prepared)])

    def _takes_english(self, prepared: PreparedQuery) -> bool:
        return self.english is not None and prepared.language in ("en", "mixed") and any(self.fusion.english)

    def selected_rows(self, filters: Filters | None) -> npt.NDArray[np.int64] | None:
        """Passage rows the filters allow, or None for no filter."""
        if not filters:
            return None
        allowed = [i for i, meta in enumerate(self.store.metas) if filters.matches(meta)]
        return np.flatnonzero(np.isin(self.doc_rows, allowed)).astype(np.int64)

    def search(
        self,
        query: str | PreparedQuery,
        k: int = 10,
        mode: str = "hybrid",
        filters: Filters | None = None,
        vector: QueryVector | None = None,
    ) -> list[Hit]:
        """The top-k passages for a question, each with its BM25 and dense ranks, scores and matched terms."""
        check_mode(mode)
        prepared = self.prepare(query) if isinstance(query, str) else query
        selected = self.selected_rows(filters)
        if selected is not None and len(selected) == 0:
            return []
        bm25_run: dict[str, float] = {}
        dense_run: dict[str, float] = {}
        row_of: dict[str, int] = {}
        if mode in ("hybrid", "bm25"):
            rows, scores = self.bm25.top(list(prepared.tokens), CANDIDATES, selected)
            bm25_run = self._run(rows, scores, row_of)
        if mode in ("hybrid", "dense"):
            if vector is None:
                vector = self.embed_query(prepared)
            rows, scores = self.dense.search(vector, CANDIDATES, selected)
            dense_run = self._run(rows, scores, row_of)
            if prepared.translation:
                translated = self.encoder.encode_queries([prepared.translation])[0]
                rows, scores = self.dense.search(translated, CANDIDATES, selected)
                dense_run = summed(dense_run, self._run(rows, scores, row_of))
        english = (
            self.english_runs(prepared, self.fusion, selected, row_of, vector) if mode == "hybrid" else None
        )
        fused = fuse(self.fusion, prepared.language, bm25_run, dense_run, mode, english)
        if mode == "hybrid" and vector is not None:
            fused = self.rerank_by_sentences(fused, vector, self.fusion, row_of)
        return make_hits(prepared, fused, bm25_run, dense_run, k, self._fetch)

    def english_runs(
        self,
        prepared: PreparedQuery,
        fusion: FusionConfig,
        selected: npt.NDArray[np.int64] | None,
        row_of: dict[str, int] | None = None,
        vector: QueryVector | None = None,
    ) -> tuple[dict[str, float], dict[str, float]] | None:
        """An English question's two legs over the passages' English renderings (``index.english``):
        BM25 over their words and the cosine of the question as asked to each rendering's vector; a
        passage nobody rendered joins the dense leg with its own vector. None when there is nothing to do.

        Shared by the Milvus backend (which keeps the renderings in this local index), so both rank alike.
        """
        if (
            self.english is None
            or prepared.language not in ("en", "mixed")
            or not any(fusion.english)
            or (selected is not None and len(selected) == 0)
        ):
            return None
        if prepared.dense_text == prepared.text and vector is not None:
            asked = vector  # nothing was translated: the question as asked is what was embedded
        else:
            found = self._asked_vectors.pop(prepared.text, None)
            asked = found if found is not None else self.encoder.encode_queries([prepared.text])[0]
        vector = asked
        lexical, dense = self.english.search(vector, english_tokens(prepared.text), CANDIDATES, selected)
        if len(self._rendered) < self.bm25.size:
            rows, scores = self.dense.search(vector, CANDIDATES, selected)
            for row, score in zip(rows.tolist(), scores.tolist(), strict=True):
                if row not in self._rendered:
                    dense[row] = float(score)
        row_of = {} if row_of is None else row_of
        return self._run_of(lexical, row_of), self._run_of(dense, row_of)

    def _run_of(self, scores: dict[int, float], row_of: dict[str, int]) -> dict[str, float]:
        rows = np.fromiter(scores, dtype=np.int64, count=len(scores))
        values = np.fromiter(scores.values(), dtype=np.float32, count=len(scores))
        return self._run(rows, values, row_of)

    def rerank_by_sentences(
        self,
        fused: dict[str, float],
        vector: QueryVector,
        fusion: FusionConfig,
        row_of: dict[str, int] | None = None,
    ) -> dict[str, float]:
        """A fused hybrid run re-ranked by each top passage's closest stored sentence to the question.

        Shared by the Milvus backend (which keeps the sentences in this local index), so both rank alike.
        """
        if fusion.sentence_weight <= 0 or not len(self.sentences):
            return fused
        depth = fusion.sentence_depth
        top = []
        for chunk_id in rank(fused)[:depth]:
            row = row_of.get(chunk_id) if row_of else None
            row = self.store.row_of(chunk_id) if row is None else row
            if row is not None:
                top.append((chunk_id, row))
        return rerank_by_sentence(fused, self._best_sentence(top, vector), fusion.sentence_weight, depth)

    def _best_sentence(self, passages: list[tuple[str, int]], vector: QueryVector) -> dict[str, float]:
        """Each passage's (chunk id, row) closest sentence to the question: one product over them all."""
        owners: list[str] = []
        rows: list[int] = []
        for chunk_id, row in passages:
            found = self.sentences.rows_of_passage(row)
            owners.extend([chunk_id] * len(found))
            rows.extend(found)
        out: dict[str, float] = {}
        for chunk_id, score in zip(owners, self.sentences.similarity(np.asarray(vector), rows), strict=True):
            out[chunk_id] = max(out.get(chunk_id, -1.0), float(score))
        return out

    def _run(
        self, rows: npt.NDArray[np.int64], scores: npt.NDArray[np.float32], row_of: dict[str, int]
    ) -> dict[str, float]:
        """Chunk id -> score of a leg's rows; ``row_of`` learns each chunk id's row on the way."""
        run = {}
        for row, chunk, score in zip(rows, self.chunk_ids[rows], scores, strict=True):
            chunk_id = chunk.decode("utf-8")
            run[chunk_id] = float(score)
            row_of[chunk_id] = int(row)
        return run

    def _fetch(self, chunk_ids: list[str]) -> Mapping[str, tuple[Passage, frozenset[str]]]:
        return self.store.by_chunk_id(chunk_ids)

    def passage(self, chunk_id: str) -> Passage | None:
        return self.store.passage(chunk_id)

    def passage_at(self, row: int) -> Passage:
        """The passage on row ``row`` (the row sentences and vectors refer to)."""
        return self.store.passage_at(row)

    @property
    def calibration_text(self) -> str | None:
        """The answer reader's calibration for this index's encoder, as the build stored it (or None)."""
        path = self.path / CALIBRATION_FILE
        return path.read_text(encoding="utf-8") if path.exists() else None

    def sentences_near(self, chunk_id: str) -> tuple[list[Sentence], list[Sentence]]:
        """The sentences of a passage, and the sentences right before and after it in the same paragraph.

        An answer often sits in the sentence after the one that names the topic, across a passage boundary.
        """
        row = self.store.row_of(chunk_id)
        if row is None:
            return [], []
        own = self.sentences.of_passage(row)
        here = self.passage_at(row)
        around: list[Sentence] = []
        for other, pick in ((row - 1, -1), (row + 1, 0)):
            if 0 <= other < self.bm25.size and same_paragraph(here, self.passage_at(other)):
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

    def english_coverage(self, question: str, sentences: list[Sentence]) -> npt.NDArray[np.float64]:
        """For an English question, the share of its words (weighed by rarity) found in each sentence's
        part of its passage's English rendering; NaN for a sentence whose passage has none.

        The encoder matches an English question with a Chinese sentence weakly, and the question's everyday
        words ("save keying in the same data twice") reach the Chinese only through the dictionary; in the
        rendering they meet English words.
        """
        words = set(english_tokens(question))
        if self.english is None or not words:
            return np.full(len(sentences), np.nan)
        out = np.zeros(len(sentences))
        weight = {w: self.english.idf(w) for w in words}
        total = sum(weight.values())
        for i, sentence in enumerate(sentences):
            passage = self.passage_at(sentence.passage_row)
            length = len(passage.text) or 1
            found = self.english.sentence_words(
                sentence.passage_row,
                (sentence.start - passage.start) / length,
                (sentence.end - passage.start) / length,
            )
            if found is None:
                out[i] = np.nan
            elif found:
                out[i] = sum(weight[w] for w in words & found) / total
        return out

    def previous_sentence(self, sentence: Sentence) -> Sentence | None:
        """The sentence before this one in the same paragraph, if any."""
        if sentence.row == 0:
            return None
        before = self.sentences.sentence(sentence.row - 1)
        same = before.passage_row == sentence.passage_row or same_paragraph(
            self.passage_at(before.passage_row), self.passage_at(sentence.passage_row)
        )
        return before if same else None

    def neighbour_hit(self, sentence: Sentence, of: Hit, prepared: PreparedQuery) -> Hit:
        """The passage holding ``sentence``, as a hit brought in by the reader beside the hit ``of``."""
        passage = self.passage_at(sentence.passage_row)
        found = self.store.by_chunk_id([passage.chunk_id])
        matched = set(prepared.tokens) & found[passage.chunk_id][1]
        return Hit(
            chunk_id=passage.chunk_id,
            score=0.0,
            passage=passage,
            bm25_rank=None,
            bm25_score=None,
            dense_rank=None,
            dense_score=None,
            matched_terms=surface_terms(passage.text, matched),
            neighbour_of=of.chunk_id,
        )

    def neighbours(self, chunk_id: str) -> list[Passage]:
        return self.store.neighbours(chunk_id)

    def document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id)

    def documents(self) -> list[PaperMeta]:
        return sorted(self.store.metas, key=lambda m: m.doc_id)

    def iter_passages(self) -> Iterator[Passage]:
        return self.store.iter_passages()

    def add(self, documents: list[Document]) -> None:
        """Add (or replace, by doc_id) papers: a new version is built (cached vectors reused) and loaded."""
        new = {d.doc_id: d for d in documents}
        kept = [d for m in self.store.metas if m.doc_id not in new and (d := self.document(m.doc_id))]
        self._rebuild([*kept, *new.values()])

    def remove(self, doc_ids: list[str]) -> None:
        unknown = sorted(set(doc_ids) - {m.doc_id for m in self.store.metas})
        if unknown:
            raise KeyError(f"no such documents: {', '.join(unknown)}")
        gone = set(doc_ids)
        self._rebuild(
            [d for m in self.store.metas if m.doc_id not in gone and (d := self.document(m.doc_id))]
        )

    def _rebuild(self, documents: list[Document]) -> None:
        root = self.path.parent.parent if self.path.parent.name == VERSIONS else self.path
        build_index(
            documents,
            self.encoder,
            root,
            self.manifest["encoder"]["spec"],
            show_progress=False,
            large_kind=kind if (kind := self.manifest["dense"]["kind"]) != "flat" else DEFAULT_LARGE_KIND,
            # Glossary entries uploaded with papers stay; the terms mined from the papers are mined anew.
            uploaded_terms=list(terms.uploaded) if (terms := self.analyzer.terms) is not None else None,
        )
        fresh = Index.load(root, encoder=self.encoder)
        self.close()
        fresh.fusion = self.fusion
        self.__dict__.update(fresh.__dict__)

    def stats(self) -> IndexStats:
        return IndexStats(
            backend=self.backend,
            version=self.version,
            documents=len(self.store.metas),
            passages=self.bm25.size,
            encoder=self.encoder.name,
            dim=self.encoder.dim,
            dense_kind=self.dense.kind,
        )

    def close(self) -> None:
        self.store.close()
        self.dense.close()


# Tokens of at most this many sentences are kept between questions (about 50 MB at the limit).
SENTENCE_TOKEN_CACHE = 200_000


def same_paragraph(a: Passage, b: Passage) -> bool:
    """Passages of one paragraph; a paper's front matter and sign-off are paragraphs of their own."""
    return (a.doc_id, a.paragraph, a.annex, a.heading) == (b.doc_id, b.paragraph, b.annex, b.heading) and (
        a.kind in PAPER_PARTS
    ) == (b.kind in PAPER_PARTS)


def _load_sentences(
    folder: Path, manifest: Mapping[str, Any], store: PassageStore, dim: int
) -> SentenceStore:
    """The answer reader's sentences; an index built without them (the scale benchmark's) has none."""
    if "sentences" not in manifest["counts"]:
        return SentenceStore.from_sentences([], np.zeros((0, dim), dtype=np.float32), [])
    try:
        sentences = SentenceStore.load(folder, store.passage_at)
    except (OSError, ValueError, IndexError) as exc:
        raise IndexLoadError(f"{folder}: unreadable sentence store ({exc}); {REBUILD_HINT}") from exc
    if len(sentences) and sentences.dim != dim:
        raise IndexLoadError(f"{folder}: sentence vectors are not {dim}-d; {REBUILD_HINT}")
    return sentences
