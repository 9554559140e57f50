"""What crosses the index's face: hits with the evidence of their rank, search filters, index statistics."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.models import PaperMeta, Passage


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


@dataclass(frozen=True)
class Filters:
    """Which papers a search may return; every field given must hold (empty means no filter).

    Dates are ISO prefixes compared as the papers record them ("2012-05"): ``date_from="2012"`` keeps
    papers of 2012 onwards, ``date_to="2012"`` keeps papers up to the end of 2012. ``bureau`` and
    ``committee`` match a paper whose bureau or committee (Chinese or English) contains them, ignoring case.
    """

    doc_ids: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    bureau: str | None = None
    committee: str | None = None

    def __bool__(self) -> bool:
        return bool(self.doc_ids or self.date_from or self.date_to or self.bureau or self.committee)

    def matches(self, meta: PaperMeta) -> bool:
        if self.doc_ids and meta.doc_id not in self.doc_ids:
            return False
        if self.date_from and meta.date < self.date_from:
            return False
        if self.date_to and meta.date[: len(self.date_to)] > self.date_to:
            return False
        if self.bureau and not _contains((*meta.bureaus_zh, *meta.bureaus_en), self.bureau):
            return False
        return not (self.committee and not _contains((meta.committee_zh, meta.committee_en), self.committee))


def _contains(values: tuple[str | None, ...], wanted: str) -> bool:
    wanted = wanted.casefold()
    return any(wanted in value.casefold() for value in values if value)


@dataclass(frozen=True)
class IndexStats:
    """What an index holds and how it is served."""

    backend: str
    version: str
    documents: int
    passages: int
    encoder: str
    dim: int
    dense_kind: str
