"""How rare each token is across the indexed passages: the IDF both BM25 and the answer reader weigh by."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable


class TermStats:
    """Document frequencies over passages; ``idf`` is BM25's (Robertson–Spärck Jones, +1 inside the log)."""

    def __init__(self, passage_tokens: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for tokens in passage_tokens:
            df.update(set(tokens))
            n += 1
        self.document_frequency = dict(df)
        self.passages = n

    def __contains__(self, token: str) -> bool:
        return token in self.document_frequency

    def idf(self, token: str) -> float:
        df = self.document_frequency.get(token, 0)
        return math.log(1 + (self.passages - df + 0.5) / (df + 0.5))
