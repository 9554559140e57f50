"""Run the gold set through the QA service layer (or over HTTP) and score it."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any

from eval.answers import Outcome, answer_groups, outcome
from eval.gold import GoldQuestion, contains_evidence, evidence_key, qrels
from eval.metrics import abstention, mean, per_query, percentile
from qa.readers import Reading
from qa.service import QAService

LANGUAGES = ("en", "zh-Hant", "zh-Hans")
# hit@1 of the index's fused order: "hit@1" is of the served order, where the answer's passage comes first.
RETRIEVED_HIT1 = "hit@1 retrieved"


@dataclass
class QuestionResult:
    qid: str
    language: str
    answerable: bool
    ranked: list[tuple[str, float]]
    answer: str | None
    citations_ok: bool
    took_ms: float
    span: str | None = None
    abstain_reason: str | None = None
    # Chunk ids in the index's fused order, before the reader put its answer's passage first (empty over HTTP,
    # where only the served order is seen).
    retrieved: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    name: str
    results: list[QuestionResult]
    qrels: dict[str, dict[str, int]]
    summary: dict[str, Any] = field(default_factory=dict)
    questions: dict[str, GoldQuestion] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)

    def run(self) -> dict[str, dict[str, float]]:
        """The passages in the order a person sees them (the answer's first), scored ``n - position``."""
        return {r.qid: _positions([c for c, _ in r.ranked]) for r in self.results if r.answerable}

    def scores(self) -> dict[str, dict[str, float]]:
        """Each served passage's retrieval score (for fusing runs as other tools would)."""
        return {r.qid: dict(r.ranked) for r in self.results if r.answerable}

    def retrieved_run(self) -> dict[str, dict[str, float]]:
        """The same in the index's fused order, before the reader."""
        return {
            r.qid: _positions(r.retrieved or [c for c, _ in r.ranked]) for r in self.results if r.answerable
        }


def _positions(chunk_ids: list[str]) -> dict[str, float]:
    return {c: float(len(chunk_ids) - i) for i, c in enumerate(chunk_ids)}


def _progress(iterable: list[GoldQuestion], desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, file=sys.stderr, unit="q")


def run_service(
    service: QAService,
    questions: list[GoldQuestion],
    name: str = "hybrid",
    mode: str = "hybrid",
    k: int = 10,
    show_progress: bool = True,
) -> RunResult:
    """Ask every question through the service layer; keep ranks, answers and citation checks."""
    results = []
    for q in _progress(questions, name) if show_progress else questions:
        started = time.perf_counter()
        result = service.ask(q.question, k, mode)
        took = (time.perf_counter() - started) * 1000
        reading = result.reading
        results.append(
            QuestionResult(
                q.qid,
                q.language,
                q.answerable,
                [(h.chunk_id, h.score) for h in result.hits],
                None if reading.abstained else "".join(s.text for s in reading.sentences),
                citations_exact(service, reading),
                took,
                reading.span.text if reading.span else None,
                reading.abstain_reason,
                [h.chunk_id for h in result.retrieved],
            )
        )
    run = RunResult(name, results, qrels(questions, list(service.index.iter_passages())))
    run.summary = summarize(run, questions)
    return run


def citations_exact(service: QAService, reading: Reading) -> bool:
    """Every passage, answer sentence, span and highlight is exactly the document text at its offsets."""
    needed = {h.passage.doc_id for h in reading.hits} | {s.doc_id for s in reading.sentences}
    if reading.span is not None:
        needed.add(reading.span.doc_id)
    docs = {doc_id: doc for doc_id in needed if (doc := service.document(doc_id)) is not None}
    if len(docs) != len(needed):
        return False
    ok = all(
        docs[h.passage.doc_id].text[h.passage.start : h.passage.end] == h.passage.text for h in reading.hits
    )
    ok &= all(docs[s.doc_id].text[s.start : s.end] == s.text for s in reading.sentences)
    if reading.span is not None:
        span = reading.span
        ok &= docs[span.doc_id].text[span.start : span.end] == span.text
        ok &= any(s.start <= span.start and span.end <= s.end for s in reading.sentences)
    for position, spans in reading.highlights.items():
        text = reading.hits[position].passage.text
        ok &= all(0 <= a < b <= len(text) for a, b in spans)
    return ok


def run_http(url: str, questions: list[GoldQuestion], k: int = 10) -> RunResult:
    """The same over HTTP against a running server (``python -m eval run --url``)."""
    import httpx

    docs = {
        d["doc_id"]: httpx.get(f"{url}/v1/documents/{d['doc_id']}").json()
        for d in httpx.get(f"{url}/v1/documents").json()
    }
    from corpus.models import Passage

    results = []
    seen: dict[str, Passage] = {}
    for q in _progress(questions, "http"):
        started = time.perf_counter()
        data = httpx.post(f"{url}/v1/ask", json={"question": q.question, "top_k": k}, timeout=60).json()
        took = (time.perf_counter() - started) * 1000
        ok = True
        for p in data["passages"]:
            ok &= docs[p["doc_id"]]["text"][p["start"] : p["end"]] == p["text"]
            seen[p["chunk_id"]] = Passage(
                p["chunk_id"],
                p["doc_id"],
                p["start"],
                p["end"],
                p["text"],
                p["paragraph"],
                p["heading"],
                p["annex"],
                p["page"],
            )
        answer = "".join(x["text"] for x in data["answer"]["sentences"]) if data["answer"] else None
        span = data["answer"]["span"] if data["answer"] else None
        for x in (data["answer"]["sentences"] if data["answer"] else []) + ([span] if span else []):
            ok &= docs[x["doc_id"]]["text"][x["start"] : x["end"]] == x["text"]
        results.append(
            QuestionResult(
                q.qid,
                q.language,
                q.answerable,
                [(p["chunk_id"], p["score"]) for p in data["passages"]],
                answer,
                ok,
                took,
                span["text"] if span else None,
                data["abstain_reason"],
            )
        )
    # Over HTTP the index's passages are not listed; relevance is judged on every passage any question got.
    run = RunResult("http", results, qrels(questions, list(seen.values())))
    run.summary = summarize(run, questions)
    return run


def summarize(run: RunResult, questions: list[GoldQuestion]) -> dict[str, Any]:
    """Metrics overall and per language; answer-level checks with intervals per language and kind; latency."""
    by_qid = {q.qid: q for q in questions}
    scores = per_query(run.qrels, run.run())
    scores[RETRIEVED_HIT1] = per_query(run.qrels, run.retrieved_run())["hit@1"]
    summary: dict[str, Any] = {"name": run.name, "questions": len(run.results)}
    for lang in (None, *LANGUAGES):
        qids = [r.qid for r in run.results if r.answerable and (lang is None or r.language == lang)]
        summary[lang or "all"] = {m: round(mean([v[q] for q in qids]), 4) for m, v in scores.items()} | {
            "n": len(qids)
        }
    answered = [r for r in run.results if r.answerable and r.answer]
    typed = [r for r in answered if by_qid[r.qid].answer and by_qid[r.qid].kind in ("date", "number", "who")]
    summary["answer"] = {
        "evidence_in_answer": round(
            mean([float(contains_evidence(r.answer or "", by_qid[r.qid])) for r in answered]), 4
        ),
        "answered": len(answered),
        "span_exact": round(
            mean(
                [float(evidence_key(r.span or "") == evidence_key(by_qid[r.qid].answer or "")) for r in typed]
            ),
            4,
        ),
        "citations_ok": all(r.citations_ok for r in run.results),
    }
    for lang in LANGUAGES:
        mine = [r for r in answered if r.language == lang]
        summary["answer"][f"evidence_in_answer_{lang}"] = round(
            mean([float(contains_evidence(r.answer or "", by_qid[r.qid])) for r in mine]), 4
        )
    near = [r for r in run.results if by_qid[r.qid].part == "near-topic"]
    summary["abstention_near_topic_recall"] = round(mean([float(r.answer is None) for r in near]), 4)
    summary["abstention"] = {
        k: round(v, 4)
        for k, v in abstention(
            {r.qid: r.answer is None for r in run.results}, {r.qid: r.answerable for r in run.results}
        ).items()
    }
    latencies = [r.took_ms for r in run.results]
    summary["latency_ms"] = {
        "p50": round(percentile(latencies, 50), 1),
        "p95": round(percentile(latencies, 95), 1),
    }
    run.questions = by_qid
    run.outcomes = [
        outcome(
            by_qid[r.qid],
            r.answer,
            r.span,
            r.citations_ok,
            [c for c, _ in r.ranked],
            set(run.qrels.get(r.qid, {})),
            r.took_ms,
        )
        for r in run.results
    ]
    summary["answers"] = answer_groups(run.outcomes, LANGUAGES)
    summary["per_query"] = scores
    return summary
