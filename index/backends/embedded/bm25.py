"""BM25 over pre-tokenised passages, on bm25s (sparse, precomputed scores)."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import numpy.typing as npt

K1 = 1.2
B = 0.75


class BM25Index:
    """Scores every passage for a list of query tokens; unknown tokens are ignored."""

    def __init__(self, model: object) -> None:
        self._model = model
        self._vocab: dict[str, int] = dict(model.vocab_dict)  # type: ignore[attr-defined]

    @classmethod
    def build(
        cls, corpus_tokens: list[list[str]], k1: float = K1, b: float = B, method: str = "lucene"
    ) -> BM25Index:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)
        model = bm25s.BM25(k1=k1, b=b, method=method)
        model.index([tokens or [""] for tokens in corpus_tokens], show_progress=False)
        return cls(model)

    def scores(self, query_tokens: list[str]) -> npt.NDArray[np.float32]:
        """BM25 score of every passage, in corpus order."""
        known = [t for t in query_tokens if t in self._vocab and t != ""]
        n_docs = int(self._model.scores["num_docs"])  # type: ignore[attr-defined]
        if not known:
            return np.zeros(n_docs, dtype=np.float32)
        return np.asarray(self._model.get_scores(known), dtype=np.float32)  # type: ignore[attr-defined]

    def save(self, folder: Path) -> None:
        self._model.save(str(folder), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, folder: Path) -> BM25Index:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=False))
