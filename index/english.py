"""The papers in English: a local LLM's rendering of each passage, made once, searched by English questions.

An English question reaches a Chinese passage through names (the glossary, the papers' own pairs, the
dictionary) and the multilingual encoder; a stranger's everyday words ("the fishing tasks", "backing the
customs study") often reach neither. Searched in a rendering of the passage in English, the same words
meet in one language: BM25 over its words, and the encoder's vector of it (English to English, which the
multilingual model matches far better than across languages). The renderings are keyed by the passage's
exact text; a passage nobody rendered takes part with its own (Chinese) vector in the dense leg and is
absent from the English BM25 leg.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from index.backends.embedded.bm25 import BM25Index, PostingsBuilder

TRANSLATIONS_FILE = "translations.jsonl"
ENGLISH_BM25 = "bm25_en"
ENGLISH_VECTORS = "english_vectors.npy"
ENGLISH_ROWS = "english_rows.npy"
ENGLISH_TEXTS = "english_texts.json"
# Renderings whose split into sentences is kept between questions.
RENDERING_CACHE = 20_000

# Words that carry no topic, in questions and renderings alike.
_STOP = frozenset(
    (  # noqa: SIM905
        "a an the of to in on at for from by with and or but nor as is are was were be been being it its "
        "this that these those there their they them he she his her we our you your i me my what which who "
        "whom whose when where why how many much do does did done doing has have had having will would "
        "shall should can could may might must not no yes any some all each every other such than then so "
        "also into onto about over under between through during before after up down out off again very "
        "just only own same too more most hk kong hong"
    ).split()
)
_WORD = re.compile(r"[a-z0-9]+")
# Where a rendering's sentences end: the model writes one English sentence for each Chinese one, in order.
_ENGLISH_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_SUFFIXES = (("ies", "y"), ("ing", ""), ("es", ""), ("ed", ""), ("ly", ""), ("s", ""))


def stem(word: str) -> str:
    """A light suffix strip (funds -> fund, training -> train, studies -> study); enough to meet a
    question's word in the rendering's, where both come from the same everyday English."""
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


def english_tokens(text: str) -> list[str]:
    """The English BM25 tokens of a text: lower-case words, stop words out, stemmed."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


def parse_translations(text: str) -> dict[str, str]:
    """Rows ``{"text", "english"}`` of JSONL text, by the passage text; rows without English are skipped."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            if isinstance(row, dict) and isinstance(row.get("english"), str) and row["english"].strip():
                out[str(row["text"])] = row["english"]
    return out


def read_translations(path: Path) -> dict[str, str]:
    """``parse_translations`` of a file; an absent file is empty."""
    return parse_translations(path.read_text(encoding="utf-8")) if path.exists() else {}


@cache
def shipped_translations_text() -> str:
    path = resources.files("index") / "data" / TRANSLATIONS_FILE
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def shipped_translations() -> dict[str, str]:
    """The renderings that ship with the papers (``index/data/translations.jsonl``)."""
    return parse_translations(shipped_translations_text())


def translations_hash() -> str:
    """Stamped into the manifest: an index built with other shipped renderings is rebuilt."""
    return hashlib.sha256(shipped_translations_text().encode("utf-8")).hexdigest()[:16]


# A rendering's sentence: where it starts and ends (shares of the rendering's length) and its words.
Piece = tuple[float, float, frozenset[str]]


def rendering_pieces(english: str) -> list[Piece]:
    """A rendering's sentences as (start, end) shares of its length, with their ``english_tokens``."""
    pieces = [p for p in _ENGLISH_SENTENCE_END.split(english.strip()) if p.strip()]
    total = sum(len(p) for p in pieces) or 1
    out, done = [], 0
    for piece in pieces:
        out.append((done / total, (done + len(piece)) / total, frozenset(english_tokens(piece))))
        done += len(piece)
    return out


def aligned_tokens(pieces: list[Piece], start: float, end: float) -> frozenset[str]:
    """The words of the rendering's sentences that lie where a Chinese sentence lies in its passage
    (``start``, ``end``: shares of the passage's length): the renderings keep the passages' order, and an
    English sentence is about as long, relative to its rendering, as its Chinese one."""
    words: frozenset[str] = frozenset()
    for a, b, tokens in pieces:
        if b > start and a < end:
            words |= tokens
    return words


@dataclass
class EnglishSide:
    """The English renderings of an index version: BM25 over their words, and their vectors by row."""

    bm25: BM25Index
    # Row numbers (into the index's passages) of the rendered passages, and their vectors in that order.
    rows: npt.NDArray[np.int64]
    vectors: npt.NDArray[np.float32]
    # The renderings themselves, in the order of ``rows`` (None: a version written before they were kept).
    texts: list[str] | None = None

    def __post_init__(self) -> None:
        self._position = {int(r): i for i, r in enumerate(self.rows.tolist())}
        self._pieces: dict[int, list[Piece]] = {}
        self._frequency = self.bm25.document_frequency()

    def __len__(self) -> int:
        return len(self.rows)

    def idf(self, token: str) -> float:
        """How rare a word is among the renderings (BM25's smoothed inverse document frequency)."""
        found = self._frequency.get(token, 0)
        return math.log(1.0 + (len(self.rows) - found + 0.5) / (found + 0.5))

    def sentence_words(self, passage_row: int, start: float, end: float) -> frozenset[str] | None:
        """The rendering's words where a sentence lies in passage ``passage_row`` (shares of its length),
        or None when the passage has no rendering."""
        position = self._position.get(passage_row)
        if position is None or self.texts is None:
            return None
        pieces = self._pieces.get(passage_row)
        if pieces is None:
            if len(self._pieces) >= RENDERING_CACHE:
                self._pieces.clear()
            pieces = self._pieces[passage_row] = rendering_pieces(self.texts[position])
        return aligned_tokens(pieces, start, end)

    def search(
        self,
        vector: npt.NDArray[np.float32],
        tokens: list[str],
        k: int,
        selected: npt.NDArray[np.int64] | None,
    ) -> tuple[dict[int, float], dict[int, float]]:
        """(BM25 scores, cosines) by passage row of the top ``k`` renderings for an English question."""
        bm25_rows, bm25_scores = self.bm25.top(tokens, k)
        mask = None if selected is None else np.isin(self.rows, selected)
        # BM25 here counts renderings, not passages: map its rows back through ``rows``.
        lexical = {
            int(self.rows[r]): float(s)
            for r, s in zip(bm25_rows, bm25_scores, strict=True)
            if mask is None or mask[r]
        }
        cosines = self.vectors @ np.asarray(vector, dtype=np.float32)
        if mask is not None:
            cosines = np.where(mask, cosines, -np.inf)
        top = np.argsort(-cosines, kind="stable")[:k]
        dense = {int(self.rows[i]): float(cosines[i]) for i in top if np.isfinite(cosines[i])}
        return lexical, dense

    @classmethod
    def load(cls, folder: Path) -> EnglishSide | None:
        """The version's English side, or None for an index built without renderings."""
        if not (folder / ENGLISH_ROWS).exists():
            return None
        rows = np.load(folder / ENGLISH_ROWS, allow_pickle=False).astype(np.int64)
        if not len(rows):
            return None
        vectors = np.load(folder / ENGLISH_VECTORS, allow_pickle=False).astype(np.float32)
        texts = None
        if (folder / ENGLISH_TEXTS).exists():
            texts = json.loads((folder / ENGLISH_TEXTS).read_text(encoding="utf-8"))
            whole = isinstance(texts, list) and len(texts) == len(rows)
            if not whole or not all(isinstance(t, str) for t in texts):
                raise ValueError(f"{ENGLISH_TEXTS} does not hold one rendering for each rendered passage")
        return cls(BM25Index.load(folder / ENGLISH_BM25), rows, vectors, texts)


def write_english_side(
    folder: Path,
    texts: Iterable[str],
    translations: Mapping[str, str],
    embed: Callable[[list[str]], npt.NDArray[np.float32]],
) -> int:
    """Write the renderings of the passages (``texts`` in row order) that have one; returns how many."""
    rows: list[int] = []
    renderings: list[str] = []
    for row, text in enumerate(texts):
        english = translations.get(text)
        if english:
            rows.append(row)
            renderings.append(english)
    np.save(folder / ENGLISH_ROWS, np.asarray(rows, dtype=np.int64), allow_pickle=False)
    if not rows:
        return 0
    postings = PostingsBuilder()
    for english in renderings:
        postings.add(english_tokens(english))
    (folder / ENGLISH_BM25).mkdir()
    postings.build().save(folder / ENGLISH_BM25)
    (folder / ENGLISH_TEXTS).write_text(json.dumps(renderings, ensure_ascii=False), encoding="utf-8")
    np.save(folder / ENGLISH_VECTORS, embed(renderings).astype(np.float32), allow_pickle=False)
    return len(rows)
