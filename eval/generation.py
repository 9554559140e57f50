"""Generated answers on the gold set through a real LLM server: per language, how many come, are grounded,
keep the answer's figures, and how long they take on this machine.

The same question groups are asked in each language, so the languages compare like with like. A model file
(``--model``) starts ``python -m llama_cpp.server`` on a loopback port for the run; ``--url`` uses a server
that is already running.
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from eval.gold import GoldQuestion
from eval.metrics import percentile
from qa.generators import (
    Generated,
    GenerationError,
    OpenAIChatGenerator,
    figures,
    generation_request,
    stream_answer,
)
from qa.presentation import display_language
from qa.service import QAService
from qa.span_english import span_in_english

LANGUAGES = ("en", "zh-Hant", "zh-Hans")
_FIGURE_KINDS = {"date", "number", "money", "count", "percent"}


@dataclass
class GenerationResult:
    qid: str
    language: str
    question: str
    abstained: bool
    extractive: str | None = None
    span: str | None = None
    text: str | None = None
    grounded: bool | None = None
    problems: list[str] = field(default_factory=list)
    error: str | None = None
    figures_expected: bool = False
    figures_kept: bool | None = None
    first_token_ms: float | None = None
    total_ms: float | None = None
    tokens: int = 0
    evidence: list[str] = field(default_factory=list)


def sample_groups(
    questions: list[GoldQuestion], per_language: int, languages: tuple[str, ...] = LANGUAGES
) -> list[GoldQuestion]:
    """Answerable questions of ``per_language`` groups spread evenly over the gold set, in ``languages``."""
    by_group: dict[str, dict[str, GoldQuestion]] = {}
    for q in questions:
        if q.answerable:
            by_group.setdefault(q.group, {})[q.language] = q
    groups = sorted(g for g, langs in by_group.items() if all(lang in langs for lang in LANGUAGES))
    step = max(len(groups) / per_language, 1.0)
    chosen = [groups[int(i * step)] for i in range(min(per_language, len(groups)))]
    return [by_group[g][lang] for lang in languages for g in chosen]


def kept_figures(gold_answer: str, text: str, language: str) -> bool:
    """Whether the generated text states every figure (and month) of the gold answer, in any form."""
    months = {m for _, m in figures.chinese_months(gold_answer)}
    # 2011年6月 wants 2011 and June: its 6 is the month, said by name in English.
    month_digits = {figures.key(m) for m in months}
    found = figures.chinese_figures(gold_answer)
    # 31,280億 is one figure (3.128e12), not also 31,280: the longest reading of each stretch is wanted.
    longest = [
        f for f in found if not any(g.surface != f.surface and g.surface.startswith(f.surface) for g in found)
    ]
    wanted = {figures.key(f.value) for f in longest} - month_digits
    english = language == "en"
    said = figures.english_figures(text) if english else figures.chinese_figures(text)
    said_months = figures.english_months(text) if english else figures.chinese_months(text)
    return wanted <= {figures.key(f.value) for f in said} and months <= {m for _, m in said_months}


async def _one(
    service: QAService,
    generator: OpenAIChatGenerator,
    q: GoldQuestion,
    max_tokens: int,
    timeout: float,
    passages: int = 2,
) -> GenerationResult:
    result = service.ask(q.question)
    reading, language = result.reading, display_language(result.prepared.language)
    out = GenerationResult(q.qid, q.language, q.question, reading.abstained)
    span = reading.span
    english = span_in_english(span.text, span.kind) if span is not None and language == "en" else None
    request = generation_request(q.question, language, reading, passages, english)
    if request is None:
        return out
    out.extractive = " ".join(s.text for s in reading.sentences)
    out.span = span.text if span is not None else None
    out.evidence = [f"[{p.number}] {p.text}" for p in request.passages]
    out.figures_expected = (
        bool(q.answer) and q.kind in _FIGURE_KINDS and bool(figures.chinese_figures(q.answer or ""))
    )
    started = time.perf_counter()
    try:
        async for item in stream_answer(generator, request, service.grounding, max_tokens, timeout):
            if isinstance(item, Generated):
                out.text, out.grounded = item.text, item.grounded
                out.problems = [f"{p.code}: {p.detail}" for p in item.problems]
            else:
                out.tokens += 1
                if out.first_token_ms is None:
                    out.first_token_ms = (time.perf_counter() - started) * 1000
    except GenerationError as exc:
        out.error = exc.code
    out.total_ms = (time.perf_counter() - started) * 1000
    if out.text is not None and out.figures_expected:
        out.figures_kept = kept_figures(q.answer or "", out.text, language)
    return out


def summarise(results: list[GenerationResult]) -> dict[str, dict[str, Any]]:
    summary: dict[str, dict[str, Any]] = {}
    for lang in LANGUAGES:
        rows = [r for r in results if r.language == lang]
        answered = [r for r in rows if not r.abstained]
        generated = [r for r in answered if r.text is not None]
        with_figures = [r for r in generated if r.figures_expected]
        timed = [r.total_ms for r in answered if r.total_ms is not None]
        decode = [
            (r.tokens - 1) / ((r.total_ms - r.first_token_ms) / 1000)
            for r in generated
            if r.first_token_ms is not None
            and r.total_ms is not None
            and r.tokens > 1
            and r.total_ms > r.first_token_ms
        ]
        summary[lang] = {
            "questions": len(rows),
            "answered": len(answered),
            "generated": len(generated),
            "errors": sum(r.error is not None for r in answered),
            "grounded": sum(bool(r.grounded) for r in generated),
            "in_language": sum(
                not any(p.startswith("wrong_language") for p in r.problems) for r in generated
            ),
            "with_figures": len(with_figures),
            "figures_kept": sum(bool(r.figures_kept) for r in with_figures),
            "grounded_and_kept": sum(bool(r.figures_kept and r.grounded) for r in with_figures),
            "latency_p50_ms": round(percentile(timed, 50), 1) if timed else None,
            "latency_p95_ms": round(percentile(timed, 95), 1) if timed else None,
            "first_token_p50_ms": round(
                percentile([r.first_token_ms for r in generated if r.first_token_ms is not None], 50), 1
            )
            if generated
            else None,
            "decode_tokens_per_s": round(sum(decode) / len(decode), 2) if decode else None,
        }
    return summary


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalServer:
    """``python -m llama_cpp.server`` on a loopback port for the length of a run."""

    def __init__(self, model: Path, threads: int | None = None) -> None:
        self.model = model
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.threads = threads
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> LocalServer:
        command = [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(self.model),
            "--host",
            "127.0.0.1",
        ]
        command += ["--port", str(self.port), "--n_ctx", "2048", "--model_alias", self.model.stem]
        if self.threads:
            command += ["--n_threads", str(self.threads)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(self.url + "/models", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"the LLM server for {self.model} did not start")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


async def run_generation(
    service: QAService, url: str, model: str, questions: list[GoldQuestion], max_tokens: int, timeout: float
) -> list[GenerationResult]:
    generator = OpenAIChatGenerator(url, model)
    results = []
    try:
        for i, q in enumerate(questions, start=1):
            r = await _one(service, generator, q, max_tokens, timeout)
            results.append(r)
            state = "abstained" if r.abstained else (r.error or ("grounded" if r.grounded else "ungrounded"))
            sys.stderr.write(f"[{i}/{len(questions)}] {q.qid}: {state} {r.total_ms or 0:.0f} ms\n")
    finally:
        await generator.aclose()
    return results


def write_results(
    results: list[GenerationResult], summary: dict[str, Any], meta: dict[str, Any], out: Path
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(
        json.dumps({"meta": meta, "summary": summary}, indent=2) + "\n", "utf-8"
    )
    with (out / "answers.jsonl").open("w", encoding="utf-8") as f:
        for r in results:
            f.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")


def generate(
    service: QAService,
    questions: list[GoldQuestion],
    url: str,
    model: str,
    max_tokens: int,
    timeout: float,
) -> tuple[list[GenerationResult], dict[str, Any]]:
    results = asyncio.run(run_generation(service, url, model, questions, max_tokens, timeout))
    return results, summarise(results)
