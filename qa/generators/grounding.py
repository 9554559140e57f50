"""The grounding check: a generated answer may say only what the passages it cites say.

Every ``[n]`` must name a passage that was given; every number, date, amount and month in the text, and every
name the glossary knows, must occur in the cited passages, in either script or said in English. Anything
else makes the answer ungrounded, and the asker sees the extractive answer only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from index import Glossary, to_simplified
from qa.generators import figures
from qa.generators.base import Problem

_CJK = re.compile(r"[\u3400-\u9fff]")
# The setting of every paper (Hong Kong and the Mainland): naming it adds no claim to check, and the papers
# often say 特區 or 兩地 where an answer says "Hong Kong".
_SETTING = {"香港", "內地"}
_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Grounding:
    grounded: bool
    citations: tuple[int, ...]
    problems: tuple[Problem, ...]


def citations_in(text: str) -> tuple[int, ...]:
    """Passage numbers cited as [1], [1, 2], 【1】, in order, once each."""
    found: list[int] = []
    for m in figures.CITATION.finditer(text):
        found.extend(int(n) for n in re.split(r"\s*[,，、]\s*", m.group(1)))
    return tuple(dict.fromkeys(found))


class GroundingChecker:
    """Checks generated answers against passages; holds the glossary's names in both scripts."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    @cached_property
    def _names(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """Names (not everyday terms) in Simplified, to find in an answer of either script; made on first use
        (25 ms), not at every start of the service."""
        return [
            (to_simplified(term), entry.english[0], entry.chinese)
            for entry in self.glossary.entries
            if entry.kind != "term" and not _SETTING & set(entry.chinese)
            for term in entry.chinese
            if _CJK.search(term)
        ]

    def check(self, text: str, language: str, passages: dict[int, str]) -> Grounding:
        """``passages`` are the ones given to the model, by the number that cites them."""
        problems: list[Problem] = []
        cited = citations_in(text)
        unknown = [n for n in cited if n not in passages]
        problems += [Problem("unknown_citation", f"[{n}] names no passage that was given") for n in unknown]
        known = [n for n in cited if n in passages]
        if not known:
            problems.append(Problem("no_citation", "the answer cites none of the given passages"))
        if not _in_language(text, language):
            problems.append(Problem("wrong_language", f"the answer is not written in {language}"))
        evidence = "\n".join(passages[n] for n in known)
        if evidence:
            problems += self._figures(text, language, evidence)
            problems += self._names_missing(text, language, evidence)
        return Grounding(not problems, cited, tuple(problems))

    def _figures(self, text: str, language: str, evidence: str) -> list[Problem]:
        values = figures.evidence_values(evidence)
        months = figures.evidence_months(evidence)
        english = language == "en"
        found = figures.english_figures(text) if english else figures.chinese_figures(text)
        named = figures.english_months(text) if english else figures.chinese_months(text)
        problems = [
            Problem("figure_not_in_evidence", f"{f.surface} is not in the cited passages")
            for f in found
            if figures.key(f.value) not in values
        ]
        problems += [
            Problem("figure_not_in_evidence", f"{surface} (month {month}) is not in the cited passages")
            for surface, month in named
            if month not in months
        ]
        return _once(problems)

    def _names_missing(self, text: str, language: str, evidence: str) -> list[Problem]:
        simple_evidence = to_simplified(evidence)
        problems = []
        if language == "en":
            for match in self.glossary.match_english(text):
                entry = match.entry
                if entry.kind == "term" or _SETTING & set(entry.chinese):
                    continue
                said = any(to_simplified(t) in simple_evidence for t in entry.chinese) or any(
                    name.lower() in evidence.lower() for name in entry.english
                )
                if not said:
                    problems.append(
                        Problem("name_not_in_evidence", f"{match.phrase} is not in the cited passages")
                    )
        else:
            simple_text = to_simplified(text)
            for term, english, variants in self._names:
                if term in simple_text and not any(to_simplified(v) in simple_evidence for v in variants):
                    problems.append(
                        Problem("name_not_in_evidence", f"{term} ({english}) is not in the cited passages")
                    )
        return _once(problems)


def _in_language(text: str, language: str) -> bool:
    """English answers are mostly Latin letters (names may keep their Chinese); Chinese ones mostly Han."""
    bare = figures.CITATION.sub("", text)
    han, latin = len(_CJK.findall(bare)), len(_LETTER.findall(bare))
    if han + latin == 0:
        return False
    share = han / (han + latin)
    return share < 0.3 if language == "en" else share > 0.5


def _once(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))
