"""Sentence splitting and passage grouping with exact offsets."""

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
