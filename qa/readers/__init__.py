"""Answer readers: from the top hits, the sentence that answers, its exact span, or a reasoned abstention."""

from qa.readers.base import AnswerSpan, EvidenceSentence, Reader, Reading
from qa.readers.calibration import UNCALIBRATED, Calibration
from qa.readers.question import ANSWER_TYPES, QuestionAnalysis, analyse
from qa.readers.typed import TypedSentenceReader

__all__ = [
    "ANSWER_TYPES",
    "UNCALIBRATED",
    "AnswerSpan",
    "Calibration",
    "EvidenceSentence",
    "QuestionAnalysis",
    "Reader",
    "Reading",
    "TypedSentenceReader",
    "analyse",
]
