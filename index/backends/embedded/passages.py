"""Passages and documents on disk in SQLite: a million passages are rows, not a million Python objects."""

from __future__ import annotations

import json
import mmap
import sqlite3
import threading
from array import array
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import numpy as np
import numpy.typing as npt

from corpus.models import Block, Document, PaperMeta, Passage

STORE = "passages.sqlite"

_SCHEMA = """
CREATE TABLE documents (
    doc_row INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL, meta TEXT NOT NULL, text TEXT NOT NULL,
    blocks TEXT NOT NULL
);
CREATE TABLE passages (
    row INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL, doc_row INTEGER NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text TEXT NOT NULL, paragraph TEXT, heading TEXT, annex TEXT, page INTEGER,
    kind TEXT NOT NULL, tokens TEXT NOT NULL
);
"""
_PASSAGE_COLUMNS = (
    'p.chunk_id, d.doc_id, p.start, p."end", p.text, p.paragraph, p.heading, p.annex, p.page, p.kind'
)
_FROM = "FROM passages p JOIN documents d ON d.doc_row = p.doc_row"


def meta_from_json(text: str) -> PaperMeta:
    meta = json.loads(text)
    meta["bureaus_zh"] = tuple(meta["bureaus_zh"])
    meta["bureaus_en"] = tuple(meta["bureaus_en"])
    return PaperMeta(**meta)


class PassageWriter:
    """Streams documents and passages into a new store; rows are numbered in the order they arrive."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path)
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self._doc_rows: dict[str, int] = {}
        self.passages = 0
        self.doc_row_of_passage = array("i")
        self.chunk_ids: list[bytes] = []

    @property
    def documents(self) -> int:
        return len(self._doc_rows)

    def add_document(self, doc: Document) -> int:
        """Store a document (its passages come separately); returns its row."""
        if doc.doc_id in self._doc_rows:
            raise ValueError(f"document {doc.doc_id!r} given twice")
        row = len(self._doc_rows)
        self._db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
            (
                row,
                doc.doc_id,
                json.dumps(asdict(doc.meta), ensure_ascii=False),
                doc.text,
                json.dumps([asdict(b) for b in doc.blocks], ensure_ascii=False),
            ),
        )
        self._doc_rows[doc.doc_id] = row
        return row

    def add_passages(self, passages: list[Passage], tokens: list[list[str]]) -> None:
        rows = []
        for p, toks in zip(passages, tokens, strict=True):
            doc_row = self._doc_rows[p.doc_id]
            rows.append(
                (
                    self.passages,
                    p.chunk_id,
                    doc_row,
                    p.start,
                    p.end,
                    p.text,
                    p.paragraph,
                    p.heading,
                    p.annex,
                    p.page,
                    p.kind,
                    json.dumps(sorted(set(toks)), ensure_ascii=False),
                )
            )
            self.doc_row_of_passage.append(doc_row)
            self.chunk_ids.append(p.chunk_id.encode("utf-8"))
            self.passages += 1
        self._db.executemany("INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def close(self) -> None:
        self._db.execute("CREATE INDEX passages_by_doc ON passages (doc_row, paragraph)")
        self._db.commit()
        self._db.close()


class PassageStore:
    """Read side: passages by row or chunk id, documents by id, neighbours in a paragraph; thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        metas = self._db().execute("SELECT doc_row, meta FROM documents ORDER BY doc_row").fetchall()
        # Document metadata is small (one row a paper) and filters read it on every query.
        self.metas: list[PaperMeta] = [meta_from_json(m) for _, m in metas]
        self._doc_rows = {m.doc_id: i for i, m in enumerate(self.metas)}

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def row_of(self, chunk_id: str) -> int | None:
        found = self._db().execute("SELECT row FROM passages WHERE chunk_id = ?", (chunk_id,)).fetchone()
        return None if found is None else int(found[0])

    def passage_at(self, row: int) -> Passage:
        found = self._db().execute(f"SELECT {_PASSAGE_COLUMNS} {_FROM} WHERE p.row = ?", (row,)).fetchone()
        if found is None:
            raise IndexError(f"no passage on row {row}")
        return Passage(*found)

    def doc_row(self, doc_id: str) -> int | None:
        return self._doc_rows.get(doc_id)

    def by_chunk_id(self, chunk_ids: list[str]) -> dict[str, tuple[Passage, frozenset[str]]]:
        """Passages (with their token sets) by chunk id."""
        if not chunk_ids:
            return {}
        marks = ",".join("?" * len(chunk_ids))
        found = self._db().execute(
            f"SELECT p.tokens, {_PASSAGE_COLUMNS} {_FROM} WHERE p.chunk_id IN ({marks})", chunk_ids
        )
        return {row[1]: (Passage(*row[1:]), frozenset(json.loads(row[0]))) for row in found}

    def passage(self, chunk_id: str) -> Passage | None:
        found = self._db().execute(f"SELECT {_PASSAGE_COLUMNS} {_FROM} WHERE p.chunk_id = ?", (chunk_id,))
        row = found.fetchone()
        return None if row is None else Passage(*row)

    def neighbours(self, chunk_id: str) -> list[Passage]:
        """The passages of the same paragraph of the same paper, in reading order (the passage included)."""
        query = (
            f"SELECT {_PASSAGE_COLUMNS} {_FROM} JOIN passages q ON q.doc_row = p.doc_row "
            "AND q.paragraph IS p.paragraph WHERE q.chunk_id = ? ORDER BY p.start"
        )
        return [Passage(*row) for row in self._db().execute(query, (chunk_id,))]

    def document(self, doc_id: str) -> Document | None:
        doc_row = self._doc_rows.get(doc_id)
        if doc_row is None:
            return None
        text, blocks = (
            self._db().execute("SELECT text, blocks FROM documents WHERE doc_row = ?", (doc_row,)).fetchone()
        )
        passages = self._db().execute(
            f"SELECT {_PASSAGE_COLUMNS} {_FROM} WHERE p.doc_row = ? ORDER BY p.row", (doc_row,)
        )
        return Document(
            meta=self.metas[doc_row],
            text=text,
            blocks=tuple(Block(**b) for b in json.loads(blocks)),
            passages=tuple(Passage(*row) for row in passages),
        )

    def iter_passages(self) -> Iterator[Passage]:
        yield from (
            Passage(*row) for row in self._db().execute(f"SELECT {_PASSAGE_COLUMNS} {_FROM} ORDER BY p.row")
        )

    def iter_with_tokens(self) -> Iterator[tuple[Passage, frozenset[str]]]:
        rows = self._db().execute(f"SELECT p.tokens, {_PASSAGE_COLUMNS} {_FROM} ORDER BY p.row")
        yield from ((Passage(*row[1:]), frozenset(json.loads(row[0]))) for row in rows)

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


def save_doc_rows(path: Path, doc_rows: array[int]) -> None:
    np.save(path, np.asarray(doc_rows, dtype=np.int32), allow_pickle=False)


def save_chunk_ids(path: Path, chunk_ids: list[bytes]) -> None:
    """Row -> chunk id as fixed-width UTF-8 bytes, so serving maps candidates to ids without a query."""
    width = max((len(c) for c in chunk_ids), default=1)
    np.save(path, np.array(chunk_ids, dtype=f"S{width}"), allow_pickle=False)


def load_chunk_ids(path: Path) -> npt.NDArray[np.bytes_]:
    ids: npt.NDArray[np.bytes_] = np.load(path, mmap_mode="r", allow_pickle=False)
    handle = getattr(ids, "_mmap", None)
    if handle is not None and hasattr(mmap, "MADV_RANDOM"):
        handle.madvise(mmap.MADV_RANDOM)  # a few ids a question: no read-ahead
    return ids


def load_doc_rows(path: Path) -> npt.NDArray[np.int32]:
    """Passage row -> document row, memory-mapped (4 bytes a passage): filters become one comparison."""
    rows: npt.NDArray[np.int32] = np.load(path, mmap_mode="r", allow_pickle=False)
    return rows
