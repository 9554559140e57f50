"""bm25s scores a small Chinese corpus as the rank-bm25 reference does."""

import numpy as np
from rank_bm25 import BM25Okapi

from index.backends.embedded.bm25 import BM25Index
from index.tokenizer import tokenize

CORPUS = [
    "雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議。",
    "深圳市政府將主導及負責開發管理前海地區。",
    "國務院將前海定位為粵港現代服務業創新合作示範區。",
    "港珠澳大橋主體工程自2009年12月中動工，進度良好。",
    "粵港合作聯席會議（1998年成立）、滬港經貿合作會議（2003年成立）。",
    "內地是香港最大的貿易夥伴。",
]
QUERIES = ["深港合作會議何時設立", "前海的定位", "港珠澳大橋動工", "貿易夥伴", "前海 深圳"]


def test_bm25s_matches_rank_bm25_reference():
    tokens = [tokenize(t) for t in CORPUS]
    ours = BM25Index.build(tokens, k1=1.5, b=0.75, method="robertson")
    reference = BM25Okapi(tokens, k1=1.5, b=0.75, epsilon=0.25)
    for query in QUERIES:
        q = tokenize(query)
        expected = reference.get_scores(q)
        got = ours.scores(q)
        assert np.argmax(got) == np.argmax(expected), query
        # Same Robertson IDF and length normalisation; rank-bm25 keeps the constant (k1 + 1) factor that
        # bm25s drops (it does not change a ranking).
        np.testing.assert_allclose(got * (1.5 + 1), expected, rtol=1e-4, atol=1e-4)


def test_unknown_tokens_score_zero_and_save_load(tmp_path):
    index = BM25Index.build([tokenize(t) for t in CORPUS])
    assert not index.scores(["不存在的詞"]).any()
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    q = tokenize("前海的定位")
    np.testing.assert_array_equal(index.scores(q), loaded.scores(q))
