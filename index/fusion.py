"""Fusion of ranked lists as pure functions (ranx's conventions): RRF and weighted min-max fusion."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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


def summed(first: Run, second: Run) -> dict[str, float]:
    """Two runs of one leg as one (the dense leg of a question and of its translation): scores added, and
    a passage only one of them found counted at the lowest score either gave for the other.

    On leave-one-paper-out English questions (230 of them, one set of the model's translations), adding the
    translation's own run to the run of the question with its translation appended raised hit@1 from 0.82
    to 0.87 (taking the higher cosine instead: 0.84).
    """
    if not first or not second:
        return dict(first or second)
    floor = min(min(first.values()), min(second.values()))
    return {c: first.get(c, floor) + second.get(c, floor) for c in first.keys() | second.keys()}


@dataclass(frozen=True)
class FusionConfig:
    """How the legs are fused; weights are (bm25, dense) per question language."""

    method: str = "weighted"
    # English: 0.35 for BM25 since the index learnt its papers' own terms (they reach BM25 only). Over
    # 0.2 to 0.5 in steps, each of 5 folds of the gold English questions (by group) chose 0.35 on the
    # other four: held-out hit@1 0.859 -> 0.868; leave-one-paper-out (names dropped) hit@1 / hit@5
    # translated 0.849 / 0.948 -> 0.858 / 0.960, by default 0.810 / 0.924 -> 0.819 / 0.929 (eval/RESULTS.md).
    weights: tuple[tuple[str, float, float], ...] = (
        ("en", 0.35, 0.65),
        ("mixed", 0.35, 0.65),
        ("zh-Hant", 0.5, 0.5),
        ("zh-Hans", 0.5, 0.5),
    )
    expand: bool = True
    chinese_synonyms: bool = False
    # English words the glossary lacks go through the terms the index learnt from its papers.
    paper_terms: bool = True
    # English questions also searched in the passages' English renderings (``index.english``): weights of
    # that BM25 leg and that dense leg beside ``weights`` (0, 0: off). Over a grid of 0.1 to 0.7 (BM25) by
    # 0.15 to 1.0 (dense), each of 5 folds of the 1,142 gold English questions (by group) chose 0.4, 0.6 on
    # the other four: held out, end to end, hit@1 shown 0.846 -> 0.869, evidence in the answer of the
    # answerable 0.787 -> 0.809, near-topic abstention 0.770 either way (eval/READER.md).
    english: tuple[float, float] = (0.4, 0.6)
    # The fused top passages re-ranked with their best sentence's closeness to the question (0: off).
    sentence_weight: float = 0.5
    sentence_depth: int = 30

    def weights_for(self, language: str) -> tuple[float, float]:
        for lang, bm25_w, dense_w in self.weights:
            if lang == language:
                return bm25_w, dense_w
        return 0.5, 0.5


def fuse(
    config: FusionConfig,
    language: str,
    bm25_run: Run,
    dense_run: Run,
    mode: str,
    english: tuple[Run, Run] | None = None,
) -> dict[str, float]:
    """The final run of a search in ``mode``: one leg as it is, or both fused as ``config`` says; in
    hybrid mode an English question's ``english`` legs (BM25, dense over the renderings) join them."""
    if mode == "bm25":
        return dict(bm25_run)
    if mode == "dense":
        return dict(dense_run)
    runs, weights = [bm25_run, dense_run], list(config.weights_for(language))
    if english is not None and any(english):
        runs += list(english)
        weights += list(config.english)
    if config.method == "rrf":
        return rrf(runs)
    return weighted(runs, weights)


def rerank_by_sentence(
    fused: Run, best_sentence: Mapping[str, float], weight: float, depth: int
) -> dict[str, float]:
    """The top ``depth`` of ``fused`` scored anew: min-max fused score plus ``weight`` times the min-max
    cosine of each passage's closest sentence; the rest keep their order below them.

    A passage's vector averages all it says; the one sentence that answers is often nearer the question.
    """
    order = rank(fused)
    top = order[:depth]
    if not top or weight <= 0:
        return dict(fused)
    base = min_max({c: fused[c] for c in top})
    near = min_max({c: best_sentence.get(c, 0.0) for c in top})
    out = {c: base[c] + weight * near[c] for c in top}
    floor = min(out.values())
    rest = order[depth:]
    # Below every re-ranked passage, in their fused order.
    for position, c in enumerate(rest, start=1):
        out[c] = floor - position * 1e-6 - 1.0
    return out
