"""Bilingual names the papers pair themselves: 《…的安排》(CEPA), 名稱（English Name）, 名稱（ACRONYM）.

Run when an index is built, over the papers being indexed; nobody curates what it finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.models import Document
from index.glossary import Entry

MINED_KIND = "mined"
# A Chinese name, then an English name or acronym in full- or half-width parentheses.
_PAIRED = re.compile(
    r"(《[^《》]{2,60}》|[\u3400-\u9fff]{2,30})\s*[（(]\s*([A-Za-z][A-Za-z0-9&.'\- ]{0,80}?)\s*[）)]"
)
# Where a plain Chinese run stops being the name: a verb or particle that introduces it.
_LEAD = re.compile(
    r".*(?:[的和與及或並在於為以把將由從對向至到經即]|開展|發揮|繼續|推動|推行|採用|成立|設立|建立|透過|通過|包括)"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")


def chinese_name(run: str, english: str) -> str | None:
    """The name a parenthesised English gloss follows: a title whole, else the end of the Chinese run
    after the last word that introduces it; an acronym needs at least as many characters as letters."""
    if run.startswith("《"):
        return run[1:-1]
    lead = _LEAD.match(run)
    name = run[lead.end() :] if lead else run
    letters = sum(c.isalpha() for c in english)
    if len(name) < 2 or (_ACRONYM.match(english) and len(name) < letters):
        return None
    return name


def mine_terms(documents: Iterable[Document]) -> list[Entry]:
    """Each Chinese name the papers gloss with English, once, with every English form they give it."""
    found: dict[str, list[str]] = {}
    for document in documents:
        for m in _PAIRED.finditer(document.text):
            english = " ".join(m.group(2).split()).rstrip(".")
            name = chinese_name(m.group(1), english)
            if name is None or not re.search(r"[A-Za-z]{2}", english) or english.lower() in _NOT_NAMES:
                continue
            names = found.setdefault(name, [])
            if english not in names:
                names.append(english)
    return [Entry(english=tuple(e), chinese=(c,), kind=MINED_KIND) for c, e in found.items()]


# Parenthesised Latin that is numbering or a unit, not a name.
_NOT_NAMES = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "km", "cm", "kg", "ha"})
