"""Hits from fused runs: ranks and scores of each leg, and the question's terms as the passage writes them."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from corpus.models import Passage
from index.models import Hit
from index.normalize import normalize
from index.query import PreparedQuery

# chunk ids -> (passage, its token set) for the few passages that become hits
Fetch = Callable[[list[str]], Mapping[str, tuple[Passage, frozenset[str]]]]


def make_hits(
    prepared: PreparedQuery,
    fused: Mapping[str, float],
    bm25_run: Mapping[str, float],
    dense_run: Mapping[str, float],
    k: int,
    fetch: Fetch,
) -> list[Hit]:
    """The top-k of ``fused`` as hits; only those k passages are read from the store."""
    bm25_ranks = {c: r for r, c in enumerate(sorted(bm25_run, key=lambda c: -bm25_run[c]), start=1)}
    dense_ranks = {c: r for r, c in enumerate(sorted(dense_run, key=lambda c: -dense_run[c]), start=1)}
    order = sorted(fused, key=lambda c: (-fused[c], c))[:k]
    found = fetch(order)
    query_tokens = set(prepared.tokens)
    norms = _normalize_all([found[c][0].text for c in order])
    hits = []
    for chunk_id, norm in zip(order, norms, strict=True):
        passage, tokens = found[chunk_id]
        hits.append(
            Hit(
                chunk_id=chunk_id,
                score=float(fused[chunk_id]),
                passage=passage,
                bm25_rank=bm25_ranks.get(chunk_id),
                bm25_score=bm25_run.get(chunk_id),
                dense_rank=dense_ranks.get(chunk_id),
                dense_score=dense_run.get(chunk_id),
                matched_terms=surface_terms(passage.text, query_tokens & tokens, norm),
            )
        )
    return hits


# Joins the hits' texts so the script conversion runs once a search, not once a hit (0.7 ms each).
_SEPARATOR = "\ue000"


def _normalize_all(texts: list[str]) -> list[str]:
    joined = normalize(_SEPARATOR.join(texts)).split(_SEPARATOR)
    return joined if len(joined) == len(texts) else [normalize(t) for t in texts]


def surface_terms(text: str, tokens: set[str], norm: str | None = None) -> tuple[str, ...]:
    """Matched tokens as they are written in the passage (Traditional), longest first."""
    norm = normalize(text) if norm is None else norm
    out: list[str] = []
    for token in sorted(tokens, key=lambda t: (-len(t), t)):
        pos = norm.find(token)
        surface = text[pos : pos + len(token)] if pos >= 0 and len(norm) == len(text) else token
        if not any(surface in longer for longer in out):
            out.append(surface)
    return tuple(out)
