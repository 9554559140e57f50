"""Answer-level outcomes per question, and their means with bootstrap intervals per language and kind."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eval.bootstrap import bootstrap_mean
from eval.gold import GoldQuestion, contains_evidence, evidence_key
from eval.metrics import percentile

TYPED_KINDS = ("date", "number", "who")
VERDICTS = ("right", "wrong", "missed", "abstained", "should abstain")


@dataclass(frozen=True)
class Outcome:
    """What happened to one question: answered or not, and whether that was right."""

    qid: str
    language: str
    kind: str
    answerable: bool
    answered: bool
    evidence_in_answer: bool | None  # only for an answered question the papers answer
    span_exact: bool | None  # only for an answered date, number or who question with a gold span
    citations_ok: bool
    rank: int | None  # 1-based rank of the first relevant passage
    took_ms: float

    @property
    def verdict(self) -> str:
        """right / wrong (answered), missed (wrongly abstained), abstained / should abstain (unanswerable)."""
        if self.answerable:
            if not self.answered:
                return "missed"
            return "right" if self.evidence_in_answer else "wrong"
        return "should abstain" if self.answered else "abstained"


def outcome(
    question: GoldQuestion,
    answer: str | None,
    span: str | None,
    citations_ok: bool,
    ranked: Sequence[str],
    relevant: set[str],
    took_ms: float,
) -> Outcome:
    answered = answer is not None
    typed = answered and question.answerable and question.answer and question.kind in TYPED_KINDS
    return Outcome(
        qid=question.qid,
        language=question.language,
        kind=question.kind,
        answerable=question.answerable,
        answered=answered,
        evidence_in_answer=contains_evidence(answer or "", question)
        if answered and question.answerable
        else None,
        span_exact=evidence_key(span or "") == evidence_key(question.answer or "") if typed else None,
        citations_ok=citations_ok,
        rank=next((i for i, c in enumerate(ranked, start=1) if c in relevant), None),
        took_ms=took_ms,
    )


# Each answer metric: the questions it is measured on, and the 0/1 value of one question.
MEASURES: dict[str, tuple[Callable[[Outcome], bool], Callable[[Outcome], bool]]] = {
    "evidence_in_answer": (lambda o: o.evidence_in_answer is not None, lambda o: bool(o.evidence_in_answer)),
    "span_exact": (lambda o: o.span_exact is not None, lambda o: bool(o.span_exact)),
    "abstain_precision": (lambda o: not o.answered, lambda o: not o.answerable),
    "abstain_recall": (lambda o: not o.answerable, lambda o: not o.answered),
    "false_abstention": (lambda o: o.answerable, lambda o: not o.answered),
    "citations_exact": (lambda o: True, lambda o: o.citations_ok),
}


def group_summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Every answer metric as value [low, high] over n, and latency percentiles, for one group."""
    out: dict[str, Any] = {"n": len(outcomes)}
    for name, (measured, value) in MEASURES.items():
        out[name] = bootstrap_mean([float(value(o)) for o in outcomes if measured(o)]).as_dict()
    latencies = [o.took_ms for o in outcomes]
    out["p50_ms"] = round(percentile(latencies, 50), 1)
    out["p95_ms"] = round(percentile(latencies, 95), 1)
    return out


def answer_groups(outcomes: Sequence[Outcome], languages: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``all``, each language and each kind (``kind:date``) with its answer metrics."""
    groups: dict[str, dict[str, Any]] = {"all": group_summary(outcomes)}
    for lang in languages:
        groups[lang] = group_summary([o for o in outcomes if o.language == lang])
    for kind in sorted({o.kind for o in outcomes}):
        groups[f"kind:{kind}"] = group_summary([o for o in outcomes if o.kind == kind])
    return groups
