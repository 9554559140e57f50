"""The papers: loading, cleaning, structure and passages with exact offsets."""

from corpus.chunking import FRONT_MATTER, PAPER_PARTS, SIGN_OFF
from corpus.errors import CorpusError, NeedsOcrError
from corpus.models import Block, Document, PaperMeta, Passage
from corpus.pipeline import build_document, load_corpus, load_paper

__all__ = [
    "FRONT_MATTER",
    "PAPER_PARTS",
    "SIGN_OFF",
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
