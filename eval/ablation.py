"""Configurations compared side by side on the same questions, with a paired significance test."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from eval.gold import GoldQuestion
from eval.metrics import RANX_METRICS, mean, per_query, quiet_numba
from eval.run import LANGUAGES, RunResult, run_service
from eval.significance import paired_p_value
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
        f"| config vs {baseline} | language | Δ {metric} | p (Fisher randomisation, ranx) |",
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
            out.append(f"| {run.name} | {lang} | {delta:+.3f} | {paired_p_value(a, b):.3f} |")
    return "\n".join(out)


# ranx's fusion of the BM25 and dense runs, as baselines for our own fusion (the ``hybrid`` run).
RANX_FUSIONS = (("rrf", None), ("sum", "min-max"), ("mnz", "min-max"), ("max", "min-max"))


def fusion_baselines(
    runs: list[RunResult], sparse: str = "bm25", dense: str = "dense"
) -> list[dict[str, Any]]:
    """Retrieval metrics of ranx fusions of two runs' top lists, beside the runs themselves."""
    from ranx import Run, fuse

    by_name = {r.name: r for r in runs}
    if sparse not in by_name or dense not in by_name:
        return []
    qrels = by_name[sparse].qrels
    rows = []
    for name in (sparse, dense, "hybrid"):
        if name in by_name:
            scores = per_query(qrels, by_name[name].run())
            rows.append({"name": name} | {m: round(mean(scores[m]), 4) for m in RANX_METRICS})
    for method, norm in RANX_FUSIONS:
        parts = [Run(by_name[sparse].scores(), name=sparse), Run(by_name[dense].scores(), name=dense)]
        with quiet_numba():
            fused = fuse(parts, norm=norm, method=method)
        scores = per_query(qrels, {q: dict(d) for q, d in fused.to_dict().items()})
        label = f"ranx {method}" + (f" ({norm})" if norm else "")
        rows.append({"name": label} | {m: round(mean(scores[m]), 4) for m in RANX_METRICS})
    return rows


def fusion_table(rows: list[dict[str, Any]]) -> str:
    out = ["| run | " + " | ".join(RANX_METRICS) + " |", "|---|" + "---|" * len(RANX_METRICS)]
    out += ["| " + r["name"] + " | " + " | ".join(f"{r[m]:.3f}" for m in RANX_METRICS) + " |" for r in rows]
    return "\n".join(out)
