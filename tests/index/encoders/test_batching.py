"""Micro-batching: concurrent questions share one encoder call, same vectors; the LRU keeps recent ones."""

import threading

import numpy as np
import pytest

from index.encoders.batching import BatchingEncoder
from tests.fakes import FakeEncoder

QUESTIONS = [
    "深港合作會議何時成立？",
    "前海的定位",
    "貿易夥伴",
    "港珠澳大橋",
    "CEPA",
    "人民幣結算",
    "粵港合作",
    "經貿辦",
]


class CountingEncoder(FakeEncoder):
    def __init__(self):
        self.calls = []

    def encode_queries(self, texts):
        self.calls.append(list(texts))
        return super().encode_queries(texts)


def _concurrently(encoder, questions):
    results = {}
    barrier = threading.Barrier(len(questions))

    def ask(q):
        barrier.wait()
        results[q] = encoder.encode_queries([q])[0]

    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    return results


def test_concurrent_questions_share_one_call_and_get_their_own_vectors():
    inner = CountingEncoder()
    batching = BatchingEncoder(inner, window_ms=50, cache_size=0)
    results = _concurrently(batching, QUESTIONS)
    assert sum(len(c) for c in inner.calls) == len(QUESTIONS) and len(inner.calls) < len(QUESTIONS)
    for q in QUESTIONS:
        np.testing.assert_allclose(results[q], FakeEncoder().encode_queries([q])[0], rtol=1e-6)


def test_the_cache_serves_repeats_and_forgets_the_oldest():
    inner = CountingEncoder()
    batching = BatchingEncoder(inner, window_ms=0, cache_size=2)
    batching.encode_queries(["前海", "深圳"])
    batching.encode_queries(["前海"])
    assert inner.calls == [["前海", "深圳"]]
    batching.encode_queries(["香港"])  # evicts 深圳, the least recently used
    batching.encode_queries(["深圳", "前海"])
    assert inner.calls == [["前海", "深圳"], ["香港"], ["深圳"]]


def test_an_encoder_failure_reaches_every_waiting_question():
    class Broken(FakeEncoder):
        def encode_queries(self, texts):
            raise RuntimeError("model crashed")

    batching = BatchingEncoder(Broken(), window_ms=20, cache_size=0)
    errors = []

    def ask(q):
        try:
            batching.encode_queries([q])
        except RuntimeError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=ask, args=(q,)) for q in QUESTIONS[:4]]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert errors == ["model crashed"] * 4
    with pytest.raises(RuntimeError):
        batching.encode_queries(["再試"])
