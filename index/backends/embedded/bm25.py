"""BM25 in bm25s's format: built from postings, read memory-mapped without bm25s; top-k under a mask."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt

K1 = 1.2
B = 0.75
EMPTY = ""


class PostingsBuilder:
    """Collects (passage, token, tf) per batch so the build never holds a million token lists.

    The lucene BM25 matrix is then computed in a few vectorised passes and saved in bm25s's own format.
    """

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self._rows: list[npt.NDArray[np.int32]] = []
        self._terms: list[npt.NDArray[np.int32]] = []
        self._tfs: list[npt.NDArray[np.float32]] = []
        self._lengths: list[int] = []

    def add(self, tokens: list[str]) -> None:
        row = len(self._lengths)
        tokens = tokens or [EMPTY]
        counts = Counter(tokens)
        vocab = self.vocab
        terms = np.array([vocab.setdefault(t, len(vocab)) for t in counts], dtype=np.int32)
        self._rows.append(np.full(len(terms), row, dtype=np.int32))
        self._terms.append(terms)
        self._tfs.append(np.fromiter(counts.values(), np.float32, len(counts)))
        self._lengths.append(len(tokens))

    def build(self, k1: float = K1, b: float = B) -> BM25Index:
        import bm25s

        self.vocab.setdefault(EMPTY, len(self.vocab))
        n_docs, n_vocab = len(self._lengths), len(self.vocab)
        rows = np.concatenate(self._rows)
        terms = np.concatenate(self._terms)
        tfs = np.concatenate(self._tfs)
        self._rows, self._terms, self._tfs = [], [], []
        lengths = np.asarray(self._lengths, dtype=np.float32)
        df = np.bincount(terms, minlength=n_vocab).astype(np.float32)
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        norm = k1 * ((1 - b) + b * lengths / lengths.mean())
        scores = idf[terms] * tfs / (norm[rows] + tfs)
        # CSC by token: the postings of a query token are one contiguous slice, as bm25s reads them.
        order = np.argsort(terms, kind="stable")  # rows arrive in order, so stay sorted per token
        indptr = np.zeros(n_vocab + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=n_vocab), out=indptr[1:])
        model = bm25s.BM25(k1=k1, b=b, method="lucene")
        model.scores = {
            "data": scores[order].astype(np.float32),
            "indices": rows[order],
            "indptr": indptr,
            "num_docs": n_docs,
        }
        model.vocab_dict = self.vocab
        model.unique_token_ids_set = set(self.vocab.values())
        model.nonoccurrence_array = None  # lucene has no non-occurrence term
        return BM25Index(model)


class BM25Index:
    """Scores passages for query tokens; unknown tokens are ignored.

    Holds the lucene score matrix as bm25s saves it (CSC by token: ``data``, ``indices``, ``indptr``) and
    the vocabulary. bm25s builds and saves it; loading reads the files directly, because importing bm25s
    (with numba and scipy) took a quarter of a second of every start.
    """

    def __init__(self, model: object) -> None:
        if getattr(model, "nonoccurrence_array", None) is not None:
            raise ValueError("BM25 methods with a non-occurrence term (bm25l, bm25+) are not supported")
        self._model: object | None = model
        scores = model.scores  # type: ignore[attr-defined]
        self._set(model.vocab_dict, scores)  # type: ignore[attr-defined]

    def _set(self, vocab: dict[str, int], matrix: Mapping[str, object]) -> None:
        self.vocab = vocab
        self.size = int(matrix["num_docs"])  # type: ignore[call-overload]
        self._matrix = matrix
        self._indptr: npt.NDArray[np.int64] = matrix["indptr"]  # type: ignore[assignment]

    @classmethod
    def build(
        cls, corpus_tokens: list[list[str]], k1: float = K1, b: float = B, method: str = "lucene"
    ) -> BM25Index:
        """In one go through bm25s itself: the reference the streamed build is tested against."""
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)
        model = bm25s.BM25(k1=k1, b=b, method=method)
        model.index([tokens or [EMPTY] for tokens in corpus_tokens], show_progress=False)
        return cls(model)

    def _known(self, query_tokens: list[str]) -> list[str]:
        return [t for t in query_tokens if t in self.vocab and t != EMPTY]

    def scores(self, query_tokens: list[str]) -> npt.NDArray[np.float32]:
        """BM25 score of every passage, in corpus order (for tests and small corpora)."""
        known = self._known(query_tokens)
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return self._scores(known)

    def top(
        self, query_tokens: list[str], k: int, selected: npt.NDArray[np.int64] | None = None
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """The k best (rows, scores) with a positive score, over all rows or the ``selected`` ones.

        Scores are bm25s's (its memory-mapped matrix, a query token counted as often as it occurs). The
        top k is found without selecting among every score: at a million passages numpy's argpartition
        over all of them took 25-50 ms on the shared 2-core machine, a threshold from a sample 2 ms.
        """
        known = self._known(query_tokens)
        k = min(k, self.size if selected is None else len(selected))
        if not known or k == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        scores = self._scores(known)
        rows = _top_rows(scores, k) if selected is None else selected[_top_rows(scores[selected], k)]
        found = scores[rows]
        keep = found > 0
        return rows[keep].astype(np.int64), found[keep].astype(np.float32)

    def _scores(self, known: list[str]) -> npt.NDArray[np.float32]:
        data: npt.NDArray[np.float32] = self._matrix["data"]  # type: ignore[assignment]
        indices: npt.NDArray[np.int64] = self._matrix["indices"]  # type: ignore[assignment]
        indptr = self._indptr
        scores = np.zeros(self.size, dtype=np.float32)
        for token, count in Counter(known).items():
            i = self.vocab[token]
            start, end = int(indptr[i]), int(indptr[i + 1])
            # a token's postings name each passage once, so plain fancy-index addition is exact
            scores[indices[start:end]] += data[start:end] * np.float32(count)
        return scores

    def document_frequency(self) -> DocumentFrequency:
        return DocumentFrequency(self.vocab, self._indptr)

    def save(self, folder: Path) -> None:
        if self._model is None:
            raise ValueError("a loaded BM25 index is read-only: build one to save it")
        self._model.save(str(folder), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, folder: Path, mmap: bool = True) -> BM25Index:
        """Memory-mapped by default: the matrix stays on disk and the page cache holds the hot tokens.

        Reads the files ``bm25s.BM25.save`` writes; only lucene-style matrices (no non-occurrence term,
        which the builder never makes) can be read this way.
        """
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        if (folder / "nonoccurrence_array.index.npy").exists():
            raise ValueError(f"{folder}: BM25 method {params.get('method')!r} is not supported")
        vocab = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        matrix = {
            name: np.load(folder / f"{name}.csc.index.npy", mmap_mode="r" if mmap else None)
            for name in ("data", "indices", "indptr")
        }
        index = cls.__new__(cls)
        index._model = None
        index._set(vocab, {**matrix, "num_docs": params["num_docs"]})
        return index


SAMPLE = 4096


def _top_rows(scores: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.int64]:
    """Positions of the k highest scores, best first (ties by position), exactly.

    A threshold from a random sample keeps a few hundred candidates; every score of the top k is at least
    the threshold whenever at least k scores are, so selecting among the candidates is exact (else all).
    """
    n = len(scores)
    candidates: npt.NDArray[np.int64] = np.arange(n)
    if n > 8 * SAMPLE:
        sample = np.sort(scores[np.random.default_rng(n).integers(0, n, SAMPLE)])
        threshold = sample[-min(SAMPLE, 4 * (k * SAMPLE // n + 1))]
        above = np.flatnonzero(scores >= threshold)
        if len(above) >= k:
            candidates = above
    values = scores[candidates]
    if len(values) > k:
        # all ties of the k-th score stay, so the order (score, then position) decides who is in
        kth = np.partition(values, len(values) - k)[len(values) - k]
        keep = values >= kth
        candidates, values = candidates[keep], values[keep]
    order = np.lexsort((candidates, -values))[:k]
    return candidates[order].astype(np.int64)


class DocumentFrequency(Mapping[str, int]):
    """How many passages hold each token, read from the matrix (a token's column length); no extra copy."""

    def __init__(self, vocab: Mapping[str, int], indptr: npt.NDArray[np.int64]) -> None:
        self.vocab = vocab
        self._indptr = indptr

    def __getitem__(self, token: str) -> int:
        if token == EMPTY:
            raise KeyError(token)
        i = self.vocab[token]
        return int(self._indptr[i + 1] - self._indptr[i])

    def __contains__(self, token: object) -> bool:
        return token != EMPTY and token in self.vocab

    def __iter__(self) -> Iterator[str]:
        return (t for t in self.vocab if t != EMPTY)

    def __len__(self) -> int:
        return len(self.vocab) - (EMPTY in self.vocab)
