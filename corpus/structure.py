"""Turn extracted text into cleaned text plus its structure: paragraphs, headings, annexes, footnotes, pages.

The extracted text is read line by line. Each line is classified (page number, running head, paragraph
start, heading, footnote, table cell, continuation) and lines are grouped into blocks; a block's lines are
joined by ``cleaning.join_lines``. The cleaned document text is the blocks joined by blank lines, and every
block records its offsets in it, so every citation can be checked against the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from corpus.cleaning import (
    ends_sentence,
    join_lines,
    normalize_unicode,
    page_number,
    strip_bullet,
    tidy_spaces,
)
from corpus.models import Block
from corpus.sections import SECTION_NAMES

PAGE_BREAK = "\f"
BLOCK_SEPARATOR = "\n\n"

CN_NUM = "一二三四五六七八九十"
_PARA = re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(?=\S)")
_SUB_ARABIC = re.compile(r"^[(（](\d{1,2})[)）]\s*")
_SUB_ROMAN = re.compile(r"^-?\s*[(（]([ivx]{1,4})[)）]\s*")
_CN_PAREN = re.compile(f"^[(（]([{CN_NUM}]{{1,3}})[)）]\\s*")
_CN_ENUM = re.compile(f"^([{CN_NUM}]{{1,3}})、\\s*")
_ANNEX = re.compile(f"^附件[{CN_NUM}\\d]*$")
_FOOTNOTE = re.compile(r"^(\d{1,2})\s{2,}(?=\S)")
_TABLE_ROW_START = re.compile(r"^[\u4e00-\u9fff]{2,8} [\u4e00-\u9fff]")
_NO_TABLE = re.compile("[。；！？;]")
# Punctuation that body text has within a line and a paper's front matter (its number, committee and title)
# does not.
_RUNNING_TEXT = re.compile("[，。、；：,;:]")
TABLE_COMMA_MAX = 10
HEADING_MAX = 40
TABLE_CELL_MAX = 16
TABLE_MIN_LINES = 8


@dataclass
class _Line:
    text: str
    index: int
    pdf_page: int | None
    kind: str = "text"  # text | blank | page | head | rule | table
    page_no: int | None = None


@dataclass
class _Open:
    kind: str
    lines: list[str]
    first_line: int
    paragraph: str | None = None
    heading: str | None = None
    annex: str | None = None
    pdf_page: int | None = None


@dataclass
class Structured:
    """Cleaned text and its blocks."""

    text: str
    blocks: list[Block] = field(default_factory=list)


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    pages = raw.split(PAGE_BREAK)
    has_pdf_pages = len(pages) > 1
    for page_index, page in enumerate(pages):
        for text in page.split("\n"):
            line = _Line(
                text=text.rstrip(), index=len(lines), pdf_page=page_index + 1 if has_pdf_pages else None
            )
            if not line.text:
                # A long run of spaces is the rule PDF extraction leaves above a page's footnotes.
                line.kind = "rule" if len(text) >= 20 else "blank"
            lines.append(line)
    return lines


_EDGE_PAGE_NUMBER = re.compile(r"^\d{1,3}\s*|\s*\d{1,3}$")


def _running_heads(lines: list[_Line]) -> set[str]:
    """Short lines that recur: running heads of a booklet, a table header repeated on the next page."""
    texts = [_EDGE_PAGE_NUMBER.sub("", tidy_spaces(line.text)) for line in lines if line.kind == "text"]
    counts = Counter(text for text in texts if 4 <= len(text) <= HEADING_MAX)
    return {
        text
        for text, n in counts.items()
        if n >= 2 and not re.search(r"\d", text) and not re.search("[。，；：、]", text)
    }


def _page_chain(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of page-number candidates that rises by 1 to 8 each step (drops chart values)."""
    best: list[list[tuple[int, int]]] = []
    for i, (idx, num) in enumerate(candidates):
        chain = [(idx, num)]
        for j in range(i):
            prev = best[j]
            if 1 <= num - prev[-1][1] <= 8 and len(prev) + 1 > len(chain):
                chain = [*prev, (idx, num)]
        best.append(chain)
    return max(best, key=len, default=[])


def _mark_page_lines(lines: list[_Line], heads: set[str]) -> None:
    candidates: list[tuple[int, int]] = []
    for line in lines:
        if line.kind != "text":
            continue
        text = tidy_spaces(line.text)
        for head in sorted(heads, key=len, reverse=True):
            if head in text and text != head:
                text = text.replace(head, "").strip()
        num = page_number(text)
        if num is not None and 1 < num < 400:
            candidates.append((line.index, num))
    for idx, num in _page_chain(candidates):
        lines[idx].kind = "page"
        lines[idx].page_no = num
    seen: set[str] = set()
    for line in lines:
        if line.kind != "text":
            continue
        text = _EDGE_PAGE_NUMBER.sub("", tidy_spaces(line.text))
        if text in heads:
            if text in seen:
                line.kind = "head"
            seen.add(text)


def _mark_tables(lines: list[_Line]) -> None:
    """Runs of many short lines without sentence punctuation are tables, charts or map labels."""
    run: list[_Line] = []

    def close() -> None:
        if len(run) >= TABLE_MIN_LINES:
            for line in run:
                line.kind = "table"
        run.clear()

    for line in lines:
        if line.kind in ("blank", "head", "page"):
            continue
        text = tidy_spaces(line.text)
        if (
            line.kind == "text"
            and len(text) <= TABLE_CELL_MAX
            and not _NO_TABLE.search(text)
            and not (re.search("[，：:]", text) and len(text) > TABLE_COMMA_MAX)
            and not _PARA.match(text)
        ):
            run.append(line)
        else:
            close()
    close()


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.block_lines: list[int] = []
        self.block_pdf_pages: list[int | None] = []

    def emit(self, block: _Open) -> None:
        text = join_lines(block.lines)
        if block.kind == "item":
            text = strip_bullet(text)
        if not text:
            return
        if self.parts:
            self.parts.append(BLOCK_SEPARATOR)
            self.length += len(BLOCK_SEPARATOR)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.blocks.append(
            Block(
                kind=block.kind,
                start=start,
                end=self.length,
                paragraph=block.paragraph,
                heading=block.heading,
                annex=block.annex,
            )
        )
        self.block_lines.append(block.first_line)
        self.block_pdf_pages.append(block.pdf_page)


def ends_paragraph(text: str) -> bool:
    """A paragraph ends on a full stop, never on a semicolon or comma."""
    stripped = text.rstrip().rstrip("」』）)》〉”’")
    if re.search(r"(如下|包括|下列|以下)\s*[—–-]$", stripped):
        return True
    return bool(stripped) and stripped[-1] in "。！？!?：:"


def _is_heading(text: str, previous_closed: bool, wrapped: bool) -> bool:
    return (
        previous_closed
        and not wrapped
        and 0 < len(text) <= HEADING_MAX
        and not ends_sentence(text)
        and not re.search("[，,]", text)
        and not re.search("[：:]$", text)
        and page_number(text) is None
    )


class _Parser:
    """Walks the classified lines and opens a block at each structural start."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.out = _Builder()
        self.current: _Open | None = None
        self.heading: str | None = None
        self.annex: str | None = None
        self.top: int = 0
        self.top_label: str | None = None
        self.cn1: str | None = None
        self.cn2: str | None = None
        self.annex_uses_cn = False
        self.in_front = True
        widths = sorted(len(tidy_spaces(ln.text)) for ln in lines if ln.kind == "text")
        long_widths = [w for w in widths if w > 10]
        self.width = long_widths[len(long_widths) // 2] if long_widths else 30

    def close(self) -> None:
        if self.current is not None:
            self.out.emit(self.current)
        self.current = None

    def open(self, kind: str, line: _Line, text: str, paragraph: str | None = None) -> None:
        self.close()
        self.current = _Open(
            kind=kind,
            lines=[text],
            first_line=line.index,
            paragraph=paragraph,
            heading=self.heading,
            annex=self.annex,
            pdf_page=line.pdf_page,
        )

    def previous_closed(self) -> bool:
        if self.current is None:
            return True
        if self.current.kind in ("heading", "table_row"):
            return True
        return ends_paragraph(self.current.lines[-1])

    def run(self) -> Structured:
        for line in self.lines:
            if line.kind in ("blank", "head", "page"):
                continue
            if line.kind == "rule":
                if self.current is not None and self.current.kind != "footnote":
                    self.close()
                continue
            if line.kind == "table":
                self.table_line(line)
                continue
            self.text_line(line)
        self.close()
        text = "".join(self.out.parts)
        return Structured(text=text, blocks=self.out.blocks)

    def table_line(self, line: _Line) -> None:
        text = tidy_spaces(line.text)
        spaced = " ".join(line.text.split())
        if self.current is None or self.current.kind != "table_row" or _TABLE_ROW_START.match(spaced):
            self.open("table_row", line, text, paragraph=self.top_label)
        else:
            self.current.lines.append(text)

    def start_annex(self, line: _Line, text: str) -> None:
        if self.annex is not None and self.relocate_annex(text):
            return
        self.annex = text
        self.heading = None
        self.top = 0
        self.top_label = None
        self.cn1 = self.cn2 = None
        self.annex_uses_cn = False
        self.open("heading", line, text)
        self.close()

    def text_line(self, line: _Line) -> None:
        raw = line.text.strip()
        text = tidy_spaces(raw)
        closed = self.previous_closed()
        if self.front_line(text):
            self.open("heading", line, text)
            return
        if _ANNEX.match(text):
            self.start_annex(line, text)
            return
        m = _FOOTNOTE.match(raw)
        in_footnotes = self.current is not None and self.current.kind == "footnote"
        if m and not _PARA.match(raw) and (in_footnotes or self.after_rule(line)):
            self.open("footnote", line, text, paragraph=f"fn{m.group(1)}")
            return
        if self.current is not None and self.current.kind == "footnote" and not closed:
            self.current.lines.append(text)
            return
        m = _PARA.match(text)
        if m and self.accept_number(int(m.group(1))):
            self.open_numbered(line, text, int(m.group(1)))
            return
        m = _SUB_ARABIC.match(text) or _SUB_ROMAN.match(text)
        if m and self.top_label is not None:
            self.open("paragraph", line, text, paragraph=f"{self.top_label}({m.group(1)})")
            return
        m = _CN_ENUM.match(text)
        if m and closed:
            self.cn1, self.cn2 = m.group(1), None
            self.annex_uses_cn = self.annex is not None
            self.heading = text
            self.open("heading", line, text, paragraph=f"{m.group(1)}")
            return
        m = _CN_PAREN.match(text)
        if m and closed:
            if (
                len(text) <= HEADING_MAX
                and not ends_sentence(text)
                and not self.wraps(text)
                and "，" not in text
                # a heading never leaves a 《title》 open: 「（四）繼續開展《深港創新圈建設三年行動計劃」
                # runs on into 「（2009-2011）》，加強…」
                and text.count("《") <= text.count("》")
            ):
                self.heading = text
                self.open("heading", line, text)
                return
            self.cn2 = m.group(1)
            label = f"{self.cn1}({self.cn2})" if self.cn1 else f"({self.cn2})"
            self.open("paragraph", line, text, paragraph=label)
            return
        if text.startswith("◢"):
            body = strip_bullet(text)
            self.open("item", line, body)
            return
        if self.current is not None and not closed:
            self.current.lines.append(text)
            return
        if _is_heading(text, closed, self.wraps(text) and not self.next_starts_structure(line)):
            self.heading = text
            self.open("heading", line, text)
            return
        if self.current is not None and self.current.kind in ("paragraph", "item") and self.continues(line):
            self.current.lines.append(text)
            return
        self.open("paragraph", line, text, paragraph=self.continued_label())

    def front_line(self, text: str) -> bool:
        """A line of the paper's front matter, before its first paragraph: 立法會CB(2)2193/11-12(01)號文件,
        a committee's name, the title. Each is its own heading, however nearly full-width the line is (a
        long committee name would otherwise run on into the title and the first paragraph)."""
        in_front = self.in_front and (self.current is None or self.current.kind == "heading")
        if (
            in_front
            and text not in SECTION_NAMES
            and len(text) <= HEADING_MAX
            and not _RUNNING_TEXT.search(text)
            # a numbered paragraph or heading ((一) 統籌部門), or an annex, starts the body
            and not any(p.match(text) for p in (_PARA, _CN_PAREN, _CN_ENUM, _ANNEX))
        ):
            return True
        self.in_front = False
        return False

    def continued_label(self) -> str | None:
        """An unnumbered paragraph right after a numbered one (or its sub-items) continues its number."""
        blocks = self.out.blocks
        if self.current is not None:
            self.close()
        if blocks and blocks[-1].kind == "paragraph" and blocks[-1].annex == self.annex and self.top_label:
            return self.top_label
        return None

    def relocate_annex(self, annex: str) -> bool:
        """An annex marker printed as a page header can surface after the annex's first lines.

        When the current annex restarted its numbering with a titled ``一、`` list, the new annex began at
        that title: relabel the blocks from there and drop the late marker.
        """
        self.close()
        blocks = self.out.blocks
        for i in range(len(blocks) - 1, 0, -1):
            block = blocks[i]
            if block.annex != self.annex:
                return False
            if block.kind == "heading" and block.paragraph == "一":
                title = blocks[i - 1]
                if title.kind != "heading" or title.annex != self.annex:
                    return False
                for j in range(i - 1, len(blocks)):
                    blocks[j] = replace(blocks[j], annex=annex)
                self.annex = annex
                return True
        return False

    def next_starts_structure(self, line: _Line) -> bool:
        """The next line opens a numbered paragraph, list or annex, so this line is complete."""
        for nxt in self.lines[line.index + 1 :]:
            if nxt.kind in ("blank", "head", "page", "rule"):
                continue
            text = tidy_spaces(nxt.text)
            m = _PARA.match(text)
            if m and int(m.group(1)) == self.top + 1:
                return True
            return bool(_CN_ENUM.match(text) or _CN_PAREN.match(text) or _ANNEX.match(text))
        return True

    def wraps(self, text: str) -> bool:
        """A nearly full-width line without a final stop runs on into the next line."""
        return len(text) >= 0.8 * self.width and not ends_sentence(text)

    def after_rule(self, line: _Line) -> bool:
        for prev in reversed(self.lines[: line.index]):
            if prev.kind == "blank":
                continue
            return prev.kind == "rule" or (prev.kind == "text" and bool(_FOOTNOTE.match(prev.text.strip())))
        return False

    def continues(self, line: _Line) -> bool:
        """A line after a full-width line ending a sentence still belongs to the same paragraph."""
        assert self.current is not None
        last = tidy_spaces(self.current.lines[-1])
        return len(last) >= 0.8 * self.width and ends_sentence(last) and self.current.kind != "heading"

    def accept_number(self, number: int) -> bool:
        if self.annex_uses_cn:
            return True
        return number == self.top + 1 or (self.top == 0 and number in (1, 2))

    def open_numbered(self, line: _Line, text: str, number: int) -> None:
        if self.annex_uses_cn:
            label = f"{self.cn1 or ''}" + (f"({self.cn2})" if self.cn2 else "") + str(number)
            self.open("paragraph", line, text, paragraph=label)
            return
        if number == 2 and self.top == 0:
            self.label_implicit_first()
        self.top = number
        self.top_label = str(number)
        self.open("paragraph", line, text, paragraph=str(number))

    def label_implicit_first(self) -> None:
        """Papers leave paragraph 1 unnumbered; the last unnumbered paragraph before ``2.`` is it."""
        self.close()
        blocks = self.out.blocks
        for i in range(len(blocks) - 1, -1, -1):
            block = blocks[i]
            if block.annex != self.annex:
                break
            if block.kind == "paragraph" and block.paragraph is None:
                blocks[i] = replace(block, paragraph="1")
                break


def _assign_pages(lines: list[_Line], out: _Builder) -> list[Block]:
    """Page of each block: exact from PDF page breaks, else from printed page numbers where bounded."""
    markers = [(line.index, line.page_no) for line in lines if line.kind == "page" and line.page_no]
    blocks = out.blocks
    result: list[Block] = []
    lengths = [len(line.text.strip()) for line in lines]
    cumulative = [0]
    for n in lengths:
        cumulative.append(cumulative[-1] + n)
    known_page_chars = []
    if markers and markers[0][1] == 2:
        known_page_chars.append(cumulative[markers[0][0]])
    for (a, na), (b, nb) in pairwise(markers):
        if nb == na + 1:
            known_page_chars.append(cumulative[b] - cumulative[a])
    page_chars = max(known_page_chars) if known_page_chars else 1000
    for block, first_line, pdf_page in zip(blocks, out.block_lines, out.block_pdf_pages, strict=True):
        page = (
            pdf_page if pdf_page is not None else _printed_page(first_line, markers, cumulative, page_chars)
        )
        result.append(replace(block, page=page))
    return result


def _printed_page(
    first_line: int, markers: list[tuple[int, int]], cumulative: list[int], page_chars: int
) -> int | None:
    if not markers:
        return None
    before = [(i, n) for i, n in markers if i < first_line]
    after = [(i, n) for i, n in markers if i > first_line]
    if before:
        idx, num = before[-1]
        if after and after[0][1] == num + 1:
            return num
        return num if cumulative[first_line] - cumulative[idx] <= page_chars else None
    idx, num = after[0]
    if num == 2 or cumulative[idx] - cumulative[first_line] <= page_chars:
        return num - 1
    return None


def structure(raw: str) -> Structured:
    """Clean extracted text and find its structure. Page breaks (``\\f``) from a PDF give exact pages."""
    lines = _split_lines(normalize_unicode(raw))
    heads = _running_heads(lines)
    _mark_page_lines(lines, heads)
    _mark_tables(lines)
    parser = _Parser(lines)
    result = parser.run()
    result.blocks = _assign_pages(lines, parser.out)
    return result
