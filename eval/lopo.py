"""Leave-one-paper-out: English retrieval on a paper whose own glossary names nobody curated.

For each paper, the curated glossary entries whose Chinese terms occur in that paper and in no other are
dropped, from the question analysis and from the tokenizer's dictionary (with the domain dictionary's words
found only in that paper), and the papers are indexed anew; the English questions about that paper are
asked. What the index learns from the papers themselves (mined terms, the dictionary fallback) stays.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from eval.gold import GoldQuestion
from eval.held_out_index import rebuilt_service, tokenizer_with, user_words
from eval.run import RETRIEVED_HIT1, run_service
from index import FusionConfig, Glossary, normalize
from index.glossary import Entry
from qa.service import QAService
from qa.translators import Translator


@dataclass(frozen=True)
class Fold:
    """One paper held out: how many curated entries it lost and its English questions' hits."""

    doc_id: str
    dropped: int
    hits_at_1: tuple[float, ...]
    hits_at_5: tuple[float, ...]
    # hit@1 of the index's fused order, before the reader put its answer's passage first.
    retrieved_at_1: tuple[float, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """All folds of one configuration (e.g. today's analysis, or with the index's own terms)."""

    name: str
    folds: tuple[Fold, ...]

    @property
    def questions(self) -> int:
        return sum(len(f.hits_at_1) for f in self.folds)

    def hit(self, k: int) -> float:
        """Micro average over every question of every fold."""
        values = [v for f in self.folds for v in (f.hits_at_1 if k == 1 else f.hits_at_5)]
        return sum(values) / len(values) if values else 0.0

    def retrieved_hit(self) -> float:
        """hit@1 of the fused order, micro averaged."""
        values = [v for f in self.folds for v in f.retrieved_at_1]
        return sum(values) / len(values) if values else 0.0


def papers_of(entry: Entry, texts: Mapping[str, str]) -> set[str]:
    """The papers (by doc_id) in whose normalised text any Chinese term of the entry occurs."""
    terms = [normalize(t).replace(" ", "") for t in entry.chinese]
    return {doc_id for doc_id, text in texts.items() if any(t and t in text for t in terms)}


def only_in(term: str, doc_id: str, texts: Mapping[str, str]) -> bool:
    """Whether ``term`` occurs in paper ``doc_id`` and in no other."""
    key = normalize(term).replace(" ", "")
    return {d for d, text in texts.items() if key in text} == {doc_id}


def without_paper(glossary: Glossary, doc_id: str, texts: Mapping[str, str]) -> tuple[Glossary, int]:
    """The glossary less the entries found only in ``doc_id`` (texts already normalised, no spaces)."""
    kept = [e for e in glossary.entries if papers_of(e, texts) != {doc_id}]
    return Glossary(kept), len(glossary.entries) - len(kept)


# Retrieval as it was before the index learnt terms from its papers and re-ranked by sentences.
BEFORE = FusionConfig(paper_terms=False, sentence_weight=0.0, english=(0.0, 0.0))
# And before English questions were also searched in the passages' English renderings.
WITHOUT_RENDERINGS = FusionConfig(english=(0.0, 0.0))


@dataclass(frozen=True)
class Analysis:
    """One way of reading the questions: how retrieval fuses, and a translator of English ones or none."""

    name: str
    fusion: FusionConfig
    translator: Translator | None = None


@contextmanager
def analysis(service: QAService, glossary: Glossary, how: Analysis) -> Iterator[None]:
    """The service analyses questions with ``glossary`` and retrieves (and translates) as ``how`` says."""
    index, analyzer = service.index, service.index.analyzer
    saved = analyzer.glossary, index.fusion, service.translator
    analyzer.glossary, index.fusion, service.translator = glossary, how.fusion, how.translator
    try:
        yield
    finally:
        analyzer.glossary, index.fusion, service.translator = saved


def paper_texts(service: QAService) -> dict[str, str]:
    """Every indexed paper's text, normalised as terms are compared (simplified, no spaces)."""
    doc_ids = dict.fromkeys(p.doc_id for p in service.index.iter_passages())
    texts = {}
    for doc_id in doc_ids:
        document = service.document(doc_id)
        if document is not None:
            texts[doc_id] = normalize(document.text).replace(" ", "")
    return texts


def leave_one_paper_out(
    service: QAService,
    question_sets: dict[str, list[GoldQuestion]],
    analyses: list[Analysis],
    workspace: Path,
) -> dict[tuple[str, str], Outcome]:
    """Score the English answerable questions of each paper with that paper's own curated names dropped,
    from the analysis and from the tokenizer's dictionary: the papers are indexed anew under ``workspace``
    for each paper held out. Outcomes by (question set, analysis name)."""
    texts = paper_texts(service)
    full = service.index.analyzer.glossary
    folds: dict[tuple[str, str], list[Fold]] = {(q, a.name): [] for q in question_sets for a in analyses}
    for doc_id in texts:
        asked = {
            name: [q for q in questions if q.doc_id == doc_id and q.language == "en" and q.answerable]
            for name, questions in question_sets.items()
        }
        if not any(asked.values()):
            continue
        glossary, dropped = without_paper(full, doc_id, texts)
        words = frozenset(w for w in user_words() if only_in(w, doc_id, texts))
        with tokenizer_with(glossary, words):
            held_out = rebuilt_service(service, workspace / doc_id)
            try:
                for set_name, questions in asked.items():
                    for how in analyses:
                        if questions:
                            folds[set_name, how.name].append(
                                _fold(held_out, glossary, how, doc_id, dropped, questions)
                            )
            finally:
                held_out.index.close()
    return {key: Outcome(key[1], tuple(found)) for key, found in folds.items()}


def _fold(
    service: QAService,
    glossary: Glossary,
    how: Analysis,
    doc_id: str,
    dropped: int,
    questions: list[GoldQuestion],
) -> Fold:
    with analysis(service, glossary, how):
        run = run_service(service, questions, doc_id, show_progress=False)
    per_query = run.summary["per_query"]
    return Fold(
        doc_id,
        dropped,
        tuple(per_query["hit@1"][q.qid] for q in questions),
        tuple(per_query["hit@5"][q.qid] for q in questions),
        tuple(per_query[RETRIEVED_HIT1][q.qid] for q in questions),
    )


def curated(service: QAService, questions: list[GoldQuestion], how: Analysis) -> Outcome:
    """The same English questions with the whole curated glossary: the bar the held-out figures aim at."""
    english = [q for q in questions if q.language == "en" and q.answerable and q.doc_id]
    return Outcome("curated", (_fold(service, service.index.analyzer.glossary, how, "all", 0, english),))
