"""The bilingual glossary: English names and variants <-> Traditional Chinese terms of the papers.

English questions are expanded through it into Chinese BM25 terms; Chinese evidence is labelled with the
English names for English readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from index.term_matching import AcronymMatcher, LongestMatcher, PhraseMatcher

_SEPARATORS = re.compile(r"[\s\-–—/]+")
_ACRONYM = re.compile(r"^[A-Z0-9&+]{2,5}$")


@dataclass(frozen=True)
class Entry:
    """One concept: its English names (first is the display name) and Chinese terms (first is canonical)."""

    english: tuple[str, ...]
    chinese: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Match:
    """An English phrase found in a question and the Chinese terms it stands for."""

    phrase: str
    start: int
    end: int
    entry: Entry


def _key(text: str) -> str:
    return _SEPARATORS.sub(" ", text.lower().replace("’", "'")).strip()


class Glossary:
    """Lookup in both directions over the entries of a glossary file."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        folded: dict[str, list[Entry]] = {}
        exact: dict[str, list[Entry]] = {}
        for entry in entries:
            for name in entry.english:
                if _ACRONYM.match(name):
                    exact.setdefault(name, []).append(entry)
                else:
                    folded.setdefault(_key(name), []).append(entry)
        self._folded = folded
        self._exact = exact
        self._folded_matcher = PhraseMatcher(folded)
        self._exact_matcher = AcronymMatcher(exact)
        self._by_chinese = {t: e for e in reversed(entries) for t in e.chinese}
        self._chinese_matcher = LongestMatcher(
            t for e in entries for t in e.chinese if re.search("[\u3400-\u9fff]", t)
        )

    def match_english(self, text: str) -> list[Match]:
        """Glossary phrases in an English question, longest first and not overlapping."""
        found: list[Match] = []
        taken: list[tuple[int, int]] = []
        candidates = []
        for start, end, key in self._folded_matcher.finditer(text):
            for entry in self._folded.get(key, []):
                candidates.append(Match(text[start:end], start, end, entry))
        for start, end, name in self._exact_matcher.finditer(text):
            for entry in self._exact.get(name, []):
                candidates.append(Match(text[start:end], start, end, entry))
        for match in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
            overlaps = any(match.start < e and s < match.end for s, e in taken)
            same_span = any(match.start == s and match.end == e for s, e in taken)
            if (overlaps and not same_span) or any(f.entry is match.entry for f in found):
                continue
            found.append(match)
            taken.append((match.start, match.end))
        return sorted(found, key=lambda m: m.start)

    def chinese_synonyms(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """Chinese glossary terms in a text (Traditional or Simplified) with their other Chinese forms."""
        from index.language import to_traditional

        traditional = to_traditional(text)
        out = []
        seen: set[str] = set()
        for _, _, term in self._chinese_matcher.finditer(traditional):
            entry = self._by_chinese[term]
            # Longer names that merely contain the term (前海 -> 前海深港現代服務業合作區) would outweigh it.
            variants = tuple(
                v for v in entry.chinese if v not in traditional and term not in v and v not in term
            )
            if variants and term not in seen and len(variants) <= 4:
                seen.add(term)
                out.append((term, variants))
        return out

    def find_chinese(self, text: str) -> list[tuple[int, int, Entry]]:
        """Glossary terms in a Chinese text as (start, end, entry), longest match first at each place."""
        return [
            (start, end, self._by_chinese[term]) for start, end, term in self._chinese_matcher.finditer(text)
        ]

    def label_chinese(self, text: str) -> list[tuple[str, str]]:
        """(Chinese term, English name) for each glossary term in a Chinese text, in order, once each."""
        seen: set[str] = set()
        labels = []
        for _, _, term in self._chinese_matcher.finditer(text):
            entry = self._by_chinese[term]
            # Everyday words (年, 合作) need no gloss; names of things do.
            if term in seen or entry.kind == "term":
                continue
            seen.add(term)
            labels.append((term, entry.english[0]))
        return labels


def parse_glossary(text: str) -> list[Entry]:
    """Entries of a glossary TSV: ``english|variants <TAB> 中文|變體 <TAB> kind``; # starts a comment."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"glossary line {number}: expected 3 tab-separated fields, got {len(fields)}")
        english = tuple(x.strip() for x in fields[0].split("|") if x.strip())
        chinese = tuple(x.strip() for x in fields[1].split("|") if x.strip())
        if not english or not chinese:
            raise ValueError(f"glossary line {number}: empty English or Chinese side")
        entries.append(Entry(english=english, chinese=chinese, kind=fields[2].strip()))
    return entries


def format_glossary(entries: list[Entry]) -> str:
    """The TSV ``parse_glossary`` reads, one entry a line (tabs and bars inside names become spaces)."""

    def clean(names: tuple[str, ...]) -> str:
        return "|".join(" ".join(n.replace("|", " ").split()) for n in names)

    lines = [f"{clean(e.english)}\t{clean(e.chinese)}\t{e.kind}" for e in entries]
    return "".join(line + "\n" for line in lines)


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The glossary shipped with the package."""
    text = (resources.files("index") / "data" / "glossary.tsv").read_text(encoding="utf-8")
    return Glossary(parse_glossary(text))
