"""Configurations compared side by side on the same questions, with a paired significance test."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from eval.gold import GoldQuestion
from eval.run import LANGUAGES, RunResult, run_service
from index import FusionConfig
from qa.service import QAService


@dataclass(frozen=True)
class Config:
    name: str
    mode: str
    fusion: FusionConfig


def default_configs() -> list[Config]:
    base = FusionConfig()
    return [
        Config("bm25", "bm25", base),
        Config("bm25-no-glossary", "bm25", FusionConfig(expand=False)),
        Config("dense", "dense", base),
        Config("dense-no-glossary", "dense", FusionConfig(expand=False)),
        Config("hybrid-rrf", "hybrid", FusionConfig(method="rrf")),
        Config(
            "hybrid-equal-weights",
            "hybrid",
            FusionConfig(weights=tuple((lang, 0.5, 0.5) for lang in ("en", "mixed", "zh-Hant", "zh-Hans"))),
        ),
        Config("hybrid-no-glossary", "hybrid", FusionConfig(expand=False)),
        Config("hybrid+zh-synonyms", "hybrid", FusionConfig(chinese_synonyms=True)),
        Config("hybrid-no-paper-terms", "hybrid", FusionConfig(paper_terms=False)),
        Config("hybrid-no-sentence-rerank", "hybrid", FusionConfig(sentence_weight=0.0)),
        Config("hybrid", "hybrid", base),
    ]


def paired_randomization(a: list[float], b: list[float], trials: int = 5000, seed: int = 7) -> float:
    """Two-sided p-value of a paired randomisation (sign-flip) test on per-question differences."""
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    observed = abs(sum(diffs))
    if observed == 0:
        return 1.0
    rng = random.Random(seed)
    extreme = sum(
        1
        for _ in range(trials)
        if abs(sum(d if rng.random() < 0.5 else -d for d in diffs)) >= observed - 1e-12
    )
    return (extreme + 1) / (trials + 1)


def run_configs(service: QAService, questions: list[GoldQuestion], configs: list[Config]) -> list[RunResult]:
    runs = []
    original = service.index.fusion
    try:
        for config in configs:
            service.index.fusion = config.fusion
            runs.append(run_service(service, questions, config.name, config.mode))
    finally:
        service.index.fusion = original
    return runs


def significance_table(runs: list[RunResult], baseline: str = "hybrid", metric: str = "hit@1") -> str:
    """Each configuration against the baseline, per language: difference in ``metric`` and its p-value."""
    base = next(r for r in runs if r.name == baseline)
    out = [
        f"| config vs {baseline} | language | Δ {metric} | p (paired randomisation) |",
        "|---|---|---|---|",
    ]
    for run in runs:
        if run is base:
            continue
        for lang in ("all", *LANGUAGES):
            qids = [r.qid for r in base.results if r.answerable and (lang == "all" or r.language == lang)]
            a = [run.summary["per_query"][metric][q] for q in qids]
            b = [base.summary["per_query"][metric][q] for q in qids]
            delta = (sum(a) - sum(b)) / len(qids) if qids else math.nan
            out.append(f"| {run.name} | {lang} | {delta:+.3f} | {paired_randomization(a, b):.3f} |")
    return "\n".join(out)
