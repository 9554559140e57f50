"""Bring your own model: any sentence-transformers model by local path or hub id (extra ``st``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index.encoders.base import Progress, Vectors, l2_normalize

BATCH = 32


class SentenceTransformerEncoder:
    """A sentence-transformers model; ``query_prefix``/``passage_prefix`` for e5-style models."""

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise RuntimeError(
                "the sentence-transformers encoder needs the 'st' extra: pip install 'policyqa[st]' "
                "(and torch: pip install torch==2.13.0 for the CPU build)"
            ) from exc
        self._model = SentenceTransformer(model, device="cpu")
        self.name = f"st/{model}"
        # sentence-transformers 6 renamed the method; older releases have only the old name.
        dimension = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension() or 0)
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix

    def _encode(self, texts: list[str]) -> Vectors:
        vectors = self._model.encode(texts, batch_size=BATCH, convert_to_numpy=True, show_progress_bar=False)
        return l2_normalize(np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim))

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode([self._query_prefix + t for t in texts])

    def encode_documents(self, texts: Sequence[str], progress: Progress | None = None) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i in range(0, len(texts), BATCH):
            batch = [self._passage_prefix + t for t in texts[i : i + BATCH]]
            out[i : i + len(batch)] = self._encode(batch)
            if progress:
                progress(len(batch))
        return out
