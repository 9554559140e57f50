"""A question made ready for both legs: BM25 tokens (with glossary expansions) and the text to embed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.glossary import Glossary, default_glossary
from index.language import detect_language
from index.tokenizer import tokenize

_LATIN = re.compile("[A-Za-z]")
# Named things weigh more than everyday words when an English question is expanded into Chinese terms.
ENTITY_WEIGHT = 2


@dataclass(frozen=True)
class PreparedQuery:
    """What both legs of retrieval need from a question."""

    text: str
    language: str
    tokens: tuple[str, ...]
    expansions: tuple[tuple[str, str], ...] = field(default=())
    dense_text: str = ""


def prepare_query(text: str, glossary: Glossary | None = None, expand: bool = True) -> PreparedQuery:
    """Tokens of the question itself, plus, where it has English, the Chinese terms the glossary gives."""
    glossary = glossary or default_glossary()
    language = detect_language(text)
    tokens = list(tokenize(text))
    expansions: list[tuple[str, str]] = []
    if expand and _LATIN.search(text):
        for match in glossary.match_english(text):
            weight = 1 if match.entry.kind == "term" else ENTITY_WEIGHT
            for term in match.entry.chinese:
                expansions.append((match.phrase, term))
                tokens.extend(tokenize(term) * weight)
    return PreparedQuery(
        text=text, language=language, tokens=tuple(tokens), expansions=tuple(expansions), dense_text=text
    )
