"""A fake encoder for unit tests: deterministic character-bigram hashing, no model."""

import hashlib
from collections.abc import Sequence

import numpy as np

from index.encoders.base import l2_normalize
from index.normalize import normalize


class FakeEncoder:
    """Texts sharing characters get similar vectors; enough to test plumbing, not quality."""

    name = "fake/char-bigram-hash"
    dim = 64

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        norm = normalize(text)
        for a, b in zip(norm, norm[1:] + " ", strict=True):
            h = int(hashlib.md5((a + b).encode()).hexdigest()[:8], 16)
            vec[h % self.dim] += 1.0
        return vec

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return l2_normalize(np.stack([self._vector(t) for t in texts]))

    def encode_documents(self, texts: Sequence[str], progress=None) -> np.ndarray:
        if progress:
            progress(len(texts))
        return l2_normalize(np.stack([self._vector(t) for t in texts]))
