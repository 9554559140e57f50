"""Percentile bootstrap confidence intervals for a mean over questions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

RESAMPLES = 2000
SEED = 11


@dataclass(frozen=True)
class Estimate:
    """A mean over ``n`` questions with its 95% bootstrap interval [low, high]."""

    value: float
    low: float
    high: float
    n: int

    def __str__(self) -> str:
        if self.n == 0:
            return "–"
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"

    def as_dict(self) -> dict[str, float | int]:
        return {
            "value": round(self.value, 4),
            "low": round(self.low, 4),
            "high": round(self.high, 4),
            "n": self.n,
        }


def bootstrap_mean(
    values: Sequence[float], resamples: int = RESAMPLES, level: float = 0.95, seed: int = SEED
) -> Estimate:
    """The mean and its percentile bootstrap interval; resampling questions with replacement, seeded."""
    import numpy as np

    n = len(values)
    if n == 0:
        return Estimate(0.0, 0.0, 0.0, 0)
    data = np.asarray(values, dtype=np.float64)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, n, size=(resamples, n))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Estimate(float(data.mean()), float(low), float(high), n)
