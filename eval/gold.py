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


class GoldFormatError(ValueError):
    """A question file that cannot be read; the message names every bad line."""


# A question set needs only these two; the rest is optional (the shipped gold set uses the long names).
_ALIASES = {"id": "qid", "lang": "language", "doc": "doc_id", "answers": "evidence", "span": "answer"}
_FIELDS = {f for f in GoldQuestion.__dataclass_fields__} | set(_ALIASES)


def question_from_row(row: object, number: int) -> GoldQuestion:
    """One line of a question file: ``question`` and ``answers`` (evidence strings; empty: must abstain)."""
    if not isinstance(row, dict):
        raise ValueError("each line must be a JSON object")
    unknown = sorted(set(row) - _FIELDS)
    if unknown:
        raise ValueError(
            f"unknown field(s) {', '.join(unknown)}; known: question, answers, id, lang, doc, kind"
        )
    data = {_ALIASES.get(k, k): v for k, v in row.items()}
    question = data.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError("'question' must be a non-empty string")
    evidence = data.get("evidence")
    if not isinstance(evidence, list) or not all(isinstance(e, str) and e.strip() for e in evidence):
        raise ValueError("'answers' must be a list of evidence strings ([] for a question to abstain on)")
    language = data.get("language") or _detect(question)
    if language not in ("en", "zh-Hant", "zh-Hans"):
        raise ValueError(f"'lang' must be en, zh-Hant or zh-Hans, not {language!r}")
    qid = str(data.get("qid") or f"q{number}")
    return GoldQuestion(
        qid=qid,
        group=str(data.get("group") or qid),
        language=language,
        question=question,
        doc_id=data.get("doc_id"),
        evidence=tuple(evidence),
        kind=str(data.get("kind") or ("question" if evidence else "unanswerable")),
        part=data.get("part"),
        answer=data.get("answer"),
        expects=data.get("expects"),
        note=data.get("note"),
    )


def _detect(question: str) -> str:
    from index.language import detect_language

    language = detect_language(question)
    return "en" if language == "mixed" else language


def load_gold(path: Path | None = None) -> list[GoldQuestion]:
    """The shipped gold set, or a question file (JSONL) of your own; every bad line is named at once."""
    if path is None:
        text = (resources.files("eval") / "gold" / GOLD_FILE).read_text(encoding="utf-8")
        where = GOLD_FILE
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldFormatError(f"{path}: cannot read ({exc})") from exc
        where = str(path)
    questions, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            questions.append(question_from_row(json.loads(line), number))
        except (json.JSONDecodeError, ValueError) as exc:
            errors.append(f"{where}:{number}: {exc}")
    duplicates = sorted({q.qid for q in questions if sum(1 for o in questions if o.qid == q.qid) > 1})
    if duplicates:
        errors.append(f"{where}: duplicate id(s) {', '.join(duplicates)}")
    if errors:
        raise GoldFormatError("\n".join(errors))
    if not questions:
        raise GoldFormatError(f"{where}: no questions")
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
