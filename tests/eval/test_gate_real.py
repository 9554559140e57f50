"""The regression gate on the real index: hybrid passes; deliberately broken retrieval fails it."""

import numpy as np
import pytest

from eval.gate import check
from eval.gold import load_gold
from eval.run import run_service
from index import FusionConfig

pytestmark = pytest.mark.slow  # the whole gold set through the real service: CI runs it


@pytest.fixture(scope="module")
def gold():
    return load_gold()


def test_hybrid_passes_the_gate(real_service, gold):
    run = run_service(real_service, gold, show_progress=False)
    assert check(run.summary) == [], run.summary["all"]
    assert run.summary["answer"]["citations_ok"]


@pytest.mark.slow
def test_milvus_matches_embedded_per_language(real_service, milvus_service, gold):
    """The Milvus backend scores BM25 with our tokens and weights: hit@5 within a point in every language."""
    embedded = run_service(real_service, gold, show_progress=False).summary
    milvus = run_service(milvus_service, gold, show_progress=False).summary
    assert check(milvus) == []
    for language in ("en", "zh-Hant", "zh-Hans"):
        assert abs(milvus[language]["hit@5"] - embedded[language]["hit@5"]) <= 0.01, language


class NoiseEncoder:
    """Broken retrieval: random query vectors (a wrong or corrupted model)."""

    def __init__(self, encoder):
        self.name, self.dim = encoder.name, encoder.dim
        self._rng = np.random.default_rng(0)

    def encode_queries(self, texts):
        v = self._rng.normal(size=(len(texts), self.dim)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def encode_documents(self, texts, progress=None):
        raise AssertionError("not used")


def test_gate_fails_when_retrieval_is_broken(real_service, gold):
    index = real_service.index
    original = (index.encoder, index.fusion)
    try:
        index.encoder = NoiseEncoder(index.encoder)
        index.fusion = FusionConfig(expand=False)  # and no glossary
        run = run_service(real_service, gold, show_progress=False)
    finally:
        index.encoder, index.fusion = original
    failures = check(run.summary)
    assert any(f.startswith("en hit@1") for f in failures), failures
