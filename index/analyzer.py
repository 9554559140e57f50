"""The text analysis an index owns and hands out: tokens, document frequencies and IDF, glossary, queries."""

from __future__ import annotations

from collections.abc import Mapping

from index.fusion import FusionConfig
from index.glossary import Glossary, default_glossary
from index.language import detect_language
from index.normalize import normalize, to_simplified
from index.paper_terms import PaperTerms
from index.query import PreparedQuery, prepare_query
from index.term_stats import TermStats
from index.tokenizer import dictionary_hash, tokenize


class Analyzer:
    """Analysis exactly as the index was built with it, so readers score sentences as BM25 scored passages."""

    def __init__(
        self, term_stats: TermStats, glossary: Glossary | None = None, terms: PaperTerms | None = None
    ) -> None:
        self.term_stats = term_stats
        self.terms = terms
        curated = glossary or default_glossary()
        self.glossary = terms.glossary(curated) if terms is not None else curated

    @property
    def document_frequency(self) -> Mapping[str, int]:
        return self.term_stats.document_frequency

    @property
    def passage_count(self) -> int:
        return self.term_stats.passages

    @staticmethod
    def tokenize(text: str) -> list[str]:
        return tokenize(text)

    @staticmethod
    def normalize(text: str) -> str:
        return normalize(text)

    @staticmethod
    def to_simplified(text: str) -> str:
        return to_simplified(text)

    @staticmethod
    def language(text: str) -> str:
        return detect_language(text)

    @staticmethod
    def dictionary_hash() -> str:
        return dictionary_hash()

    @property
    def glosses(self) -> Mapping[str, frozenset[str]]:
        """The dictionary's English words for each paper word (normalised); empty for an index built
        without its terms."""
        return self.terms.glosses if self.terms is not None else {}

    def idf(self, token: str) -> float:
        """Lucene BM25's IDF of a token over the indexed passages (the same figure bm25s scores with)."""
        return self.term_stats.idf(token)

    def prepare(
        self, question: str, fusion: FusionConfig | None = None, translation: str | None = None
    ) -> PreparedQuery:
        """The question ready for both legs (tokens with glossary expansions, the text to embed); an English
        question's Chinese ``translation``, if a translator gave one, is searched too."""
        fusion = fusion or FusionConfig()
        return prepare_query(
            question,
            self.glossary,
            expand=fusion.expand,
            chinese_synonyms=fusion.chinese_synonyms,
            fallback=self.terms.fallback if self.terms is not None and fusion.paper_terms else None,
            translation=translation,
        )
