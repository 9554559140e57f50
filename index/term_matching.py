"""Finding known names in text by dictionary lookups, leftmost and longest first.

These replace one regular expression alternating every name: compiling that took 0.16 s of every start and
grows with every name added, while a lookup costs the same for ten names or a hundred thousand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# A word is a run of letters and digits; any other character that is not a separator is a word of its own.
_WORD = re.compile(r"[^\W_]+|[^\s\w\-–—/]|_", re.UNICODE)
_ACRONYM_WORD = re.compile(r"[A-Za-z0-9]+(?:[&+][A-Za-z0-9]+)*")
SUFFIXES = ("es", "ed", "s", "d")


def fold(text: str) -> str:
    """Lower case and straight apostrophes, character for character (offsets stay valid)."""
    return "".join(c if len(low := c.lower()) != 1 else low for c in text.replace("’", "'"))


def words(text: str) -> list[str]:
    """The words of a name as the matcher compares them (``fold`` first)."""
    return _WORD.findall(fold(text))


class PhraseMatcher:
    """Names of one or more words, case-folded, matched at word starts; any run of spaces, hyphens, dashes
    or slashes between words matches any other, and the last word may carry -s, -es, -d, -ed or -ing, or
    change a final consonant's -y to -ies ("how many countries" finds "country", "authorities" "authority",
    "deepening" "deepen")."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
        for name in set(names):
            tokens = tuple(words(name))
            if tokens:
                self._by_first.setdefault(tokens[0], []).append((-len(name), tokens, name))
        for group in self._by_first.values():
            group.sort()

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of the names in ``text``, leftmost first, longest name at each start."""
        spans = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(fold(text))]
        i = 0
        while i < len(spans):
            found = self._longest_at(spans, i)
            if found is None:
                i += 1
                continue
            n, name = found
            yield spans[i][0], spans[i + n - 1][1], name
            i += n

    def _longest_at(self, spans: list[tuple[int, int, str]], i: int) -> tuple[int, str] | None:
        first = spans[i][2]
        groups = [self._by_first.get(first, [])]
        groups += [self._by_first.get(base, []) for base in _bases(first)]
        for _, tokens, name in sorted(c for g in groups for c in g):
            n = len(tokens)
            if i + n <= len(spans) and _same(tokens, [s[2] for s in spans[i : i + n]]):
                return n, name
        return None


def _same(name: tuple[str, ...], text: list[str]) -> bool:
    if list(name[:-1]) != text[:-1]:
        return False
    last, seen = name[-1], text[-1]
    return seen == last or last in _bases(seen)


# Prepositions made from verbs: "according to the paper" names no accord (協議), "including" no inclusion.
PREPOSITIONS = frozenset(
    {"according", "regarding", "concerning", "including", "following", "considering", "excluding", "pending"}
)


def _bases(word: str) -> list[str]:
    """The forms a word may be inflected from: meetings -> meeting, countries -> country, deepening ->
    deepen, enhancing -> enhance, planned -> plan; a preposition (according) is no form of a verb."""
    if word in PREPOSITIONS:
        return []
    bases = [word[: -len(s)] for s in SUFFIXES if word.endswith(s) and word[: -len(s)][-1:].isalnum()]
    if word.endswith("ies") and len(word) > 4 and word[-4] not in "aeiou":
        bases.append(word[:-3] + "y")
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3 or not stem.isalpha():
            continue
        if suffix == "ing":
            bases += [stem, stem + "e"]  # deepening -> deepen, enhancing -> enhance
        if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
            bases.append(stem[:-1])  # planning, planned -> plan
    return bases


class AcronymMatcher:
    """Acronyms (CEPA, R&D, 9+2), case-sensitive, as whole words or with a plural -s."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = frozenset(names)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        for m in _ACRONYM_WORD.finditer(text):
            word = m.group(0)
            if word in self._names:
                yield m.start(), m.end(), word
            elif word.endswith("s") and word[:-1] in self._names:
                yield m.start(), m.end(), word[:-1]


class LongestMatcher:
    """Exact terms (Chinese names) anywhere in a text, leftmost first, longest at each place."""

    def __init__(self, terms: Iterable[str]) -> None:
        lengths: dict[str, set[int]] = {}
        self._terms = frozenset(t for t in terms if t)
        for term in self._terms:
            lengths.setdefault(term[0], set()).add(len(term))
        self._lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        i, n = 0, len(text)
        lengths, terms = self._lengths, self._terms
        while i < n:
            for length in lengths.get(text[i], ()):
                if i + length <= n and text[i : i + length] in terms:
                    yield i, i + length, text[i : i + length]
                    i += length
                    break
            else:
                i += 1
