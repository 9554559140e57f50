"""Dense retrieval on FAISS (inner product over L2-normalised vectors) with an exact re-rank from disk.

Up to ``FLAT_LIMIT`` rows the index is exact (``IndexFlatIP``). Above it the vectors are compressed in FAISS
to 8-bit scalars (384 bytes a 384-d vector) behind an inverted file (``ivf-sq8``, the default) or an HNSW
graph (``hnsw-sq8``); FAISS proposes ``REFINE_EXTRA`` more candidates than asked for, and the float16 copy
of every vector, read from ``vectors.f16.npy`` row by row, re-ranks them exactly. bench/bench_scale.py
chose: on 100k synthetic passages IVF-PQ (48 bytes a vector) found only 34% of the exact top 10 even
re-ranking 40 candidates, HNSW-SQ8 86% with a 95 s build, IVF-SQ8 with an eighth of its lists probed 94%
with a 30 s build.

Filters select rows inside the search: FAISS gets a bitmap selector, and a selective filter (few rows) is
answered exactly from the float16 copy, so a rare paper still returns k hits.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt

from index.vector_file import VectorFile

FLAT_LIMIT = 50_000
KINDS = ("flat", "ivf-sq8", "hnsw-sq8")
DEFAULT_LARGE_KIND = "ivf-sq8"
# FAISS proposes k + REFINE_EXTRA candidates for the exact re-rank (each one a read of 768 bytes).
REFINE_EXTRA = 32
EXACT_FILTER_LIMIT = 50_000
# The share of inverted lists an IVF search visits (recall against exact is set by it, not by the codes).
PROBE_SHARE = 8
EF_SEARCH = 128
HNSW_M = 32
TRAIN_PER_LIST = 40
ADD_BATCH = 65_536
VECTORS = "vectors.f16.npy"
FAISS_FILE = "dense.faiss"
SEARCH_THREADS = 1

Rows = npt.NDArray[np.int64]
Scores = npt.NDArray[np.float32]


def choose_kind(rows: int, large_kind: str = DEFAULT_LARGE_KIND) -> str:
    if large_kind not in KINDS:
        raise ValueError(f"dense kind must be one of {KINDS}, not {large_kind!r}")
    return "flat" if rows < FLAT_LIMIT else large_kind


def _nlist(rows: int) -> int:
    """About 4 * sqrt(rows) inverted lists, a power of two: 1024 at 100k, 4096 at 1M."""
    return int(2 ** round(math.log2(max(4 * math.sqrt(rows), 16))))


def _nprobe(index: Any) -> int:
    return max(1, int(index.nlist) // PROBE_SHARE)


class VectorWriter:
    """Streams float16 vectors to ``vectors.f16.npy`` batch by batch; the header is written at the end."""

    def __init__(self, folder: Path, dim: int) -> None:
        self.path = folder / VECTORS
        self.dim = dim
        self.rows = 0
        self._raw = folder / (VECTORS + ".raw")
        self._fh: BinaryIO = self._raw.open("wb")
        self._exact: list[npt.NDArray[np.float32]] = []

    def add(self, vectors: npt.NDArray[np.float32]) -> None:
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise ValueError(f"expected vectors of dimension {self.dim}, got shape {vectors.shape}")
        self._fh.write(np.ascontiguousarray(vectors, dtype=np.float16).tobytes())
        self.rows += len(vectors)
        # An exact (flat) index keeps full precision: its scores are the ones the reader is calibrated on.
        if self.rows < FLAT_LIMIT:
            self._exact.append(np.asarray(vectors, dtype=np.float32))
        else:
            self._exact = []

    def float32(self) -> npt.NDArray[np.float32] | None:
        """The vectors in full precision, kept only while they are few enough for a flat index."""
        return np.concatenate(self._exact) if self._exact and self.rows < FLAT_LIMIT else None

    def close(self) -> None:
        """Write the .npy header, then the rows, so the file loads (memory-mapped) with plain numpy."""
        self._fh.close()
        header = {"descr": "<f2", "fortran_order": False, "shape": (self.rows, self.dim)}
        with self.path.open("wb") as out, self._raw.open("rb") as raw:
            np.lib.format.write_array_header_1_0(out, header)
            while chunk := raw.read(1 << 24):
                out.write(chunk)
        self._raw.unlink()


def build_faiss(
    vectors: npt.NDArray[np.float16] | npt.NDArray[np.float32], kind: str, progress: Any = None
) -> Any:
    """A FAISS index over the (memory-mapped) vectors, trained on a sample and filled in batches."""
    import faiss

    rows, dim = vectors.shape
    index: Any
    if kind == "flat":
        index = faiss.IndexFlatIP(dim)
    elif kind == "ivf-sq8":
        index = faiss.index_factory(dim, f"IVF{_nlist(rows)},SQ8", faiss.METRIC_INNER_PRODUCT)
    elif kind == "hnsw-sq8":
        index = faiss.index_factory(dim, f"HNSW{HNSW_M},SQ8", faiss.METRIC_INNER_PRODUCT)
    else:
        raise ValueError(f"dense kind must be one of {KINDS}, not {kind!r}")
    if not index.is_trained:
        want = min(rows, TRAIN_PER_LIST * (_nlist(rows) if kind == "ivf-sq8" else 256))
        sample = np.sort(np.random.default_rng(0).choice(rows, size=want, replace=False))
        index.train(np.asarray(vectors[sample], dtype=np.float32))
    for start in range(0, rows, ADD_BATCH):
        batch = np.asarray(vectors[start : start + ADD_BATCH], dtype=np.float32)
        index.add(batch)
        if progress is not None:
            progress(len(batch))
    return index


class DenseIndex:
    """FAISS index plus the float16 vectors (on disk, or an array); row i is passage row i."""

    def __init__(self, index: Any, vectors: VectorFile | npt.NDArray[np.float16], kind: str) -> None:
        self._index = index
        self.vectors = vectors
        self.kind = kind
        self.size = int(index.ntotal)
        if kind == "ivf-sq8":
            index.nprobe = _nprobe(index)
        elif kind == "hnsw-sq8":
            index.hnsw.efSearch = EF_SEARCH

    @classmethod
    def load(cls, folder: Path, kind: str) -> DenseIndex:
        """Load for serving: one question is one FAISS call, and OpenMP threads spinning for a single query
        cost more than they save on a shared 2-core machine (flat 10k: 22 ms with threads, 9 ms without);
        concurrent questions run in the server's own threads."""
        import faiss

        faiss.omp_set_num_threads(SEARCH_THREADS)
        return cls(faiss.read_index(str(folder / FAISS_FILE)), VectorFile(folder / VECTORS), kind)

    def exact(self, query: Scores, k: int, rows: Rows | None = None) -> tuple[Rows, Scores]:
        """Exact top-k over all rows, or over the given rows only (ascending), from the float16 copy."""
        if rows is None:
            rows = np.arange(self.size, dtype=np.int64)
        if isinstance(self.vectors, VectorFile):
            stored = self.vectors.rows(rows)
        else:
            stored = np.asarray(self.vectors[rows], dtype=np.float32)
        scores = stored @ query
        return _top(rows, scores, k)

    def search(self, query: Scores, k: int, selected: Rows | None = None) -> tuple[Rows, Scores]:
        """Top-k (rows, cosine) for one query vector, over all rows or the ``selected`` ones."""
        import faiss

        k = min(k, self.size if selected is None else len(selected))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if selected is not None and self.kind != "flat" and len(selected) <= EXACT_FILTER_LIMIT:
            return self.exact(query, k, selected)
        params = None
        if selected is not None:
            bitmap = np.zeros(self.size, dtype=bool)
            bitmap[selected] = True
            packed = np.packbits(bitmap, bitorder="little")
            selector = faiss.IDSelectorBitmap(self.size, faiss.swig_ptr(packed))
            if self.kind == "flat":
                params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
            elif self.kind == "ivf-sq8":
                params = faiss.SearchParametersIVF(sel=selector, nprobe=_nprobe(self._index))  # type: ignore[call-arg]
            else:
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=EF_SEARCH)  # type: ignore[attr-defined]
        if self.kind == "flat":
            return self._faiss(query, k, params)
        candidates, _ = self._faiss(query, min(k + REFINE_EXTRA, self.size), params)
        if selected is not None and len(candidates) < k:
            return self.exact(query, k, selected)
        return self.exact(query, k, np.sort(candidates))

    def _faiss(self, query: Scores, k: int, params: Any) -> tuple[Rows, Scores]:
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        scores, ids = self._index.search(q, k, params=params)
        keep = ids[0] >= 0  # FAISS pads with -1 when it finds fewer than k
        return ids[0][keep].astype(np.int64), scores[0][keep].astype(np.float32)

    def save(self, folder: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(folder / FAISS_FILE))

    def close(self) -> None:
        if isinstance(self.vectors, VectorFile):
            self.vectors.close()


def _top(rows: Rows, scores: Scores, k: int) -> tuple[Rows, Scores]:
    if len(scores) > k:
        part = np.argpartition(-scores, k - 1)[:k]
        rows, scores = rows[part], scores[part]
    order = np.lexsort((rows, -scores))
    return rows[order], scores[order].astype(np.float32)
