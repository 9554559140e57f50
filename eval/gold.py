"""The gold question set: questions with evidence strings copied from the papers (not chunk ids)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from corpus.models import Passage
from index.normalize import normalize

GOLD_FILE = "questions.jsonl"


@dataclass(frozen=True)
class GoldQuestion:
    qid: str
    group: str
    language: str
    question: str
    doc_id: str | None
    evidence: tuple[str, ...]
    kind: str
    part: str | None
    # The shortest expression that answers (2007年, 153個, 財政司副司長), for date, number and who questions.
    answer: str | None = None
    # For a question the papers cannot answer: the answer type it asks for, and what the papers lack.
    expects: str | None = None
    note: str | None = None

    @property
    def answerable(self) -> bool:
        return bool(self.evidence)


def evidence_key(text: str) -> str:
    """The form evidence is matched in: the index normaliser, without spaces."""
    return normalize(text).replace(" ", "").replace("\n", "")


def load_gold(path: Path | None = None) -> list[GoldQuestion]:
    """The shipped gold set (or another JSONL file of the same shape)."""
    text = (
        path.read_text(encoding="utf-8")
        if path
        else (resources.files("eval") / "gold" / GOLD_FILE).read_text(encoding="utf-8")
    )
    questions = []
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            row["evidence"] = tuple(row["evidence"])
            questions.append(GoldQuestion(**row))
    return questions


def contains_evidence(text: str, question: GoldQuestion) -> bool:
    key = evidence_key(text)
    return any(evidence_key(e) in key for e in question.evidence)


def qrels(questions: list[GoldQuestion], passages: list[Passage]) -> dict[str, dict[str, int]]:
    """Relevant passages per answerable question: those of its paper that contain an evidence string."""
    keys = [(p, evidence_key(p.text)) for p in passages]
    out: dict[str, dict[str, int]] = {}
    for q in questions:
        if not q.answerable:
            continue
        evidence = [evidence_key(e) for e in q.evidence]
        out[q.qid] = {p.chunk_id: 1 for p, key in keys if any(e in key for e in evidence)}
    return out
