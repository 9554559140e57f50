"""The typed reader's weights and thresholds, fitted per encoder by cross-validation, carried by the index.

Cosines mean different things for different encoders (multilingual-e5 packs related and unrelated text into
a narrow band; USE spreads them), so a calibration is fitted for one encoder and stored beside it: the index
builder copies the shipped calibration of its encoder into the version folder, and the reader takes it from
the index it reads. An encoder without one gets ``UNCALIBRATED``: no absolute cosine thresholds, only the
lexical and typed evidence, and ``calibrated`` false in what the service reports.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from index import Retriever
from qa.readers.features import FEATURES


@dataclass(frozen=True)
class Calibration:
    """Linear weights over ``FEATURES`` (plus a bias), and the abstention thresholds."""

    weights: dict[str, float]
    bias: float
    # A typed answer must sit in a sentence (with the one before it) holding this share of the question's
    # concepts, counted by characters.
    focus_coverage: float
    # Below this answerability the reader abstains.
    min_confidence: float
    # Logistic weights over ``typed.answerability_features``: does the chosen sentence answer at all?
    answerability: dict[str, float] = field(default_factory=dict)
    answerability_bias: float = 0.0
    # The same for questions that want no typed answer (what, why, which): no rule checks what they ask,
    # so they may need more evidence. None: ``min_confidence``.
    min_confidence_untyped: float | None = None
    encoder: str = ""
    calibrated: bool = True
    fitted_on: dict[str, Any] = field(default_factory=dict)

    def threshold(self, typed: bool) -> float:
        """The answerability below which a question of this kind is not answered."""
        if typed or self.min_confidence_untyped is None:
            return self.min_confidence
        return self.min_confidence_untyped

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Calibration:
        """Parse a calibration; a missing feature weighs 0, an unknown one is refused."""
        data = json.loads(text)
        unknown = set(data["weights"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"calibration names features this reader does not compute: {sorted(unknown)}")
        return cls(**data)


# Hand-set, encoder-free weights (no cosine term) for an encoder that has no fitted calibration.
UNCALIBRATED = Calibration(
    weights={
        "coverage": 4.0,
        "previous_coverage": 1.0,
        "type_match": 1.0,
        "unit_match": 1.0,
        "passage_score": 1.0,
        "rank_inverse": 0.5,
        "short": -3.0,
        "neighbour": -0.5,
    },
    bias=-3.0,
    focus_coverage=0.5,
    min_confidence=0.2,
    calibrated=False,
)


def load_calibration(index: Retriever) -> Calibration:
    """The calibration the index carries for its encoder, or ``UNCALIBRATED`` (marked so) when it has none."""
    text = index.calibration_text
    if text is None:
        return UNCALIBRATED
    return Calibration.from_json(text)
