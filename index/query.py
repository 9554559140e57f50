"""A question made ready for both legs: BM25 tokens (with glossary expansions) and the text to embed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.glossary import Glossary, Match, default_glossary
from index.language import detect_language
from index.normalize import normalize
from index.term_matching import words
from index.tokenizer import STOP_WORDS, tokenize

# Named things weigh more than everyday words when an English question is expanded into Chinese terms.
ENTITY_WEIGHT = 2
# Kinds whose expansions weigh as everyday words: the glossary's own, and the dictionary's senses.
EVERYDAY_KINDS = frozenset({"term", "dictionary"})


# Places and the one character that stands for each when two sides are named together: the papers write
# 深港 and 粵港 where an asker writes "Shenzhen and Hong Kong" (normalised, Simplified).
SIDE_ABBREVIATIONS = {
    "香港": "港",
    "深圳": "深",
    "广东": "粤",
    "澳门": "澳",
    "北京": "京",
    "上海": "沪",
    "福建": "闽",
    "四川": "川",
    "广西": "桂",
    "珠海": "珠",
    "台湾": "台",
    "天津": "津",
    "重庆": "渝",
    "海南": "琼",
    "湖北": "鄂",
    "浙江": "浙",
    "江苏": "苏",
    "陕西": "陕",
    "山东": "鲁",
    "河南": "豫",
    "湖南": "湘",
    "辽宁": "辽",
    "江西": "赣",
    "安徽": "皖",
    "云南": "滇",
    "贵州": "黔",
    "河北": "冀",
    "山西": "晋",
}


def side_pairs(text: str) -> list[str]:
    """Every pairing, in both orders, of the abbreviations of the places a text names (深港 and 港深 for
    香港 and 深圳), normalised."""
    return list(side_pair_places(text))


def side_pair_places(text: str) -> dict[str, tuple[str, str]]:
    """``side_pairs`` with the two places each pairing names (港深: 香港, 深圳)."""
    text = normalize(text)
    sides = [(place, short) for place, short in SIDE_ABBREVIATIONS.items() if place in text]
    return {a + b: (pa, pb) for pa, a in sides for pb, b in sides if a != b}


@dataclass(frozen=True)
class PreparedQuery:
    """What both legs of retrieval need from a question."""

    text: str
    language: str
    tokens: tuple[str, ...]
    expansions: tuple[tuple[str, str], ...] = field(default=())
    dense_text: str = ""
    # The dictionary's senses of English words no glossary knew: BM25 terms only. A reader asking every
    # concept of the question to be found would weigh each loose sense as much as a name (on the gold set
    # counting them raised false abstention from 3.6% to 8.4%).
    senses: tuple[tuple[str, str], ...] = field(default=())
    # The whole question in Chinese, as a translator (a local LLM) gave it: searched by both legs beside the
    # glossary's expansions, never read as the question's concepts (a wrong word there would be required).
    translation: str | None = None


# How sure or insistent the asker is ("when did it actually open", "what exactly"), and how a question is
# framed ("according to", "apart from", "what kinds of", "what was it supposed to"), not what is asked: the
# dictionary's senses of these (原來 for "actually", 估計 for "supposed") would be searched as topics.
_FILLERS = frozenset(
    "actually exactly really just ever even still also yet please precisely supposed according apart"  # noqa: SIM905
    " besides other else kinds kind sorts sort types type want going one between".split()
)


def fallback_matches(text: str, matched: list[Match], fallback: Glossary) -> list[Match]:
    """Matches of a lower layer on the words no higher layer matched (not stop words or fillers alone).

    The higher layer's words are blanked before the lower layer looks, so a longer phrase across them
    cannot hide a word of its own: with "industry" taken by the glossary, "film industry" must not stop
    "film" from being found.
    """
    blanked = text
    for m in matched:
        blanked = blanked[: m.start] + " " * (m.end - m.start) + blanked[m.end :]
    return [
        m
        for m in fallback.match_english(blanked)
        if not all(w in STOP_WORDS or w in _FILLERS for w in m.phrase.lower().split())
    ]


# A word made of lower-case words joined by hyphens (high-end, value-added, abuse-of-office).
_COMPOUND = re.compile(r"(?<![\w-])[a-z]+(?:-[a-z]+)+(?![\w-])")


def yield_to_compounds(text: str, matched: list[Match], fallback: Glossary) -> list[Match]:
    """``matched`` without the names found inside a hyphenated word that a lower layer knows whole.

    The glossary's "end" (完結) is no part of "high-end" (高端), nor its "value" (總額) of "value-added"
    (增值); where no layer knows the word whole, its parts are its words (thin-film, three-year).
    """
    whole = []
    for c in _COMPOUND.finditer(text):
        if any(m.start == c.start() and m.end == c.end() for m in matched):
            continue  # the glossary's own (cross-border)
        if any(m.start == 0 and m.end == len(c.group(0)) for m in fallback.match_english(c.group(0))):
            whole.append((c.start(), c.end()))
    return [m for m in matched if not any(s <= m.start and m.end <= e for s, e in whole)]


def translate_query(
    text: str, glossary: Glossary, fallback: list[Match] | None = None, matched: list[Match] | None = None
) -> str:
    """English names replaced by their Chinese terms ("When was the 深港合作會議 成立?").

    The multilingual encoder matches such a half-translated question to Chinese passages far better than the
    English original (on the issue's example the answer rose from dense rank 47 to 1). Of the ``fallback``
    matches, mined names are translated, and dictionary senses only where the question writes a name;
    ``matched`` are the glossary's matches if the caller has them (else the glossary is asked).
    """
    taken: list[tuple[int, int]] = []
    replacements = []
    own = glossary.match_english(text) if matched is None else matched
    matches = sorted(own, key=lambda m: (-(m.end - m.start), m.start))
    matches += [
        m
        for m in fallback or []
        if m.entry.kind != "dictionary" or (_written_as_name(text, m.start, m.phrase) and _proper(m))
    ]
    for match in matches:
        if any(match.start < e and s < match.end for s, e in taken):
            continue
        target = match.entry.chinese[0]
        if len(target) < 2 or target.isascii():
            continue
        taken.append((match.start, match.end))
        replacements.append((match.start, match.end, target))
    for start, end, target in sorted(replacements, reverse=True):
        text = text[:start] + target + text[end:]
    return text


def _proper(match: Match) -> bool:
    """The dictionary gives the matched words as a name too (Guangdong, Hong Kong; not "scheme")."""
    key = words(match.phrase)
    return any(name[:1].isupper() and words(name) == key for name in match.entry.english)


def _written_as_name(text: str, start: int, phrase: str) -> bool:
    """Capitalised, and not merely as the question's first word."""
    return bool(text[:start].strip()) and all(word[:1].isupper() for word in phrase.split())


def prepare_query(
    text: str,
    glossary: Glossary | None = None,
    expand: bool = True,
    chinese_synonyms: bool = False,
    fallback: Glossary | None = None,
    translation: str | None = None,
) -> PreparedQuery:
    """Tokens of the question itself, plus, where it has English, the Chinese terms the glossary gives
    (and, for English words it lacks, the ``fallback`` layers: terms mined from the papers, dictionary)
    and the words of its Chinese ``translation``, which is embedded after the half-translated question.

    On English questions about papers whose names nobody curated, a 1.5B local model's translation,
    searched this way and by a dense run of its own (``fusion.summed``), raised leave-one-paper-out hit@1
    from 0.72 to 0.85 (eval/RESULTS.md); embedded in place of the half-translated question instead, it lost
    hit@5 (0.97 -> 0.93)."""
    glossary = glossary or default_glossary()
    language = detect_language(text)
    tokens = list(tokenize(text))
    expansions: list[tuple[str, str]] = []
    senses: list[tuple[str, str]] = []
    dense_text = text
    # Chinese questions that only cite an acronym (CEPA, ETF) match the papers' own Latin text as they are.
    if expand and language in ("en", "mixed"):
        matches = glossary.match_english(text)
        if fallback is not None:
            matches = yield_to_compounds(text, matches, fallback)
        lower = fallback_matches(text, matches, fallback) if fallback is not None else []
        dense_text = translate_query(text, glossary, lower, matches)
        for match in matches + lower:
            weight = 1 if match.entry.kind in EVERYDAY_KINDS else ENTITY_WEIGHT
            for term in match.entry.chinese:
                (senses if match.entry.kind == "dictionary" else expansions).append((match.phrase, term))
                tokens.extend(tokenize(term) * weight)
        for pair in side_pairs(" ".join(term for _, term in expansions)):
            tokens.extend(tokenize(pair))
        translation = (translation or "").strip() or None
        if translation is not None:
            tokens.extend(tokenize(translation))
            dense_text = f"{dense_text} {translation}"
    else:
        translation = None
    if expand and chinese_synonyms:
        # Off by default: on the gold set it cost Traditional questions 5 points of hit@1 (eval/RESULTS.md).
        # Chinese words of the question bring their glossary synonyms (成立 -> 設立, 經貿辦 -> 經濟貿易辦事處)
        for term, variants in glossary.chinese_synonyms(text):
            for variant in variants:
                expansions.append((term, variant))
                tokens.extend(tokenize(variant))
    return PreparedQuery(
        text=text,
        language=language,
        tokens=tuple(tokens),
        expansions=tuple(expansions),
        dense_text=dense_text,
        senses=tuple(senses),
        translation=translation,
    )
