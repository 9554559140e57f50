"""The real shipped papers: offsets, structure, metadata."""

import re

import pytest

from corpus import load_corpus
from corpus.chunking import sentence_spans
from corpus.metadata import stated_meta

DOCS = {d.doc_id: d for d in load_corpus()}


def _numbered(doc, annex=None):
    return [
        b.paragraph
        for b in doc.blocks
        if b.kind == "paragraph" and b.annex == annex and b.paragraph and b.paragraph.isdigit()
    ]


def _unique_in_order(labels):
    out = []
    for label in labels:
        if not out or out[-1] != label:
            out.append(label)
    return out


def test_five_papers_with_manifest_metadata():
    assert sorted(DOCS) == [
        "division-of-work-2012",
        "policy-address-2024",
        "review-2012-2017",
        "shenzhen-hk-2009",
        "trade-guangdong-2011",
    ]


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_every_passage_is_exactly_its_document_span(doc_id):
    doc = DOCS[doc_id]
    assert doc.passages
    for p in doc.passages:
        assert doc.text[p.start : p.end] == p.text
        assert p.doc_id == doc_id


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_no_compatibility_ideograph_survives(doc_id):
    assert not re.search("[\uf900-\ufaff]", DOCS[doc_id].text)


@pytest.mark.parametrize("doc_id", ["division-of-work-2012", "trade-guangdong-2011", "shenzhen-hk-2009"])
def test_no_passage_breaks_a_sentence(doc_id):
    """A passage ends on a sentence end, unless its block ends there or it was cut as over-long."""
    doc = DOCS[doc_id]
    block_ends = {b.end for b in doc.blocks}
    for p in doc.passages:
        if p.end in block_ends:
            continue
        assert re.search(r"[。！？；!?][」』）)》”’]*$", p.text) or len(p.text) >= 250, p.text
        assert "\n" not in p.text


def test_paper_000_paragraphs_2_to_18_in_order():
    assert _unique_in_order(_numbered(DOCS["division-of-work-2012"])) == [str(n) for n in range(1, 19)]


def test_paper_003_paragraphs_then_both_annexes():
    doc = DOCS["trade-guangdong-2011"]
    assert _unique_in_order(_numbered(doc)) == [str(n) for n in range(1, 23)]
    assert _unique_in_order(_numbered(doc, "附件一")) == [str(n) for n in range(1, 20)]
    annexes = _unique_in_order([b.annex for b in doc.blocks])
    assert annexes == [None, "附件一", "附件二"]
    annex2 = [b.paragraph for b in doc.blocks if b.annex == "附件二" and b.kind == "paragraph"]
    assert annex2[:3] == ["一(一)", "一(二)", "一(三)"]
    assert "九(三)" in annex2
    footnotes = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "footnote"]
    assert footnotes[0].startswith("1不包括港幣7,065億元")


def test_paper_numbers_dates_and_bureaus_are_read_from_the_text():
    stated = {d: stated_meta(doc.text, doc.blocks) for d, doc in DOCS.items()}
    assert stated["division-of-work-2012"].paper_no == "CB(2)2193/11-12(01)"
    assert {d: s.date for d, s in stated.items()} == {
        "division-of-work-2012": "2012-05",
        "policy-address-2024": "2024-10",
        "review-2012-2017": None,
        "trade-guangdong-2011": "2011-03",
        "shenzhen-hk-2009": "2009-12",
    }
    assert stated["trade-guangdong-2011"].bureaus == ("商務及經濟發展局", "政制及內地事務局")
    for doc_id, doc in DOCS.items():
        assert doc.meta.date.startswith(stated[doc_id].date or doc.meta.date)


def test_paragraph_spans_do_not_split_sentences_across_lines():
    """Lines broken mid-sentence were joined: no newline inside any paragraph block."""
    for doc in DOCS.values():
        for b in doc.blocks:
            assert "\n" not in doc.text[b.start : b.end]


def test_shenzhen_meeting_fact_is_one_passage():
    doc = DOCS["shenzhen-hk-2009"]
    hits = [p for p in doc.passages if "2004年設立由政務司司長及深圳市市長共同主持的深港合作會議" in p.text]
    assert len(hits) == 1 and hits[0].paragraph == "2"


def test_a_title_broken_across_lines_stays_in_one_passage():
    # the annex prints 「（四）繼續開展《深港創新圈建設三年行動計劃」 short, then 「（2009-2011）》，…」:
    # not a heading, since a heading never leaves a 《title》 open
    doc = DOCS["trade-guangdong-2011"]
    texts = [p.text for p in doc.passages]
    assert any("《深港創新圈建設三年行動計劃（2009-2011）》" in t.replace(" ", "") for t in texts)


def test_sentences_of_passages_are_whole():
    for doc in DOCS.values():
        for p in doc.passages:
            assert sentence_spans(p.text)
