"""An English question's everyday words found in a Chinese sentence through the dictionary read backwards.

The glossary gives an English question the Chinese of its names; its other words ("delivered", "press
release", "partnership") reached a sentence only through the dense cosine, which barely tells a sentence from
its neighbours. The dictionary gives each paper word its English senses (建設: build, construct, develop), so
a sentence whose words' senses hold the question's words says what it asks. Words are compared by their
first ``STEM`` letters, as truncation stemmers do (completion ~ complete, institutions ~ institution).

Held out (5-fold by question group, weights and thresholds refitted per fold), English evidence in answer rose
0.837 -> 0.853 and English near-topic abstention 0.830 -> 0.841 on 2,130 gold questions; Chinese questions
do not use it (eval/READER.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from index import STOP_WORDS, Retriever, Sentence

# Letters a word is compared by.
STEM = 6
# Words that say what kind of answer is wanted, not what it is about (a sentence holding 數目 does not
# answer "what number" better than one holding the number).
_ASKING_WORDS = frozenset(
    "number numbers total time times year years date dates amount name names figure figures kind kinds "  # noqa: SIM905
    "type types sort sorts part parts say says said according per".split()
)
_WORD = re.compile(r"[A-Za-z]+")
_STEMS: dict[tuple[int, str], dict[str, frozenset[str]]] = {}


def stem(word: str) -> str:
    """The word compared by its first ``STEM`` letters; a shorter one without its plural s."""
    word = word.lower()
    if len(word) > STEM:
        return word[:STEM]
    plural = len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return word[:-1] if plural else word


def gloss_stems(index: Retriever) -> dict[str, frozenset[str]]:
    """Each paper word's English senses as stems (stop words left out), computed once per index version."""
    key = (id(index), index.version)
    if key not in _STEMS:
        _STEMS.clear()
        _STEMS[key] = {
            word: frozenset(stem(w) for w in english if len(w) > 2 and w not in STOP_WORDS)
            for word, english in index.analyzer.glosses.items()
        }
    return _STEMS[key]


def asked_stems(text: str, stems: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The stems of an English question's words that some paper word's senses hold."""
    known = _known(stems)
    return frozenset(
        s
        for w in _WORD.findall(text)
        if len(w) > 2 and w.lower() not in STOP_WORDS and w.lower() not in _ASKING_WORDS
        if (s := stem(w)) in known
    )


# The stems some sense holds, for the last mapping asked about (kept with it: an id alone could be reused
# by the next index version's mapping once this one is freed).
_KNOWN: list[tuple[Mapping[str, frozenset[str]], frozenset[str]]] = []


def _known(stems: Mapping[str, frozenset[str]]) -> frozenset[str]:
    if not _KNOWN or _KNOWN[0][0] is not stems:
        _KNOWN[:] = [(stems, frozenset().union(*stems.values()))]
    return _KNOWN[0][1]


def held_stems(tokens: frozenset[str], stems: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The English stems a sentence's words (normalised tokens) mean; a four-character word the dictionary
    lacks means what its halves do (新聞公報: news, bulletin)."""
    out: set[str] = set()
    for token in tokens:
        found = stems.get(token)
        if found is None and len(token) == 4:
            found = stems.get(token[:2], frozenset()) | stems.get(token[2:], frozenset())
        if found:
            out |= found
    return frozenset(out)


def gloss_coverage(asked: frozenset[str], held: Sequence[frozenset[str]]) -> list[float]:
    """Per candidate, the share of the asked stems it holds, each weighted by how few candidates hold it:
    "Hong Kong" in every sentence says nothing, "delivered" in one says which."""
    if not asked:
        return [0.0] * len(held)
    n = len(held)
    weight = {s: math.log(1 + n / (1 + sum(s in h for h in held))) for s in asked}
    total = sum(weight.values())
    return [sum(weight[s] for s in asked & h) / total for h in held]


def sentence_stems(index: Retriever, sentence: Sentence, previous: Sentence | None) -> frozenset[str]:
    """The stems a sentence and the one before it mean (the subject is often named just before)."""
    stems = gloss_stems(index)
    held = held_stems(index.sentence_tokens(sentence), stems)
    if previous is not None:
        held |= held_stems(index.sentence_tokens(previous), stems)
    return held
