"""Feedback exported as a question set loads as one (the eval format) with exact rows."""

import json

from eval.gold import load_gold
from qa.feedback import Citation, Feedback, question_rows
from qa.feedback.export import question_row

CITED = Citation("qianhai-2011", 10, 22, "前海定位為深港現代服務業合作區")


def _fb(
    verdict,
    fid,
    answer="前海定位為深港現代服務業合作區 [1]",
    citations=(CITED,),
    comment=None,
    lang="zh-Hant",
):
    return Feedback(
        "前海的定位是甚麼？",
        lang,
        answer,
        citations,
        "v1",
        verdict,
        comment,
        "2026-01-02T03:04:05.000+00:00",
        fid,
    )


def test_thumbs_up_cites_its_sentences_as_evidence():
    assert question_row(_fb("up", 7, comment="好")) == {
        "id": "fb7",
        "question": "前海的定位是甚麼？",
        "lang": "zh-Hant",
        "answers": ["前海定位為深港現代服務業合作區"],
        "doc": "qianhai-2011",
        "note": "feedback 2026-01-02T03:04:05.000+00:00 on index v1: answer judged right; comment: 好",
    }


def test_thumbs_down_has_no_evidence_and_says_review():
    row = question_row(_fb("down", 8))
    assert row["answers"] == [] and "doc" not in row
    assert row["note"].endswith("answer judged wrong: review, add evidence")
    abstained = question_row(_fb("down", 9, answer=None, citations=()))
    assert abstained["note"].endswith("abstention judged wrong: add evidence")


def test_export_is_a_question_set(tmp_path):
    path = tmp_path / "exported.jsonl"
    path.write_text(question_rows([_fb("down", 2, lang="en"), _fb("up", 1)]), encoding="utf-8")
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == ["fb1", "fb2"]
    questions = load_gold(path)
    assert [(q.qid, q.language, q.answerable, q.doc_id) for q in questions] == [
        ("fb1", "zh-Hant", True, "qianhai-2011"),
        ("fb2", "en", False, None),
    ]
