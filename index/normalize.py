"""One normaliser for index and query time: Unicode, Latin case, Traditional and Simplified folded."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from corpus.cleaning import fold_compatibility_ideographs


@lru_cache(maxsize=1)
def _to_simplified() -> object:
    import opencc

    # hk2s knows Hong Kong forms (着, 裏, 衞) as well as standard Traditional.
    return opencc.OpenCC("hk2s")


def to_simplified(text: str) -> str:
    """Traditional (Hong Kong or standard) to Simplified; Simplified text passes through unchanged."""
    converter = _to_simplified()
    return str(converter.convert(text))  # type: ignore[attr-defined]


@lru_cache(maxsize=32768)
def normalize(text: str) -> str:
    """NFKC (full-width forms to ASCII), compatibility ideographs folded, lowercase, Simplified script.

    Matching happens on this form only; passages are always shown in their original Traditional text.
    Cached: the reader normalises the same sentences for every question about them.
    """
    text = fold_compatibility_ideographs(unicodedata.normalize("NFKC", text))
    return to_simplified(text.lower())
