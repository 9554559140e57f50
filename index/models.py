"""What a search returns: a passage with the evidence of why it ranked where it did."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.models import Passage


@dataclass(frozen=True)
class Hit:
    """One retrieved passage; ranks are 1-based and None where that leg did not retrieve it."""

    chunk_id: str
    score: float
    passage: Passage
    bm25_rank: int | None
    bm25_score: float | None
    dense_rank: int | None
    dense_score: float | None
    matched_terms: tuple[str, ...]
    # Set when no leg retrieved this passage but the answer reader took its sentence next to this hit's.
    neighbour_of: str | None = None

    @property
    def found_by(self) -> str:
        """Which leg found it: bm25, dense or both (or "neighbour": brought in by the answer reader)."""
        if self.neighbour_of is not None:
            return "neighbour"
        if self.bm25_rank is not None and self.dense_rank is not None:
            return "both"
        return "bm25" if self.bm25_rank is not None else "dense"
