"""Normalisation, tokens, BM25, dense encoders, fusion and a persisted, verifiable hybrid index."""

from index.builder import build_index
from index.glossary import Glossary, default_glossary
from index.models import Hit
from index.normalize import normalize, to_simplified
from index.query import PreparedQuery
from index.search import MODES, FusionConfig, Index
from index.sentences import Sentence
from index.store import IndexLoadError
from index.term_stats import TermStats
from index.tokenizer import tokenize

__all__ = [
    "MODES",
    "FusionConfig",
    "Glossary",
    "Hit",
    "Index",
    "IndexLoadError",
    "PreparedQuery",
    "Sentence",
    "TermStats",
    "build_index",
    "default_glossary",
    "normalize",
    "to_simplified",
    "tokenize",
]
