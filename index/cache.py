"""Embeddings of unchanged passages are reused: a cache keyed by encoder and text hash, in plain files."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import numpy as np
import numpy.typing as npt


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """``keys.txt`` (one text hash a line) beside ``vectors.npy`` (row i is key i), per encoder."""

    def __init__(self, folder: Path, encoder_name: str, dim: int) -> None:
        self.folder = folder / re.sub(r"[^A-Za-z0-9_.-]+", "_", encoder_name)
        self.dim = dim
        self._rows: dict[str, npt.NDArray[np.float32]] = {}
        keys_path, vectors_path = self.folder / "keys.txt", self.folder / "vectors.npy"
        if keys_path.exists() and vectors_path.exists():
            keys = keys_path.read_text(encoding="utf-8").split()
            vectors = np.load(vectors_path, allow_pickle=False)
            if vectors.shape == (len(keys), dim):
                self._rows = dict(zip(keys, vectors, strict=True))

    def get(self, text: str) -> npt.NDArray[np.float32] | None:
        return self._rows.get(text_key(text))

    def put(self, text: str, vector: npt.NDArray[np.float32]) -> None:
        self._rows[text_key(text)] = vector

    def __len__(self) -> int:
        return len(self._rows)

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        keys = list(self._rows)
        vectors = np.stack([self._rows[k] for k in keys]) if keys else np.zeros((0, self.dim), np.float32)
        tmp_vectors = self.folder / "vectors.tmp.npy"
        np.save(tmp_vectors, vectors.astype(np.float32), allow_pickle=False)
        tmp_keys = self.folder / "keys.tmp.txt"
        tmp_keys.write_text("\n".join(keys) + "\n", encoding="utf-8")
        os.replace(tmp_vectors, self.folder / "vectors.npy")
        os.replace(tmp_keys, self.folder / "keys.txt")
