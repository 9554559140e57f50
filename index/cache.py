"""Embeddings of unchanged texts are reused: a cache keyed by encoder and text hash, in plain files.

Behind the cache sits a read-only *seed* shipped with the package (``index/data/seed/<encoder>/``): the
vectors of every text the builder embeds for the shipped papers, so a fresh install embeds nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

Vectors = dict[str, npt.NDArray[np.float32]]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encoder_folder(encoder_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", encoder_name)


def seed_dir() -> Path:
    """Where the shipped seeds live inside the installed package."""
    return Path(str(resources.files("index") / "data" / "seed"))


def read_vectors(folder: Path, dim: int) -> Vectors:
    """``keys.txt`` + ``vectors.npy`` as {text hash: float32 vector}; empty if absent or the wrong shape."""
    keys_path, vectors_path = folder / "keys.txt", folder / "vectors.npy"
    if not (keys_path.exists() and vectors_path.exists()):
        return {}
    keys = keys_path.read_text(encoding="utf-8").split()
    vectors = np.load(vectors_path, allow_pickle=False)
    if vectors.shape != (len(keys), dim):
        return {}
    return dict(zip(keys, vectors.astype(np.float32), strict=True))


def write_vectors(folder: Path, rows: Vectors, dim: int, dtype: type = np.float32) -> None:
    """Write rows atomically (each file replaced whole), keys in insertion order."""
    folder.mkdir(parents=True, exist_ok=True)
    keys = list(rows)
    vectors = np.stack([rows[k] for k in keys]) if keys else np.zeros((0, dim), np.float32)
    tmp_vectors = folder / "vectors.tmp.npy"
    np.save(tmp_vectors, vectors.astype(dtype), allow_pickle=False)
    tmp_keys = folder / "keys.tmp.txt"
    tmp_keys.write_text("\n".join(keys) + "\n", encoding="utf-8")
    os.replace(tmp_vectors, folder / "vectors.npy")
    os.replace(tmp_keys, folder / "keys.txt")


class EmbeddingCache:
    """``keys.txt`` (one text hash a line) beside ``vectors.npy`` (row i is key i), per encoder.

    A text found only in the seed is copied into the cache, so after a build the cache holds every vector
    that build used (which is what ``export_seed`` writes out).
    """

    def __init__(self, folder: Path, encoder_name: str, dim: int, seed: Path | None = None) -> None:
        self.folder = folder / encoder_folder(encoder_name)
        self.dim = dim
        self._rows = read_vectors(self.folder, dim)
        self._seed = read_vectors(seed / encoder_folder(encoder_name), dim) if seed else {}
        self.dirty = False

    def get(self, text: str) -> npt.NDArray[np.float32] | None:
        key = text_key(text)
        vector = self._rows.get(key)
        if vector is None and key in self._seed:
            vector = self._rows[key] = self._seed[key]
            self.dirty = True
        return vector

    def put(self, text: str, vector: npt.NDArray[np.float32]) -> None:
        self._rows[text_key(text)] = vector
        self.dirty = True

    def __len__(self) -> int:
        return len(self._rows)

    def save(self) -> None:
        write_vectors(self.folder, self._rows, self.dim)
        self.dirty = False
