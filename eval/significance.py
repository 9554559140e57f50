"""Paired significance of a difference between two runs on the same questions (ranx's Fisher test)."""

from __future__ import annotations

from collections.abc import Sequence

PERMUTATIONS = 10_000
SEED = 42


def paired_p_value(a: Sequence[float], b: Sequence[float], permutations: int = PERMUTATIONS) -> float:
    """Two-sided p-value of Fisher's randomisation test on per-question values (ranx's implementation).

    Identical runs give 1.0 without sampling (ranx would also say 1.0, after the work).
    """
    import numpy as np
    from ranx.statistical_tests import fisher_randomization_test

    from eval.metrics import quiet_numba

    if len(a) != len(b):
        raise ValueError(f"paired values differ in length: {len(a)} and {len(b)}")
    if not a or list(a) == list(b):
        return 1.0
    with quiet_numba():
        p_value, _ = fisher_randomization_test(
            np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64), permutations, 0.05, SEED
        )
    return float(p_value)
