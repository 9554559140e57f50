"""The gold set itself: shape, spread, and every evidence string present in its paper and in one passage."""

from collections import Counter
from pathlib import Path

import pytest

from corpus import load_corpus
from eval.gold import evidence_key, load_gold, qrels

GOLD = load_gold()
DOCS = {d.doc_id: d for d in load_corpus()}


def test_size_languages_and_kinds():
    assert len(GOLD) >= 150
    assert Counter(q.language for q in GOLD) == {"en": 1192, "zh-Hant": 1192, "zh-Hans": 1192}
    assert sum(1 for q in GOLD if not q.answerable) >= 10
    # Questions about real things in the papers that ask for what they do not state, per language.
    near = Counter(q.language for q in GOLD if q.part == "near-topic")
    assert min(near.values()) >= 25 and set(near) == {"en", "zh-Hant", "zh-Hans"}
    assert all(not q.answerable and q.expects and q.note for q in GOLD if q.part == "near-topic")
    kinds = {q.kind for q in GOLD}
    assert {"factoid", "number", "date", "who", "list", "why", "unanswerable"} <= kinds
    assert {q.doc_id for q in GOLD if q.answerable} == set(DOCS)
    assert {"table", "annex1", "annex2", "footnote", "chart", "booklet"} <= {q.part for q in GOLD}
    assert len({q.qid for q in GOLD}) == len(GOLD)


@pytest.mark.parametrize("question", [q for q in GOLD if q.answerable], ids=lambda q: q.qid)
def test_evidence_occurs_in_its_paper(question):
    corpus_text = {doc_id: evidence_key(d.text) for doc_id, d in DOCS.items()}
    assert any(evidence_key(e) in corpus_text[question.doc_id] for e in question.evidence) or any(
        evidence_key(e) in text for e in question.evidence for text in corpus_text.values()
    )
    assert evidence_key(question.evidence[0]) in "".join(corpus_text.values())


@pytest.mark.parametrize("path", [None, "holdout.jsonl"])
def test_answer_spans_stand_in_their_evidence(path):
    from eval.gold import GOLD_FILE

    questions = load_gold(None if path is None else Path(__file__).parents[2] / "eval" / "gold" / path)
    typed = [q for q in questions if q.kind in ("date", "number", "who") and q.answerable]
    assert typed and sum(q.answer is not None for q in typed) >= len(typed) - 1, GOLD_FILE
    for q in questions:
        if q.answer is not None:
            assert any(q.answer in e for e in q.evidence), q.qid


def test_every_answerable_question_has_a_relevant_passage():
    passages = [p for d in DOCS.values() for p in d.passages]
    relevant = qrels(GOLD, passages)
    missing = [qid for qid, docs in relevant.items() if not docs]
    assert not missing


def test_no_evidence_runs_over_a_sentence_end():
    # an answer is read sentence by sentence: evidence across two sentences no single answer can hold
    crossing = [
        q.qid
        for q in GOLD
        for e in q.evidence
        if any(c in e for c in "。！？") and not e.rstrip().endswith(("。", "！", "？"))
    ]
    assert crossing == []
