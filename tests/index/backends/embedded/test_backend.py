"""The embedded backend through the Retriever face: filters inside the search, passages, add/remove."""

import math

import numpy as np
import pytest

from corpus.models import PaperMeta
from corpus.pipeline import build_document
from index import Filters, Index, Retriever, build_index
from tests.fakes import FakeEncoder

SHENZHEN = """目的
本文件向委員簡介於2009年11月30日舉行的深港合作會議的主要情況。
背景
2.   雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議，以鞏固多個合作項目上取得的成果。
前海地區發展
3.   雙方就兩地在前海地區推進現代服務業合作的定位達成共識。深圳市政府將主導及負責開發管理前海地區。
4.   雙方同意爭取擴大跨境貿易人民幣結算試點。
"""
TRADE = """目的
本文件簡介內地與香港的經貿合作。
背景
2.   內地是香港最大的貿易夥伴，前海合作亦有進展。
"""


def _meta(doc_id, date, bureau, committee):
    return PaperMeta(doc_id, f"{doc_id}.txt", doc_id, doc_id, None, committee, None, (bureau,), (), date)


def _docs():
    return [
        build_document(SHENZHEN, _meta("sz", "2009-12", "政制及內地事務局", "工商事務委員會")),
        build_document(TRADE, _meta("trade", "2012-05", "商務及經濟發展局", "財經事務委員會")),
    ]


@pytest.fixture()
def index(tmp_path):
    build_index(_docs(), FakeEncoder(), tmp_path, "fake", show_progress=False)
    return Index.load(tmp_path, encoder=FakeEncoder())


def test_it_is_a_retriever_and_reports_its_stats(index):
    assert isinstance(index, Retriever)
    stats = index.stats()
    assert (stats.backend, stats.documents, stats.dense_kind) == ("embedded", 2, "flat")
    assert stats.passages == sum(len(d.passages) for d in _docs())
    assert [m.doc_id for m in index.documents()] == ["sz", "trade"]


@pytest.mark.parametrize(
    ("filters", "papers"),
    [
        (Filters(doc_ids=("trade",)), {"trade"}),
        (Filters(date_from="2010"), {"trade"}),
        (Filters(date_to="2009"), {"sz"}),
        (Filters(date_from="2009-12", date_to="2009-12"), {"sz"}),
        (Filters(bureau="商務"), {"trade"}),
        (Filters(committee="工商"), {"sz"}),
        (Filters(doc_ids=("sz",), committee="財經"), set()),
    ],
)
@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_filters_apply_inside_every_leg(index, filters, papers, mode):
    hits = index.search("前海的合作", k=20, mode=mode, filters=filters)
    assert {h.passage.doc_id for h in hits} == papers
    if papers and mode != "bm25":
        # the dense leg ranks every allowed passage, so a filter never starves the result
        assert len(hits) == sum(len(d.passages) for d in _docs() if d.doc_id in papers)


def test_a_given_vector_is_used_instead_of_encoding_again(index):
    prepared = index.prepare("前海的定位")
    vector = index.embed_query(prepared)
    assert np.allclose(vector, FakeEncoder().encode_queries([prepared.dense_text])[0])
    same = index.search(prepared, k=3, mode="dense", vector=vector)
    other = index.search(prepared, k=3, mode="dense", vector=index.embed_query(index.prepare("貿易夥伴")))
    assert [h.chunk_id for h in same] == [h.chunk_id for h in index.search(prepared, k=3, mode="dense")]
    assert [h.chunk_id for h in same] != [h.chunk_id for h in other]


def test_passages_documents_and_neighbours(index):
    doc = index.document("sz")
    assert doc is not None and doc.text == _docs()[0].text and doc.passages == _docs()[0].passages
    first = doc.passages[0]
    assert index.passage(first.chunk_id) == first
    assert index.passage("nope") is None and index.document("nope") is None
    same_paragraph = [p for p in doc.passages if p.paragraph == first.paragraph]
    assert index.neighbours(first.chunk_id) == sorted(same_paragraph, key=lambda p: p.start)
    assert [p.chunk_id for p in index.iter_passages()] == [p.chunk_id for d in _docs() for p in d.passages]


def test_the_analyzer_counts_passages_per_token(index):
    analyzer = index.analyzer
    # a passage is indexed with its heading
    passages_with = sum(1 for d in _docs() for p in d.passages if "前海" in (p.heading or "") + p.text)
    assert analyzer.document_frequency["前海"] == passages_with
    n = sum(len(d.passages) for d in _docs())
    assert analyzer.passage_count == n
    df = passages_with
    assert analyzer.idf("前海") == pytest.approx(math.log(1 + (n - df + 0.5) / (df + 0.5)))
    assert analyzer.idf("前海") < analyzer.idf("贸易")
    assert analyzer.tokenize("貿易夥伴") == ["贸易", "伙伴", "贸易伙伴"]


def test_remove_and_add_switch_to_a_new_version(index):
    old = index.version
    index.remove(["trade"])
    assert index.version != old and [m.doc_id for m in index.documents()] == ["sz"]
    assert all(h.passage.doc_id == "sz" for h in index.search("貿易夥伴", k=5))
    index.add([_docs()[1]])
    assert [m.doc_id for m in index.documents()] == ["sz", "trade"]
    assert index.search("貿易夥伴", k=1, mode="bm25")[0].passage.doc_id == "trade"
    with pytest.raises(KeyError, match="no such documents: gone"):
        index.remove(["gone"])
