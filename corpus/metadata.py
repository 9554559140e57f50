"""What a paper's own text states about it: paper number, date, issuing bureaus."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.models import Block, PaperMeta

_PAPER_NO = re.compile(r"CB\(\d\)\d+/\d{2}-\d{2}\(\d{2}\)")
_DATE_ARABIC = re.compile(r"^(\d{4})年(\d{1,2})月(?:\d{1,2}日)?$")
_DATE_CHINESE = re.compile(r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月$")
_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0"}
_ISSUER = re.compile(r"(局|辦公室|政府|署)$")


@dataclass(frozen=True)
class StatedMeta:
    """Metadata found in the text; None where the text does not state it."""

    paper_no: str | None
    date: str | None
    bureaus: tuple[str, ...]


def _chinese_month(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + int(_DIGITS[text[1]])
    return int(_DIGITS[text])


def parse_date(line: str) -> str | None:
    """``2012年5月`` or ``二零零九年十二月`` as ``YYYY-MM``."""
    m = _DATE_ARABIC.match(line)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    m = _DATE_CHINESE.match(line)
    if m:
        year = "".join(_DIGITS[c] for c in m.group(1))
        return f"{year}-{_chinese_month(m.group(2)):02d}"
    return None


def stated_meta(text: str, blocks: tuple[Block, ...] | list[Block]) -> StatedMeta:
    """Read the paper number from the heading lines and date and bureaus from the signature block.

    LegCo papers close the body with the issuing bureaus and a month line, before any annex.
    """
    m = _PAPER_NO.search(text[:2000])
    paper_no = m.group(0) if m else None
    body = [b for b in blocks if b.annex is None]
    date = None
    bureaus: list[str] = []
    for i in range(len(body) - 1, -1, -1):
        line = text[body[i].start : body[i].end]
        if body[i].kind == "heading" and (found := parse_date(line)):
            date = found
            j = i - 1
            while j >= 0 and body[j].kind == "heading":
                name = text[body[j].start : body[j].end]
                if not _ISSUER.search(name):
                    break
                bureaus.insert(0, name)
                j -= 1
            break
    return StatedMeta(paper_no=paper_no, date=date, bureaus=tuple(bureaus))


def mismatches(meta: PaperMeta, stated: StatedMeta) -> list[str]:
    """Where the manifest disagrees with what the text states (silent where the text states nothing)."""
    problems = []
    if stated.paper_no is not None and stated.paper_no != meta.paper_no:
        problems.append(f"paper_no: manifest {meta.paper_no!r}, text {stated.paper_no!r}")
    if stated.date is not None and stated.date != meta.date:
        problems.append(f"date: manifest {meta.date!r}, text {stated.date!r}")
    if stated.bureaus and tuple(stated.bureaus) != meta.bureaus_zh:
        problems.append(f"bureaus: manifest {list(meta.bureaus_zh)}, text {list(stated.bureaus)}")
    return problems
