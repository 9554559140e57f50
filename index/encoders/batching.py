"""Concurrent questions share the query encoder: micro-batches of a few ms, and an LRU of vectors."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from index.encoders.base import Encoder, Progress, Vectors


class _Request:
    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.vectors: Vectors | None = None
        self.error: BaseException | None = None
        self.done = threading.Event()


class BatchingEncoder:
    """Wraps an encoder: query texts from many threads are encoded together; recent ones come from a cache.

    The first question to arrive waits ``window_ms`` while others join it, then encodes the whole batch in
    one call (one model call for eight questions costs far less than eight); questions arriving meanwhile
    form the next batch. Document encoding passes straight through.
    """

    def __init__(self, encoder: Encoder, window_ms: float = 3.0, cache_size: int = 1024) -> None:
        self.encoder = encoder
        self.name = encoder.name
        self.dim = encoder.dim
        self.window = window_ms / 1000
        self.cache_size = cache_size
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._pending: list[_Request] = []
        self._lock = threading.Lock()
        self._encoding = threading.Lock()
        self.batches = 0

    def encode_documents(self, texts: Sequence[str], progress: Progress | None = None) -> Vectors:
        return self.encoder.encode_documents(texts, progress)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        out: list[Vectors | None] = [None] * len(texts)
        with self._lock:
            for i, text in enumerate(texts):
                cached = self._cache.get(text)
                if cached is not None:
                    self._cache.move_to_end(text)
                    out[i] = cached
        missing = [i for i, v in enumerate(out) if v is None]
        if missing:
            vectors = self._batched([texts[i] for i in missing])
            for i, vector in zip(missing, vectors, strict=True):
                out[i] = vector
        return np.stack([v for v in out if v is not None])

    def _batched(self, texts: list[str]) -> Vectors:
        request = _Request(texts)
        with self._lock:
            self._pending.append(request)
            leader = len(self._pending) == 1
        if leader:
            if self.window > 0:
                time.sleep(self.window)
            with self._encoding:
                with self._lock:
                    batch, self._pending = self._pending, []
                self._encode(batch)
        request.done.wait()
        if request.error is not None:
            raise request.error
        assert request.vectors is not None
        return request.vectors

    def _encode(self, batch: list[_Request]) -> None:
        unique = list(dict.fromkeys(t for r in batch for t in r.texts))
        try:
            vectors = self.encoder.encode_queries(unique)
        except Exception as exc:  # every waiting question learns of the failure, none hangs
            for r in batch:
                r.error = exc
                r.done.set()
            return
        self.batches += 1
        row = {t: i for i, t in enumerate(unique)}
        with self._lock:
            if self.cache_size > 0:
                for text, vector in zip(unique, vectors, strict=True):
                    self._cache[text] = vector
                    self._cache.move_to_end(text)
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        for r in batch:
            r.vectors = vectors[[row[t] for t in r.texts]]
            r.done.set()
