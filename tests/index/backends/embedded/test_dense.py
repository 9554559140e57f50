"""Compressed FAISS kinds re-ranked exactly from the float16 copy; filters keep k hits for a rare subset."""

import numpy as np
import pytest

from index.backends.embedded import dense
from index.backends.embedded.dense import DenseIndex, VectorWriter, build_faiss


def _vectors(rows=3000, dim=32, seed=1):
    """Clustered, as passages about the same topics are."""
    rng = np.random.default_rng(seed)
    centers = rng.standard_normal((30, dim))
    v = (centers[np.arange(rows) % 30] + 0.4 * rng.standard_normal((rows, dim))).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("kind", ["flat", "ivf-sq8", "hnsw-sq8"])
def test_kinds_find_the_exact_neighbours_and_survive_save_load(tmp_path, kind):
    vectors = _vectors()
    writer = VectorWriter(tmp_path, 32)
    writer.add(vectors[:1000])
    writer.add(vectors[1000:])
    writer.close()
    stored = np.load(tmp_path / dense.VECTORS, mmap_mode="r")
    assert stored.shape == (3000, 32) and stored.dtype == np.float16
    DenseIndex(build_faiss(stored, kind), stored, kind).save(tmp_path)
    index = DenseIndex.load(tmp_path, kind)
    query = vectors[7]
    rows, scores = index.search(query, 5)
    assert rows[0] == 7 and scores[0] == pytest.approx(1.0, abs=1e-3)
    exact_rows, _ = index.exact(query, 10)
    got, _ = index.search(query, 10)
    assert len(set(got) & set(exact_rows)) >= 9


@pytest.mark.parametrize("kind", ["flat", "ivf-sq8"])
def test_filter_inside_the_search_returns_k_hits_of_a_rare_subset(tmp_path, kind, monkeypatch):
    vectors = _vectors()
    stored = vectors.astype(np.float16)
    index = DenseIndex(build_faiss(stored, kind), stored, kind)
    selected = np.arange(2990, 3000, dtype=np.int64)  # ten rows nowhere near the query
    for limit in (0, 50_000):  # through FAISS's selector, and through the exact path
        monkeypatch.setattr(dense, "EXACT_FILTER_LIMIT", limit)
        rows, scores = index.search(vectors[7], 10, selected)
        assert sorted(rows.tolist()) == selected.tolist()
        assert list(scores) == sorted(scores, reverse=True)
