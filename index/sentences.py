"""Every passage's sentences with their vectors, stored with the index: reading a question encodes nothing.

The answer reader scores single sentences, not passages: a passage of 200 characters often holds the topic in
one sentence and the answer in the next. Sentence vectors come from the index's own encoder (document side) at
build time, so the query vector computed for dense retrieval is the only encoding a question needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from corpus import SIGN_OFF
from corpus.chunking import sentence_spans
from corpus.models import Passage
from index.vector_file import VectorFile

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


def embedded_text(sentence: Sentence, passage: Passage) -> str:
    """What the encoder sees of a sentence: a paper's sign-off (政制及內地事務局 / 二零零九年十二月) with the
    front matter it signs, which its passage's heading holds; any other sentence as it is."""
    if passage.kind == SIGN_OFF and passage.heading:
        return f"{passage.heading}\n{sentence.text}"
    return sentence.text


class SentenceStore:
    """All sentences of an index and their unit vectors, looked up by passage row.

    Spans and vectors stay on disk: a question touches a few dozen sentences, so a million passages'
    sentences cost page cache, not resident memory, and no Python object exists for a sentence until it is
    read. ``passage_at`` gives a passage row's passage (the text sentences are cut from).
    """

    def __init__(
        self,
        spans: npt.NDArray[np.int64],
        vectors: npt.NDArray[np.float32] | VectorFile,
        passage_at: Callable[[int], Passage],
    ) -> None:
        if len(spans) != len(vectors):
            raise ValueError(f"{len(spans)} sentences but {len(vectors)} sentence vectors")
        self._spans = spans
        self.vectors = vectors
        self._passage_at = passage_at
        # Passage row of each sentence, ascending: the sentences of a passage are one run found by bisection.
        self._passage_rows = spans[:, 0] if len(spans) else np.zeros(0, dtype=np.int64)

    @classmethod
    def from_sentences(
        cls, sentences: list[Sentence], vectors: npt.NDArray[np.float32], passages: list[Passage]
    ) -> SentenceStore:
        spans = np.array([(s.passage_row, s.start, s.end) for s in sentences], dtype=np.int64).reshape(-1, 3)
        return cls(spans, vectors, passages.__getitem__)

    def __len__(self) -> int:
        return len(self._spans)

    def sentence(self, row: int) -> Sentence:
        """Sentence ``row``, its text cut from its passage."""
        passage_row, start, end = (int(x) for x in self._spans[row])
        p = self._passage_at(passage_row)
        return Sentence(row, p.doc_id, start, end, p.text[start - p.start : end - p.start], passage_row)

    def rows_of_passage(self, passage_row: int) -> range:
        """The rows of a passage's sentences (without reading their text)."""
        first = int(np.searchsorted(self._passage_rows, passage_row, side="left"))
        last = int(np.searchsorted(self._passage_rows, passage_row, side="right"))
        return range(first, last)

    def of_passage(self, passage_row: int) -> list[Sentence]:
        first = int(np.searchsorted(self._passage_rows, passage_row, side="left"))
        last = int(np.searchsorted(self._passage_rows, passage_row, side="right"))
        return [self.sentence(row) for row in range(first, last)]

    def similarity(self, query_vector: npt.NDArray[np.float32], rows: list[int]) -> npt.NDArray[np.float32]:
        """Cosine of the question with each of these sentences (vectors are unit length)."""
        if not rows:
            return np.zeros(0, dtype=np.float32)
        if isinstance(self.vectors, VectorFile):
            found = self.vectors.rows_any_order(np.asarray(rows, dtype=np.int64))
        else:
            found = np.asarray(self.vectors[rows], dtype=np.float32)
        scores: npt.NDArray[np.float32] = found @ query_vector.astype(np.float32)
        return scores

    @property
    def dim(self) -> int:
        return int(self.vectors.dim if isinstance(self.vectors, VectorFile) else self.vectors.shape[1])

    def save(self, folder: Path) -> None:
        """Spans and float32 vectors as ``.npy`` (an in-memory store, as the builder makes it)."""
        if isinstance(self.vectors, VectorFile):
            raise ValueError("a store read from disk is saved where it was built")
        spans = np.asarray(self._spans, dtype=np.int64).reshape(-1, 3)
        np.save(folder / SPANS_FILE, spans, allow_pickle=False)
        np.save(folder / VECTORS_FILE, np.asarray(self.vectors, dtype=np.float32), allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, passage_at: Callable[[int], Passage]) -> SentenceStore:
        """Spans memory-mapped, vectors read with ``pread``; texts come from the passages when read.

        Not a memory map for the vectors: the kernel maps the neighbours of every faulted page too, which
        left 720 MB of a million passages' sentence vectors resident after 2,000 questions.
        """
        spans = np.load(folder / SPANS_FILE, mmap_mode="r", allow_pickle=False)
        vectors = VectorFile(folder / VECTORS_FILE)
        if spans.ndim != 2 or spans.shape[1] != 3 or vectors.dtype != np.float32:
            raise ValueError(f"sentence spans {spans.shape} or vectors {vectors.dtype}")
        return cls(spans, vectors, passage_at)
