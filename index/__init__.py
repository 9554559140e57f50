"""Normalisation, tokens, BM25, dense encoders, fusion and a persisted, verifiable hybrid index."""

from index.builder import build_index
from index.models import Hit
from index.search import MODES, FusionConfig, Index
from index.store import IndexLoadError

__all__ = ["MODES", "FusionConfig", "Hit", "Index", "IndexLoadError", "build_index"]
