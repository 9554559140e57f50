"""The bilingual glossary: English names and variants <-> Traditional Chinese terms of the papers.

English questions are expanded through it into Chinese BM25 terms; Chinese evidence is labelled with the
English names for English readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
        names = sorted(folded, key=len, reverse=True)
        self._folded_re = re.compile(
            r"(?<![a-z0-9])("
            + "|".join(re.escape(n).replace(r"\ ", r"[\s\-–—/]+") for n in names)
            + r")(?:e?s|e?d)?(?![a-z0-9])",
            re.IGNORECASE,
        )
        self._exact_re = re.compile(
            r"(?<![A-Za-z0-9])("
            + "|".join(re.escape(n) for n in sorted(exact, key=len, reverse=True))
            + r")s?(?![A-Za-z0-9])"
        )
        chinese = sorted(
            {t for e in entries for t in e.chinese if re.search("[\u3400-\u9fff]", t)}, key=len, reverse=True
        )
        self._by_chinese = {t: e for e in reversed(entries) for t in e.chinese}
        self._chinese_re = re.compile("|".join(re.escape(t) for t in chinese))

    def match_english(self, text: str) -> list[Match]:
        """Glossary phrases in an English question, longest first and not overlapping."""
        found: list[Match] = []
        taken: list[tuple[int, int]] = []
        candidates = []
        for m in self._folded_re.finditer(text):
            for entry in self._folded.get(_key(m.group(1)), []):
                candidates.append(Match(m.group(0), m.start(), m.end(), entry))
        for m in self._exact_re.finditer(text):
            for entry in self._exact.get(m.group(1), []):
                candidates.append(Match(m.group(0), m.start(), m.end(), entry))
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
        for m in self._chinese_re.finditer(traditional):
            entry = self._by_chinese[m.group(0)]
            # Longer names that merely contain the term (前海 -> 前海深港現代服務業合作區) would outweigh it.
            variants = tuple(
                v
                for v in entry.chinese
                if v not in traditional and m.group(0) not in v and v not in m.group(0)
            )
            if variants and m.group(0) not in seen and len(variants) <= 4:
                seen.add(m.group(0))
                out.append((m.group(0), variants))
        return out

    def find_chinese(self, text: str) -> list[tuple[int, int, Entry]]:
        """Glossary terms in a Chinese text as (start, end, entry), longest match first at each place."""
        return [(m.start(), m.end(), self._by_chinese[m.group(0)]) for m in self._chinese_re.finditer(text)]

    def label_chinese(self, text: str) -> list[tuple[str, str]]:
        """(Chinese term, English name) for each glossary term in a Chinese text, in order, once each."""
        seen: set[str] = set()
        labels = []
        for m in self._chinese_re.finditer(text):
            term = m.group(0)
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


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The glossary shipped with the package."""
    text = (resources.files("index") / "data" / "glossary.tsv").read_text(encoding="utf-8")
    return Glossary(parse_glossary(text))
