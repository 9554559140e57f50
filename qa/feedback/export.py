"""Feedback as lines of a question set (``question``, ``answers``, ``id``, ``lang``, ``doc``, ``note``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from qa.feedback.models import Feedback


def question_row(feedback: Feedback) -> dict[str, Any]:
    """One question-set line, to be reviewed before it becomes a test question.

    A 👍 answer's cited sentences are its evidence (exact paper text); a 👍 abstention stays a question to
    abstain on. A 👎 gets no evidence (``answers: []``) and a note saying so: a reviewer adds the evidence,
    or keeps it empty when the papers really cannot answer.
    """
    evidence = [c.text for c in feedback.citations] if feedback.verdict == "up" else []
    docs = {c.doc_id for c in feedback.citations}
    row: dict[str, Any] = {
        "id": f"fb{feedback.feedback_id}",
        "question": feedback.question,
        "lang": feedback.language,
        "answers": evidence,
    }
    if feedback.verdict == "up" and len(docs) == 1:
        row["doc"] = docs.pop()
    said = "answer judged right" if feedback.verdict == "up" else "answer judged wrong: review, add evidence"
    if feedback.answer is None:
        said = (
            "abstention judged right" if feedback.verdict == "up" else "abstention judged wrong: add evidence"
        )
    comment = f"; comment: {feedback.comment}" if feedback.comment else ""
    row["note"] = f"feedback {feedback.created_at} on index {feedback.index_version}: {said}{comment}"
    return row


def question_rows(feedback: Iterable[Feedback]) -> str:
    """JSONL, oldest first, one line per piece of feedback."""
    rows = sorted(feedback, key=lambda f: f.feedback_id or 0)
    return "".join(json.dumps(question_row(f), ensure_ascii=False) + "\n" for f in rows)
