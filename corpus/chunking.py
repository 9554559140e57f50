"""Split blocks into passages on sentence ends, with exact offsets into the document text."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from corpus.models import Block, Passage
from corpus.sections import SECTION_NAMES

DEFAULT_TARGET_CHARS = 200
DEFAULT_MAX_CHARS = 320
# Captions and one-line items this short say too little alone (and embed as near-duplicates of anything);
# they join a neighbour of the same section.
DEFAULT_MIN_CHARS = 40
PASSAGE_KINDS = ("paragraph", "item", "footnote", "table_row")
# A paper's own front matter (資料文件 / 立法會工商事務委員會 / 2009年深港合作會議) and its sign-off
# (政制及內地事務局 / 二零零九年十二月) are headings to the structure, but they are what people ask when they
# ask which committee a paper went to, which office wrote it and when.
FRONT_MATTER = "front_matter"
SIGN_OFF = "sign_off"
PAPER_PARTS = (FRONT_MATTER, SIGN_OFF)
SIGN_OFF_MAX_LINES = 4
_NUMBERED_HEADING = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、")
_DATE_LINE = re.compile(
    r"^(?:\d{4}|[零〇一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?$"
)

_SENTENCE_END = re.compile(r"[。！？；!?]+[」』）)》”’]*")
_CLAUSE_END = re.compile(r"[，、：,]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``; every character belongs to exactly one span."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at clause marks (，、：) so no piece exceeds ``max_chars`` if it can."""
    pieces = []
    while end - start > max_chars:
        cut = None
        for m in _CLAUSE_END.finditer(text, start, start + max_chars):
            cut = m.end()
        if cut is None or cut <= start:
            cut = start + max_chars
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def group_sentences(
    text: str, target_chars: int = DEFAULT_TARGET_CHARS, max_chars: int = DEFAULT_MAX_CHARS
) -> list[tuple[int, int]]:
    """Group consecutive sentences into spans of about ``target_chars`` (never past ``max_chars`` if a
    sentence boundary allows it); a short tail joins the span before it."""
    units: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        units.extend(_split_long(text, s, e, max_chars))
    groups: list[tuple[int, int]] = []
    for s, e in units:
        if groups:
            gs, ge = groups[-1]
            if (ge - gs) < target_chars and (e - gs) <= max_chars:
                groups[-1] = (gs, e)
                continue
        groups.append((s, e))
    if len(groups) >= 2:
        (ps, _), (ls, le) = groups[-2], groups[-1]
        if le - ls < target_chars // 3 and le - ps <= max_chars:
            groups[-2:] = [(ps, le)]
    return groups


def _caption_starts(text: str, blocks: tuple[Block, ...] | list[Block]) -> dict[int, int]:
    """Where a passage block should start earlier: after a run of two or more short "headings" that are
    really a wrapped caption or column (the booklet's 香港和深圳將在佔地 / 87公頃的落馬洲 / ...).

    Known section names and annex markers end a run: they are real headings.
    """
    starts: dict[int, int] = {}
    for i, block in enumerate(blocks):
        if block.kind not in PASSAGE_KINDS or block.paragraph is not None:
            continue
        j = i
        while j > 0 and blocks[j - 1].kind == "heading" and blocks[j - 1].annex == block.annex:
            name = text[blocks[j - 1].start : blocks[j - 1].end]
            if name in SECTION_NAMES or name.startswith("附件") or blocks[j - 1].paragraph:
                break
            j -= 1
        if i - j >= 2 and any(b.kind in PASSAGE_KINDS for b in blocks[:j]):
            starts[i] = blocks[j].start
    return starts


def chunk_document(
    doc_id: str,
    text: str,
    blocks: tuple[Block, ...] | list[Block],
    target_chars: int = DEFAULT_TARGET_CHARS,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> list[Passage]:
    """Passages of a document: within a block, never across one; ``text[start:end] == passage.text``."""
    passages = []
    captions = _caption_starts(text, blocks)
    for i, block in enumerate(blocks):
        if block.kind not in PASSAGE_KINDS:
            continue
        body = text[block.start : block.end]
        for n, (s, e) in enumerate(group_sentences(body, target_chars, max_chars)):
            start, end = block.start + s, block.start + e
            if n == 0 and i in captions:
                start = captions[i]
            # Trim whitespace at the edges so offsets point at the first and last characters.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            passages.append(_passage(doc_id, text, start, end, block))
    return paper_parts(doc_id, text, blocks, merge_short(text, passages, DEFAULT_MIN_CHARS, max_chars))


def _front_matter(text: str, blocks: tuple[Block, ...] | list[Block]) -> list[Block]:
    """The headings before a paper's first section (目的) or paragraph."""
    front = []
    for block in blocks:
        if (
            block.kind != "heading"
            or block.annex
            or block.paragraph  # a numbered topic heading (一、背景, （一）統籌部門) starts the body
            or _NUMBERED_HEADING.match(text, block.start) is not None
            or text[block.start : block.end] in SECTION_NAMES
        ):
            break
        front.append(block)
    return front if len(front) < len(blocks) else []


def _sign_off(text: str, blocks: tuple[Block, ...] | list[Block]) -> list[Block]:
    """The last headings of a paper's body (before any annex) when they end on a date: the offices that
    sent it, and when."""
    body = list(itertools.takewhile(lambda b: b.annex is None, blocks))
    tail: list[Block] = []
    for block in reversed(body):
        if block.kind != "heading" or len(tail) == SIGN_OFF_MAX_LINES:
            break
        tail.insert(0, block)
    return tail if tail and _DATE_LINE.match(text[tail[-1].start : tail[-1].end].strip()) else []


def paper_parts(
    doc_id: str, text: str, blocks: tuple[Block, ...] | list[Block], passages: list[Passage]
) -> list[Passage]:
    """``passages`` with the paper's front matter and its sign-off, each a passage of its own, in order.

    The sign-off's heading is the front matter read as one line, so a question about "the paper on the
    2009 Shenzhen-Hong Kong meeting" finds when, and by whom, that paper was sent.
    """
    front, sign_off = _front_matter(text, blocks), _sign_off(text, blocks)
    title = " ".join(text[b.start : b.end] for b in front) or None
    parts = []
    if front:
        parts.append(
            replace(_passage(doc_id, text, front[0].start, front[-1].end, front[0]), kind=FRONT_MATTER)
        )
    if sign_off:
        signed = _passage(doc_id, text, sign_off[0].start, sign_off[-1].end, sign_off[0])
        parts.append(replace(signed, kind=SIGN_OFF, heading=title))
    return sorted(passages + parts, key=lambda p: p.start)


def _joinable(a: Passage, b: Passage, max_chars: int) -> bool:
    return (
        a.annex == b.annex
        and a.heading == b.heading
        and a.paragraph == b.paragraph
        and (
            (a.kind in ("paragraph", "item") and b.kind in ("paragraph", "item"))
            or a.kind == b.kind == "table_row"
        )
        and b.end - a.start <= max_chars
    )


def merge_short(text: str, passages: list[Passage], min_chars: int, max_chars: int) -> list[Passage]:
    """Join a passage shorter than ``min_chars`` to the next (or else the previous) passage of its section."""
    out: list[Passage] = []
    i = 0
    while i < len(passages):
        current = passages[i]
        nxt = passages[i + 1] if i + 1 < len(passages) else None
        if len(current.text) < min_chars and nxt is not None and _joinable(current, nxt, max_chars):
            passages[i + 1] = _span(text, current, nxt)
            i += 1
            continue
        if len(current.text) < min_chars and out and _joinable(out[-1], current, max_chars):
            out[-1] = _span(text, out[-1], current)
        else:
            out.append(current)
        i += 1
    return out


def _span(text: str, first: Passage, last: Passage) -> Passage:
    return _passage(first.doc_id, text, first.start, last.end, first)


def _passage(doc_id: str, text: str, start: int, end: int, like: Block | Passage) -> Passage:
    """The passage ``text[start:end]``, with the structure (paragraph, heading, annex, page) of ``like``."""
    return Passage(
        chunk_id=f"{doc_id}:{start}-{end}",
        doc_id=doc_id,
        start=start,
        end=end,
        text=text[start:end],
        paragraph=like.paragraph,
        heading=like.heading,
        annex=like.annex,
        page=like.page,
        kind=like.kind,
    )
