"""Every passage's sentences with their vectors, stored with the index: reading a question encodes nothing.

The answer reader scores single sentences, not passages: a passage of 200 characters often holds the topic in
one sentence and the answer in the next. Sentence vectors come from the index's own encoder (document side) at
build time, so the query vector computed for dense retrieval is the only encoding a question needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from corpus.chunking import sentence_spans
from corpus.models import Passage

SPANS_FILE = "sentences.npy"
VECTORS_FILE = "sentence_vectors.npy"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a passage: ``document.text[start:end] == text``; ``row`` indexes the vectors."""

    row: int
    doc_id: str
    start: int
    end: int
    text: str
    passage_row: int


def split_passages(passages: list[Passage]) -> list[Sentence]:
    """The sentences of each passage, in passage order, with offsets into the document text."""
    out: list[Sentence] = []
    for passage_row, p in enumerate(passages):
        for s, e in sentence_spans(p.text):
            out.append(Sentence(len(out), p.doc_id, p.start + s, p.start + e, p.text[s:e], passage_row))
    return out


class SentenceStore:
    """All sentences of an index and their unit vectors; looked up by passage row."""

    def __init__(self, sentences: list[Sentence], vectors: npt.NDArray[np.float32]) -> None:
        if len(sentences) != len(vectors):
            raise ValueError(f"{len(sentences)} sentences but {len(vectors)} sentence vectors")
        self.sentences = sentences
        self.vectors = vectors
        self._by_passage: dict[int, list[Sentence]] = {}
        for s in sentences:
            self._by_passage.setdefault(s.passage_row, []).append(s)

    def of_passage(self, passage_row: int) -> list[Sentence]:
        return self._by_passage.get(passage_row, [])

    def similarity(self, query_vector: npt.NDArray[np.float32], rows: list[int]) -> npt.NDArray[np.float32]:
        """Cosine of the question with each of these sentences (vectors are unit length)."""
        if not rows:
            return np.zeros(0, dtype=np.float32)
        scores: npt.NDArray[np.float32] = self.vectors[rows] @ query_vector.astype(np.float32)
        return scores

    def save(self, folder: Path) -> None:
        spans = np.array([(s.passage_row, s.start, s.end) for s in self.sentences], dtype=np.int64)
        np.save(folder / SPANS_FILE, spans.reshape(-1, 3), allow_pickle=False)
        np.save(folder / VECTORS_FILE, self.vectors.astype(np.float32), allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, passages: list[Passage]) -> SentenceStore:
        """Sentences rebuilt from the stored spans and the passages' text (no text stored twice)."""
        spans = np.load(folder / SPANS_FILE, allow_pickle=False)
        vectors = np.load(folder / VECTORS_FILE, allow_pickle=False).astype(np.float32)
        sentences = []
        for row, (passage_row, start, end) in enumerate(spans.tolist()):
            p = passages[passage_row]
            text = p.text[start - p.start : end - p.start]
            sentences.append(Sentence(row, p.doc_id, start, end, text, passage_row))
        return cls(sentences, vectors)
