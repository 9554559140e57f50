"""The papers: loading, cleaning, structure and passages with exact offsets."""

from corpus.errors import CorpusError, NeedsOcrError
from corpus.models import Block, Document, PaperMeta, Passage
from corpus.pipeline import build_document, load_corpus, load_paper

__all__ = [
    "Block",
    "CorpusError",
    "Document",
    "NeedsOcrError",
    "PaperMeta",
    "Passage",
    "build_document",
    "load_corpus",
    "load_paper",
]
