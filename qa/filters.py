"""Search filters over HTTP: one shape for the ask body and the search query, mapped to the index's."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from index import Filters

# A year, a month or a day: the papers record dates as "2012", "2012-05" or "2012-05-03".
DATE = r"^\d{4}(-\d{2}){0,2}$"
MAX_DOC_IDS = 50


class FiltersIn(BaseModel):
    """Which papers to search: every field given must hold."""

    model_config = ConfigDict(extra="forbid")

    doc_ids: list[str] = Field(default_factory=list, max_length=MAX_DOC_IDS, description="only these papers")
    date_from: str | None = Field(default=None, pattern=DATE, description="papers dated from (2012, 2012-05)")
    date_to: str | None = Field(default=None, pattern=DATE, description="papers dated up to (inclusive)")
    bureau: str | None = Field(default=None, min_length=1, max_length=100, description="bureau name contains")
    committee: str | None = Field(
        default=None, min_length=1, max_length=100, description="committee name contains"
    )

    def to_filters(self) -> Filters:
        return Filters(
            doc_ids=tuple(self.doc_ids),
            date_from=self.date_from,
            date_to=self.date_to,
            bureau=self.bureau,
            committee=self.committee,
        )


def unknown_papers(filters: Filters, known: set[str]) -> list[str]:
    """Paper ids a filter names that the index does not hold (a typo should not silently return nothing)."""
    return sorted(set(filters.doc_ids) - known)
