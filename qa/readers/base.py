"""The reader protocol: from an analysed question and the top hits, answer sentences and span, or why not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np
import numpy.typing as npt

from index import Hit
from qa.readers.question import QuestionAnalysis


@dataclass(frozen=True)
class AnswerSpan:
    """The shortest expression that answers: ``document.text[start:end] == text``."""

    doc_id: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence of the answer; ``hit`` is the 0-based position of its passage among the reading's hits."""

    hit: int
    doc_id: str
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True)
class Reading:
    """What a reader concluded. ``sentences`` is empty when it abstains, and ``abstain_reason`` says why.

    ``hits`` are the passages the reading cites by position: the retrieved ones, plus any passage the reader
    brought in because its sentence, next to a retrieved one, answers. ``highlights`` maps a hit position to
    sentence offsets relative to that passage's text.
    """

    expected: str
    hits: tuple[Hit, ...]
    sentences: tuple[EvidenceSentence, ...]
    span: AnswerSpan | None
    confidence: float
    abstain_reason: str | None = None
    highlights: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def abstained(self) -> bool:
        return not self.sentences

    @property
    def citations(self) -> tuple[int, ...]:
        """1-based positions of the passages the answer sentences come from, in order, once each."""
        return tuple(dict.fromkeys(s.hit + 1 for s in self.sentences))

    def with_hits(self, order: Sequence[int]) -> Reading:
        """The same reading citing the hits at positions ``order``, in that order (every cited hit kept)."""
        new = {old: pos for pos, old in enumerate(order)}
        if any(s.hit not in new for s in self.sentences):
            raise ValueError("a cited passage would be left out")
        return replace(
            self,
            hits=tuple(self.hits[i] for i in order),
            sentences=tuple(replace(s, hit=new[s.hit]) for s in self.sentences),
            highlights={new[i]: spans for i, spans in self.highlights.items() if i in new},
        )


class Reader(Protocol):
    """Reads the top hits for the sentence that answers a question."""

    name: str

    def read(
        self, question: QuestionAnalysis, hits: list[Hit], query_vector: npt.NDArray[np.float32]
    ) -> Reading: ...
