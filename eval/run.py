"""Run the gold set through the QA service layer (or over HTTP) and score it."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any

from eval.gold import GoldQuestion, contains_evidence, qrels
from eval.metrics import abstention, mean, per_query, percentile
from qa.service import QAService

LANGUAGES = ("en", "zh-Hant", "zh-Hans")


@dataclass
class QuestionResult:
    qid: str
    language: str
    answerable: bool
    ranked: list[tuple[str, float]]
    answer: str | None
    citations_ok: bool
    took_ms: float


@dataclass
class RunResult:
    name: str
    results: list[QuestionResult]
    qrels: dict[str, dict[str, int]]
    summary: dict[str, Any] = field(default_factory=dict)

    def run(self) -> dict[str, dict[str, float]]:
        return {r.qid: dict(r.ranked) for r in self.results if r.answerable}


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
    texts = {m.doc_id: service.document(m.doc_id).text for m in service.documents()}  # type: ignore[union-attr]
    for q in _progress(questions, name) if show_progress else questions:
        started = time.perf_counter()
        result = service.ask(q.question, k, mode)
        took = (time.perf_counter() - started) * 1000
        citations_ok = all(
            texts[h.passage.doc_id][h.passage.start : h.passage.end] == h.passage.text for h in result.hits
        )
        results.append(
            QuestionResult(
                q.qid,
                q.language,
                q.answerable,
                [(h.chunk_id, h.score) for h in result.hits],
                result.answer.text,
                citations_ok,
                took,
            )
        )
    run = RunResult(name, results, qrels(questions, list(service.index.iter_passages())))
    run.summary = summarize(run, questions)
    return run


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
        answer = data["answer"]["text"] if data["answer"] else None
        results.append(
            QuestionResult(
                q.qid,
                q.language,
                q.answerable,
                [(p["chunk_id"], p["score"]) for p in data["passages"]],
                answer,
                ok,
                took,
            )
        )
    # Over HTTP the index's passages are not listed; relevance is judged on every passage any question got.
    run = RunResult("http", results, qrels(questions, list(seen.values())))
    run.summary = summarize(run, questions)
    return run


def summarize(run: RunResult, questions: list[GoldQuestion]) -> dict[str, Any]:
    """Metrics overall and per language; answer-level checks; abstention; latency."""
    by_qid = {q.qid: q for q in questions}
    scores = per_query(run.qrels, run.run())
    summary: dict[str, Any] = {"name": run.name, "questions": len(run.results)}
    for lang in (None, *LANGUAGES):
        qids = [r.qid for r in run.results if r.answerable and (lang is None or r.language == lang)]
        summary[lang or "all"] = {m: round(mean([v[q] for q in qids]), 4) for m, v in scores.items()} | {
            "n": len(qids)
        }
    answered = [r for r in run.results if r.answerable and r.answer]
    summary["answer"] = {
        "evidence_in_answer": round(
            mean([float(contains_evidence(r.answer or "", by_qid[r.qid])) for r in answered]), 4
        ),
        "answered": len(answered),
        "citations_ok": all(r.citations_ok for r in run.results),
    }
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
    summary["per_query"] = scores
    return summary
