"""Extractive answers: the sentences of the top passages that best answer the question, with citations."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from corpus.chunking import sentence_spans
from index import Analyzer, Hit, PreparedQuery

tokenize = Analyzer.tokenize

# Sentences are drawn from this many top passages.
ANSWER_DEPTH = 3
# Evidence below this confidence abstains; calibrated on the gold set's unanswerable questions (eval/).
ABSTAIN_THRESHOLD = 0.38
# A passage's sentence is highlighted when it scores at least this share of the best sentence.
HIGHLIGHT_SHARE = 0.75


@dataclass(frozen=True)
class Sentence:
    rank: int
    start: int
    end: int
    text: str
    score: float
    coverage: float
    term_coverage: float


@dataclass(frozen=True)
class Answer:
    """The assembled answer; ``text`` is None when the evidence is too weak (abstain)."""

    text: str | None
    citations: tuple[int, ...]
    confidence: float
    highlights: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    terms: tuple[tuple[str, str], ...] = ()


def _idf(token: str, document_frequency: Mapping[str, int], n_docs: int) -> float:
    df = document_frequency.get(token, 0)
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def concepts(prepared: PreparedQuery, document_frequency: Mapping[str, int]) -> list[list[list[str]]]:
    """What the question asks about, as concepts, each a list of alternative token lists.

    A word of the question is one concept; an English phrase the glossary expanded is one concept whose
    alternatives are its Chinese terms, so a long variant name cannot outweigh the rest of the question.
    """
    out: list[list[list[str]]] = [
        [[t]] for t in dict.fromkeys(tokenize(prepared.text)) if t in document_frequency
    ]
    groups: dict[str, list[list[str]]] = {}
    for phrase, term in prepared.expansions:
        tokens = [t for t in tokenize(term) if t in document_frequency]
        if tokens:
            groups.setdefault(phrase, []).append(tokens)
    out.extend(groups.values())
    return out


def _coverage(
    sentence_tokens: set[str],
    query_concepts: list[list[list[str]]],
    document_frequency: Mapping[str, int],
    n_docs: int,
) -> float:
    total = covered = 0.0
    for alternatives in query_concepts:
        weight = max(_idf(t, document_frequency, n_docs) for tokens in alternatives for t in tokens)
        best = max(sum(1 for t in tokens if t in sentence_tokens) / len(tokens) for tokens in alternatives)
        total += weight
        covered += weight * best
    return covered / total if total else 0.0


def score_sentences(
    prepared: PreparedQuery, hits: list[Hit], document_frequency: Mapping[str, int], n_docs: int
) -> list[Sentence]:
    """Each sentence of the top passages scored by how much of the question it covers (the lexical leg,
    IDF-weighted by concept) and by its passage's fused score (which carries the dense leg)."""
    query_concepts = concepts(prepared, document_frequency)
    query_tokens = set(prepared.tokens)
    total_idf = sum(_idf(t, document_frequency, n_docs) for t in query_tokens) or 1.0
    top_score = max((h.score for h in hits), default=1.0) or 1.0
    sentences = []
    for rank, hit in enumerate(hits[:ANSWER_DEPTH], start=1):
        text = hit.passage.text
        for start, end in sentence_spans(text):
            tokens = set(tokenize(text[start:end]))
            coverage = _coverage(tokens, query_concepts, document_frequency, n_docs)
            # The flat IDF share of all query tokens (expansions included) separates answerable from
            # unanswerable questions better than concept coverage does, so confidence uses it.
            term_coverage = (
                sum(_idf(t, document_frequency, n_docs) for t in query_tokens & tokens) / total_idf
            )
            score = 0.6 * coverage + 0.4 * (hit.score / top_score)
            sentences.append(Sentence(rank, start, end, text[start:end], score, coverage, term_coverage))
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


def confidence(hits: list[Hit], sentences: list[Sentence], language: str = "zh-Hant") -> float:
    """How sure the evidence is: a strong dense match, and question terms found in one sentence."""
    if not hits or not sentences:
        return 0.0
    low, high, full_coverage = CALIBRATION.get(language, CALIBRATION["zh-Hant"])
    dense = max((h.dense_score or 0.0) for h in hits[:ANSWER_DEPTH])
    dense_part = min(max((dense - low) / (high - low), 0.0), 1.0)
    lexical = max(s.term_coverage for s in sentences) if sentences else 0.0
    return 0.5 * dense_part + 0.5 * min(lexical / full_coverage, 1.0)


def assemble(
    prepared: PreparedQuery,
    hits: list[Hit],
    analyzer: Analyzer,
    abstain_threshold: float = ABSTAIN_THRESHOLD,
) -> Answer:
    """Pick the answering sentences, cite their passages by rank, and decide whether to abstain."""
    sentences = score_sentences(prepared, hits, analyzer.document_frequency, analyzer.passage_count)
    best = max(sentences, key=lambda s: s.score, default=None)
    conf = confidence(hits, sentences, prepared.language)
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
        text = analyzer.to_simplified(text)
    terms: tuple[tuple[str, str], ...] = ()
    if prepared.language in ("en", "mixed"):
        terms = tuple(analyzer.glossary.label_chinese("".join(s.text for s in chosen)))
    return Answer(
        text=f"{text} [{best.rank}]",
        citations=(best.rank,),
        confidence=conf,
        highlights=highlights,
        terms=terms,
    )
