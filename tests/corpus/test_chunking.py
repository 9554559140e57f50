"""Sentence splitting and passage grouping with exact offsets."""

from corpus import FRONT_MATTER, PAPER_PARTS, SIGN_OFF, Document, PaperMeta, build_document
from corpus.chunking import chunk_document, group_sentences, sentence_spans
from corpus.models import Block


def test_sentence_spans_cover_text():
    text = "甲乙丙。丁戊！「己庚？」辛"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["甲乙丙。", "丁戊！", "「己庚？」", "辛"]


def test_group_sentences_targets_size_and_never_exceeds_max():
    text = "一二三四五六七八九十。" * 10  # ten sentences of 11 characters
    groups = group_sentences(text, target_chars=30, max_chars=40)
    assert [e - s for s, e in groups] == [33, 33, 33, 11]
    assert groups[0][0] == 0 and groups[-1][1] == len(text)


def test_long_sentence_cut_at_clause_marks():
    text = "甲" * 20 + "，" + "乙" * 20 + "，" + "丙" * 20 + "。"
    groups = group_sentences(text, target_chars=10, max_chars=30)
    assert all(e - s <= 30 for s, e in groups)
    assert "".join(text[s:e] for s, e in groups) == text


def test_chunks_carry_block_structure_and_exact_offsets():
    text = "背景\n\n2. 港深兩地合作。雙方設立會議。"
    blocks = (Block("heading", 0, 2), Block("paragraph", 4, len(text), paragraph="2", heading="背景", page=1))
    passages = chunk_document("doc", text, blocks, target_chars=5, max_chars=10)
    assert [(p.text, p.paragraph, p.heading, p.page) for p in passages] == [
        ("2. 港深兩地合作。", "2", "背景", 1),
        ("雙方設立會議。", "2", "背景", 1),
    ]
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert p.chunk_id == f"doc:{p.start}-{p.end}"


def _paper(lines: list[str]) -> Document:
    meta = PaperMeta("p", "p.txt", "題", "title", None, None, None, (), (), "2009-12")
    return build_document("\n\n".join(lines), meta)


def test_a_papers_front_matter_and_sign_off_are_passages_of_their_own():
    doc = _paper(
        [
            "資料文件",
            "立法會工商事務委員會",
            "2009年深港合作會議",
            "目的",
            "本文件向委員簡介於2009年11月30日舉行的深港合作會議的主要情況。",
            "背景",
            "2. 雙方在2004年設立深港合作會議。",
            "政制及內地事務局",
            "二零零九年十二月",
        ]
    )
    kinds = [p.kind for p in doc.passages]
    assert kinds == [FRONT_MATTER, "paragraph", "paragraph", SIGN_OFF]
    front, sign_off = doc.passages[0], doc.passages[-1]
    assert front.text == "資料文件\n\n立法會工商事務委員會\n\n2009年深港合作會議"
    assert sign_off.text == "政制及內地事務局\n\n二零零九年十二月"
    # the sign-off carries the front matter it signs, so a question naming the paper's topic finds it
    assert sign_off.heading == "資料文件 立法會工商事務委員會 2009年深港合作會議"
    for p in doc.passages:
        assert doc.text[p.start : p.end] == p.text


def test_a_sign_off_before_the_annexes_is_found_and_headings_without_a_date_are_none():
    doc = _paper(
        [
            "立法會工商事務委員會",
            "目的",
            "1. 本文件簡介粵港合作聯席會議。",
            "商務及經濟發展局",
            "政制及內地事務局",
            "二零一一年三月",
            "附件一",
            "粵港合作第十六次工作會議",
            "（一）雙方簽署了協議。",
        ]
    )
    sign_offs = [p for p in doc.passages if p.kind == SIGN_OFF]
    assert [p.text for p in sign_offs] == ["商務及經濟發展局\n\n政制及內地事務局\n\n二零一一年三月"]
    assert [p.start for p in doc.passages] == sorted(p.start for p in doc.passages)

    undated = _paper(["目的", "1. 本文件簡介合作。", "政制及內地事務局"])
    assert all(p.kind not in PAPER_PARTS for p in undated.passages)


def test_a_long_committee_name_in_the_front_matter_stays_a_line_of_its_own():
    # nearly full-width lines with no stop used to run on into the title and paragraph 1
    doc = _paper(
        [
            "立法會CB(2)2193/11-12(01)號文件",
            "研究與政府總部架構重組有關的法例修訂建議小組委員會",
            "推動與內地合作的工作分工",
            "目的",
            "本文旨在向委員闡釋香港特別行政區政府相關部門就推動與內地合作的工作分工；以及新一屆政府重組架構後的"
            "工作分工。",
        ]
    )
    assert doc.passages[0].kind == FRONT_MATTER
    assert doc.passages[1].text.startswith("本文旨在")


def test_a_paper_opening_on_a_numbered_heading_has_no_front_matter():
    doc = _paper(["一、背景", "1. 雙方在2004年設立深港合作會議。", "2. 會議每年舉行。"])
    assert all(p.kind not in PAPER_PARTS for p in doc.passages)
    doc = _paper(["（一）統籌部門", "1. 政制及內地事務局負責統籌。", "2. 各局負責具體工作。"])
    assert all(p.kind not in PAPER_PARTS for p in doc.passages)
