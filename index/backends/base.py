"""The retrieval Protocol that ``qa/`` depends on; each backend implements it in its own module."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from corpus.models import Document, PaperMeta, Passage
from index.analyzer import Analyzer
from index.fusion import FusionConfig
from index.models import Filters, Hit, IndexStats
from index.query import PreparedQuery
from index.sentences import Sentence, SentenceStore
from index.term_stats import CharacterStats, TermStats

MODES = ("hybrid", "bm25", "dense")
BACKENDS = ("embedded", "milvus")
# Each leg retrieves this many candidates before fusion.
CANDIDATES = 100

QueryVector = npt.NDArray[np.float32]


@runtime_checkable
class Retriever(Protocol):
    """A searchable index of papers: hybrid BM25 + dense search that explains every hit.

    ``search`` takes a question or a prepared one, and optionally the query vector already computed by
    ``embed_query`` (a reader that also needs it encodes the question once). Filters apply inside both legs.
    """

    backend: str
    manifest: Mapping[str, Any]
    analyzer: Analyzer
    term_stats: TermStats
    # Characters' passage counts, stored at build time (None for an index built before they were).
    characters: CharacterStats | None
    sentences: SentenceStore
    fusion: FusionConfig

    @property
    def version(self) -> str: ...

    def prepare(self, question: str, translation: str | None = None) -> PreparedQuery:
        """The question ready for both legs; an English question's Chinese ``translation`` is searched too."""
        ...

    def embed_query(self, prepared: PreparedQuery) -> QueryVector: ...

    def embed_queries(self, prepared: list[PreparedQuery]) -> list[QueryVector]: ...

    def search(
        self,
        query: str | PreparedQuery,
        k: int = 10,
        mode: str = "hybrid",
        filters: Filters | None = None,
        vector: QueryVector | None = None,
    ) -> list[Hit]: ...

    def passage(self, chunk_id: str) -> Passage | None: ...

    def passage_at(self, row: int) -> Passage: ...

    # What the answer reader needs: sentences with their vectors, stored with the index at build time.
    @property
    def calibration_text(self) -> str | None: ...

    def sentences_near(self, chunk_id: str) -> tuple[list[Sentence], list[Sentence]]: ...

    def sentence_tokens(self, sentence: Sentence) -> frozenset[str]: ...

    def english_coverage(self, question: str, sentences: list[Sentence]) -> npt.NDArray[np.float64]:
        """An English question's words found in each sentence's part of its passage's English rendering
        (NaN where the passage has none)."""
        ...

    def previous_sentence(self, sentence: Sentence) -> Sentence | None: ...

    def neighbour_hit(self, sentence: Sentence, of: Hit, prepared: PreparedQuery) -> Hit: ...

    def neighbours(self, chunk_id: str) -> list[Passage]: ...

    def document(self, doc_id: str) -> Document | None: ...

    def documents(self) -> list[PaperMeta]: ...

    def iter_passages(self) -> Iterator[Passage]: ...

    def add(self, documents: list[Document]) -> None: ...

    def remove(self, doc_ids: list[str]) -> None: ...

    def stats(self) -> IndexStats: ...

    def close(self) -> None: ...


def check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
