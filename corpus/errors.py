"""Errors the corpus layer raises, each with a message that says what to do."""

from __future__ import annotations


class CorpusError(Exception):
    """A paper could not be loaded; nothing of it was kept."""


class NeedsOcrError(CorpusError):
    """A PDF has no usable text layer (scanned, or text that extracts as replacement characters)."""
