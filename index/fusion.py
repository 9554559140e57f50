"""Fusion of ranked lists as pure functions (ranx's conventions): RRF and weighted min-max fusion."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Run = Mapping[str, float]

RRF_K = 60


def rank(run: Run) -> list[str]:
    """Ids by descending score; ties broken by id so results are deterministic."""
    return sorted(run, key=lambda doc: (-run[doc], doc))


def rrf(runs: Sequence[Run], k: int = RRF_K, weights: Sequence[float] | None = None) -> dict[str, float]:
    """Reciprocal rank fusion: sum over runs of ``w / (k + rank)``, ranks from 1."""
    weights = weights or [1.0] * len(runs)
    fused: dict[str, float] = {}
    for run, weight in zip(runs, weights, strict=True):
        for position, doc in enumerate(rank(run), start=1):
            fused[doc] = fused.get(doc, 0.0) + weight / (k + position)
    return fused


def min_max(run: Run) -> dict[str, float]:
    """Scores scaled to [0, 1]; a run whose scores are all equal maps to 1.0 (not a division by zero)."""
    if not run:
        return {}
    low, high = min(run.values()), max(run.values())
    if high == low:
        return dict.fromkeys(run, 1.0)
    return {doc: (score - low) / (high - low) for doc, score in run.items()}


def weighted(runs: Sequence[Run], weights: Sequence[float]) -> dict[str, float]:
    """Weighted sum of min-max normalised scores; a document missing from a run scores 0 there."""
    fused: dict[str, float] = {}
    for run, weight in zip(runs, weights, strict=True):
        for doc, score in min_max(run).items():
            fused[doc] = fused.get(doc, 0.0) + weight * score
    return fused
