"""Extractive answers: the sentences of the top passages that best answer the question, with citations."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from corpus.chunking import sentence_spans
from index.glossary import default_glossary
from index.language import to_simplified_script
from index.models import Hit
from index.query import PreparedQuery
from index.tokenizer import tokenize

# Sentences are drawn from this many top passages.
ANSWER_DEPTH = 3
# Evidence below this confidence abstains; calibrated on the gold set's unanswerable questions (eval/).
ABSTAIN_THRESHOLD = 0.38
# A passage's sentence is highlighted when it scores at least this share of the best sentence.
HIGHLIGHT_SHARE = 0.6


@dataclass(frozen=True)
class Sentence:
    rank: int
    start: int
    end: int
    text: str
    score: float
    coverage: float


@dataclass(frozen=True)
class Answer:
    """The assembled answer; ``text`` is None when the evidence is too weak (abstain)."""

    text: str | None
    citations: tuple[int, ...]
    confidence: float
    highlights: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    terms: tuple[tuple[str, str], ...] = ()


def _idf(token: str, document_frequency: dict[str, int], n_docs: int) -> float:
    df = document_frequency.get(token, 0)
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def score_sentences(
    prepared: PreparedQuery, hits: list[Hit], document_frequency: dict[str, int], n_docs: int
) -> list[Sentence]:
    """Each sentence of the top passages scored by the IDF mass of question terms it holds (BM25 leg) and
    by its passage's fused score (which carries the dense leg)."""
    query_tokens = set(prepared.tokens)
    total = sum(_idf(t, document_frequency, n_docs) for t in query_tokens) or 1.0
    top_score = max((h.score for h in hits), default=1.0) or 1.0
    sentences = []
    for rank, hit in enumerate(hits[:ANSWER_DEPTH], start=1):
        text = hit.passage.text
        for start, end in sentence_spans(text):
            tokens = set(tokenize(text[start:end]))
            coverage = sum(_idf(t, document_frequency, n_docs) for t in query_tokens & tokens) / total
            score = 0.6 * coverage + 0.4 * (hit.score / top_score)
            sentences.append(Sentence(rank, start, end, text[start:end], score, coverage))
    return sentences


# Per question language: (dense cosine that means "unrelated", cosine that means "on point", coverage that
# means "fully covered"). multilingual-e5 cosines sit in a narrow band, lower for English questions over
# Chinese passages; English questions carry many expansion terms, so their coverage runs lower too.
CALIBRATION = {
    "en": (0.80, 0.90, 0.35),
    "mixed": (0.80, 0.90, 0.35),
    "zh-Hant": (0.83, 0.92, 0.70),
    "zh-Hans": (0.83, 0.92, 0.70),
}


def confidence(hits: list[Hit], best: Sentence | None, language: str = "zh-Hant") -> float:
    """How sure the evidence is: a strong dense match, and question terms found in the best sentence."""
    if not hits or best is None:
        return 0.0
    low, high, full_coverage = CALIBRATION.get(language, CALIBRATION["zh-Hant"])
    dense = max((h.dense_score or 0.0) for h in hits[:ANSWER_DEPTH])
    dense_part = min(max((dense - low) / (high - low), 0.0), 1.0)
    return 0.5 * dense_part + 0.5 * min(best.coverage / full_coverage, 1.0)


def assemble(
    prepared: PreparedQuery,
    hits: list[Hit],
    document_frequency: dict[str, int],
    n_docs: int,
    abstain_threshold: float = ABSTAIN_THRESHOLD,
) -> Answer:
    """Pick the answering sentences, cite their passages by rank, and decide whether to abstain."""
    sentences = score_sentences(prepared, hits, document_frequency, n_docs)
    best = max(sentences, key=lambda s: s.score, default=None)
    conf = confidence(hits, best, prepared.language)
    highlights: dict[int, list[tuple[int, int]]] = {}
    if best is not None:
        for s in sentences:
            if s.score >= HIGHLIGHT_SHARE * best.score and s.coverage > 0:
                highlights.setdefault(s.rank, []).append((s.start, s.end))
    if best is None or conf < abstain_threshold:
        return Answer(text=None, citations=(), confidence=conf, highlights=highlights)
    chosen = [best]
    follow = next((s for s in sentences if s.rank == best.rank and s.start == best.end), None)
    if follow is not None and follow.score >= 0.8 * best.score and len(best.text) < 60:
        chosen.append(follow)
    text = "".join(s.text for s in chosen).strip()
    if prepared.language == "zh-Hans":
        text = to_simplified_script(text)
    terms: tuple[tuple[str, str], ...] = ()
    if prepared.language in ("en", "mixed"):
        terms = tuple(default_glossary().label_chinese("".join(s.text for s in chosen)))
    return Answer(
        text=f"{text} [{best.rank}]",
        citations=(best.rank,),
        confidence=conf,
        highlights=highlights,
        terms=terms,
    )
