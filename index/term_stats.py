"""How rare each token is across the indexed passages: the IDF both BM25 and the answer reader weigh by."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

CHARACTERS_FILE = "characters.json"


def document_frequency(passages: Iterable[Iterable[str]]) -> tuple[dict[str, int], int]:
    """In how many passages each item (token, character) occurs, and how many passages there are."""
    df: Counter[str] = Counter()
    n = 0
    for items in passages:
        df.update(set(items))
        n += 1
    return dict(df), n


class TermStats:
    """Document frequencies over passages; ``idf`` is BM25's (Robertson–Spärck Jones, +1 inside the log)."""

    def __init__(self, document_frequency: Mapping[str, int], passages: int) -> None:
        self.document_frequency = document_frequency
        self._idf: dict[str, float] = {}
        self.passages = passages

    @classmethod
    def from_tokens(cls, passage_tokens: Iterable[Iterable[str]]) -> TermStats:
        return cls(*document_frequency(passage_tokens))

    def __contains__(self, token: str) -> bool:
        return token in self.document_frequency

    def idf(self, token: str) -> float:
        idf = self._idf.get(token)
        if idf is None:  # the frequencies may be read from a memory-mapped file: once per token is enough
            df = self.document_frequency.get(token, 0)
            idf = self._idf[token] = math.log(1 + (self.passages - df + 0.5) / (df + 0.5))
        return idf


class CharacterStats:
    """In how many passages each character occurs (text normalised): counted when the index is built, so
    the answer reader can weigh a character by its rarity without reading every passage at start-up."""

    def __init__(self, document_frequency: Mapping[str, int], passages: int) -> None:
        self.document_frequency = document_frequency
        self.passages = passages

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> CharacterStats:
        """``texts`` already normalised, one per passage."""
        return cls(*document_frequency(texts))

    def save(self, folder: Path) -> None:
        data = {
            "passages": self.passages,
            "document_frequency": dict(sorted(self.document_frequency.items())),
        }
        (folder / CHARACTERS_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> CharacterStats | None:
        """The counts stored in an index folder, or None for an index built before they were stored."""
        path = folder / CHARACTERS_FILE
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["document_frequency"], data["passages"])
