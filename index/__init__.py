"""The index's public face: what ``qa/`` may use. Everything else in ``index`` is internal."""

from index.analyzer import Analyzer
from index.backends import BACKENDS, MODES, Retriever, open_index
from index.backends.embedded.backend import Index
from index.backends.embedded.builder import build_index
from index.encoders import DEFAULT_ENCODER, Encoder, get_encoder
from index.fusion import FusionConfig
from index.lifecycle import stale_reason, verify_index
from index.models import Filters, Hit, IndexStats
from index.query import PreparedQuery
from index.store import CURRENT, IndexLoadError

__all__ = [
    "BACKENDS",
    "CURRENT",
    "DEFAULT_ENCODER",
    "MODES",
    "Analyzer",
    "Encoder",
    "Filters",
    "FusionConfig",
    "Hit",
    "Index",
    "IndexLoadError",
    "IndexStats",
    "PreparedQuery",
    "Retriever",
    "build_index",
    "get_encoder",
    "open_index",
    "stale_reason",
    "verify_index",
]
