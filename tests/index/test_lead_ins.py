"""A list's items are indexed with the sentence that announced the list, the only one saying what it is."""

from corpus import load_corpus
from corpus.models import Passage
from index import Index, build_index
from index.backends.embedded.builder import indexed_text, lead_ins
from tests.fakes import FakeEncoder


def _passage(n: int, paragraph: str, text: str, doc_id: str = "d") -> Passage:
    return Passage(f"{doc_id}:{n}", doc_id, n, n + len(text), text, paragraph, None, None, None)


def test_items_after_an_announcing_sentence_carry_it():
    passages = [
        _passage(0, "5", "據估計港人可達30萬。候任行政長官的政綱中提出要："),
        _passage(1, "5(1)", "(1) 加大力度協助香港各產業。"),
        _passage(2, "5(2)", "(2) 提升駐內地機構的職能。"),
        _passage(3, "6", "6. 這些建議都會由財政司副司長負責統籌。"),
        _passage(4, "6(3)", "(3) 不是上面那張清單的。"),
        _passage(5, "17", "17. 過去一年舉行了會議，有關詳情如下—"),
        _passage(6, "17(i)", "- (i) 2023年11月舉行了京港合作會議。"),
        _passage(0, "17(ii)", "(ii) 另一份文件的開頭。", doc_id="e"),
    ]
    announced = "候任行政長官的政綱中提出要："
    assert lead_ins(passages) == [
        None,
        announced,
        announced,
        None,  # a numbered paragraph of its own ends the list
        None,  # an item no sentence announced
        None,
        "17. 過去一年舉行了會議，有關詳情如下—",
        None,  # another paper
    ]
    assert indexed_text(passages[1], announced) == f"{announced}\n(1) 加大力度協助香港各產業。"
    assert indexed_text(passages[1]) == "(1) 加大力度協助香港各產業。"


def test_an_item_is_found_by_the_words_of_its_announcement(tmp_path):
    # The 2012 paper lists the CE-elect's platform as (1) to (5) after 「候任行政長官的政綱中提出要：」
    paper = [d for d in load_corpus() if d.doc_id == "division-of-work-2012"]
    build_index(paper, FakeEncoder(), tmp_path, "fake", show_progress=False)
    hits = Index.load(tmp_path, encoder=FakeEncoder()).search("候任行政長官的政綱 科技", 1, "bm25")
    top = hits[0].passage
    # without its announcement, paragraph 14 (科技 and 行政長官 elsewhere) came first
    assert top.text.startswith("(4) 支持發展科技基礎設施")
    # the passage as cited is unchanged: only what the search sees of it carries the announcement
    assert "政綱" not in top.text and paper[0].text[top.start : top.end] == top.text
