"""The streamed build scores exactly as bm25s's own build; DF comes from the matrix; filtered top-k."""

import numpy as np

from index.backends.embedded.bm25 import BM25Index, PostingsBuilder
from index.tokenizer import tokenize

CORPUS = [
    "雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議。",
    "深圳市政府將主導及負責開發管理前海地區。",
    "國務院將前海定位為粵港現代服務業創新合作示範區。前海前海。",
    "",
    "內地是香港最大的貿易夥伴。",
]


def _streamed():
    builder = PostingsBuilder()
    for text in CORPUS:
        builder.add(tokenize(text))
    return builder.build()


def test_streamed_build_scores_as_bm25s_does():
    reference = BM25Index.build([tokenize(t) for t in CORPUS])
    ours = _streamed()
    for query in ("前海的定位", "深港合作會議", "貿易夥伴 香港", "不存在"):
        np.testing.assert_allclose(ours.scores(tokenize(query)), reference.scores(tokenize(query)), rtol=1e-6)


def test_document_frequency_is_read_from_the_matrix():
    df = _streamed().document_frequency()
    # tokens are folded to Simplified script
    assert df["前海"] == 2 and df["深圳市"] == 2 and df["贸易"] == 1
    assert "" not in df and "不存在" not in df
    assert len(df) == len(set().union(*(tokenize(t) for t in CORPUS)))


def test_top_is_exact_and_the_mask_filters_inside(tmp_path):
    index = _streamed()
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path)  # memory-mapped
    rows, scores = loaded.top(tokenize("前海"), 10)
    assert rows.tolist() == [2, 1] and scores[0] > scores[1] > 0
    rows, _ = loaded.top(tokenize("前海 深圳市"), 10, np.array([0, 3, 4]))
    assert rows.tolist() == [0]
    rows, scores = loaded.top(tokenize("前海 深圳市"), 1, np.array([0, 1, 2]))
    assert rows.tolist() == [1] and scores[0] == loaded.scores(tokenize("前海 深圳市"))[1]


def test_top_k_over_many_passages_is_exact():
    """Above 32k passages the top k comes from a sampled threshold; it must equal a full sort."""
    rng = np.random.default_rng(3)
    words = [f"w{i}" for i in range(300)]
    builder = PostingsBuilder()
    for _ in range(40_000):
        builder.add([words[i] for i in rng.zipf(1.3, size=12) % 300])
    index = builder.build()
    for query in (["w0"], ["w1", "w7", "w7"], ["w250", "w3"]):
        scores = index.scores(query)
        rows, got = index.top(query, 100)
        expected = np.lexsort((np.arange(len(scores)), -scores))[:100]
        expected = expected[scores[expected] > 0]
        assert rows.tolist() == expected.tolist()
        np.testing.assert_allclose(got, scores[expected], rtol=1e-6)
        selected = np.arange(0, 40_000, 7)
        rows, _ = index.top(query, 10, selected)
        sub = scores[selected]
        assert (
            rows.tolist()
            == selected[np.lexsort((selected, -sub))[:10]][
                sub[np.lexsort((selected, -sub))[:10]] > 0
            ].tolist()
        )
