"""The index's public face: what ``qa/`` may use. Everything else in ``index`` is internal."""

from index.analyzer import Analyzer
from index.backends import BACKENDS, MODES, Retriever, open_index
from index.backends.embedded.backend import Index
from index.backends.embedded.builder import CACHE, build_index
from index.cache import seed_dir
from index.calibration import calibration_hash
from index.encoders import DEFAULT_ENCODER, Encoder, get_encoder
from index.english import TRANSLATIONS_FILE, read_translations, shipped_translations
from index.fusion import FusionConfig
from index.glossary import Entry, Glossary, default_glossary, parse_glossary
from index.lifecycle import (
    build_lock,
    current_manifest,
    prune_versions,
    remove_partials,
    stale_reason,
    verify_index,
)
from index.models import Filters, Hit, IndexStats
from index.normalize import normalize, to_simplified
from index.query import SIDE_ABBREVIATIONS, PreparedQuery, side_pair_places, side_pairs
from index.seed import export_seed
from index.sentences import Sentence
from index.store import CURRENT, MANIFEST, IndexLoadError, switch_current
from index.term_stats import CharacterStats, TermStats
from index.tokenizer import STOP_WORDS, dictionary_hash, tokenize

__all__ = [
    "BACKENDS",
    "CACHE",
    "CURRENT",
    "DEFAULT_ENCODER",
    "MANIFEST",
    "MODES",
    "SIDE_ABBREVIATIONS",
    "STOP_WORDS",
    "TRANSLATIONS_FILE",
    "Analyzer",
    "CharacterStats",
    "Encoder",
    "Entry",
    "Filters",
    "FusionConfig",
    "Glossary",
    "Hit",
    "Index",
    "IndexLoadError",
    "IndexStats",
    "PreparedQuery",
    "Retriever",
    "Sentence",
    "TermStats",
    "build_index",
    "build_lock",
    "calibration_hash",
    "current_manifest",
    "default_glossary",
    "dictionary_hash",
    "export_seed",
    "get_encoder",
    "normalize",
    "open_index",
    "parse_glossary",
    "prune_versions",
    "read_translations",
    "remove_partials",
    "seed_dir",
    "shipped_translations",
    "side_pair_places",
    "side_pairs",
    "stale_reason",
    "switch_current",
    "to_simplified",
    "tokenize",
    "verify_index",
]
