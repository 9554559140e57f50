"""Frozen dataclasses that carry the papers across the package boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PaperMeta:
    """What the manifest says about one paper."""

    doc_id: str
    file: str
    title_zh: str
    title_en: str
    paper_no: str | None
    committee_zh: str | None
    committee_en: str | None
    bureaus_zh: tuple[str, ...]
    bureaus_en: tuple[str, ...]
    date: str
    language: str = "zh-Hant"
    kind: str = "legco-paper"


@dataclass(frozen=True)
class Block:
    """A structural unit of a cleaned document: a paragraph, heading, footnote, list item or table row.

    ``start``/``end`` index ``Document.text``; ``paragraph`` is the label a reader cites ("14", "10(1)",
    "二(二)1"); ``annex`` is e.g. "附件一" for text in an annex; ``page`` is the printed page when the text
    shows it.
    """

    kind: str
    start: int
    end: int
    paragraph: str | None = None
    heading: str | None = None
    annex: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class Passage:
    """A retrievable span of a document: ``document.text[start:end] == text``."""

    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    paragraph: str | None
    heading: str | None
    annex: str | None
    page: int | None
    kind: str = "paragraph"


@dataclass(frozen=True)
class Document:
    """A cleaned paper: its text, metadata, structure and passages."""

    meta: PaperMeta
    text: str
    blocks: tuple[Block, ...] = field(default=())
    passages: tuple[Passage, ...] = field(default=())

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id
