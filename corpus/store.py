"""The writable store of added papers: files, glossaries and a manifest, beside the shipped ones.

The store's ``manifest.json`` has the shipped manifest's format, so ``load_corpus(store.folder)`` reads it.
The manifest is the commit point: a file it does not name is a leftover of an interrupted add and is
removed by ``clean_leftovers``; a paper leaves the manifest before its files are deleted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

from corpus.errors import CorpusError
from corpus.manifest import MANIFEST_NAME, load_manifest
from corpus.models import PaperMeta

GLOSSARIES = "glossary"
DOC_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
DATE = re.compile(r"(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
SUFFIXES = (".txt", ".pdf")


class MetaError(CorpusError):
    """A paper's metadata is missing a field or has one in a form policyqa cannot use."""


def slug(name: str) -> str:
    """A doc_id from a file name or title: lower-case ASCII words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].strip("-")


def _text(raw: dict[str, Any], key: str, required: bool) -> str | None:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise MetaError(f"meta: {key} is missing (every paper needs a title_zh and a date)")
        return None
    if not isinstance(value, str):
        raise MetaError(f"meta: {key} must be a string")
    return value.strip()


def _names(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MetaError(f"meta: {key} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def meta_from_upload(raw: object, filename: str, suffix: str) -> PaperMeta:
    """The manifest entry of an uploaded paper from its ``meta`` JSON (stored as ``<doc_id><suffix>``).

    ``title_zh`` and ``date`` (``2012``, ``2012-05`` or ``2012-05-18``) are required; ``doc_id`` defaults
    to the file name's slug and ``title_en`` to ``title_zh``.
    """
    if not isinstance(raw, dict):
        raise MetaError("meta must be a JSON object with the manifest fields (title_zh, date, ...)")
    known = {f for f in PaperMeta.__dataclass_fields__ if f != "file"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise MetaError(f"meta: unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    title_zh = _text(raw, "title_zh", required=True)
    date = _text(raw, "date", required=True)
    assert title_zh is not None and date is not None
    if not DATE.fullmatch(date):
        raise MetaError(f"meta: date {date[:20]!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    doc_id = _text(raw, "doc_id", required=False) or slug(Path(filename).stem)
    if not DOC_ID.fullmatch(doc_id):
        raise MetaError(f"meta: doc_id {doc_id[:70]!r} must be 1-64 lower-case letters, digits and hyphens")
    return PaperMeta(
        doc_id=doc_id,
        file=doc_id + suffix,
        title_zh=title_zh,
        title_en=_text(raw, "title_en", required=False) or title_zh,
        paper_no=_text(raw, "paper_no", required=False),
        committee_zh=_text(raw, "committee_zh", required=False),
        committee_en=_text(raw, "committee_en", required=False),
        bureaus_zh=_names(raw, "bureaus_zh"),
        bureaus_en=_names(raw, "bureaus_en"),
        date=date,
        language=_text(raw, "language", required=False) or "zh-Hant",
        kind=_text(raw, "kind", required=False) or "added-paper",
    )


class PaperStore:
    """A folder of added papers: ``manifest.json``, the files it names, and ``glossary/<doc_id>.tsv``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def metas(self) -> list[PaperMeta]:
        """The added papers (none when the store has no manifest yet)."""
        if not (self.folder / MANIFEST_NAME).exists():
            return []
        return load_manifest(self.folder)

    def has_papers(self) -> bool:
        return bool(self.metas())

    def glossary_path(self, doc_id: str) -> Path:
        return self.folder / GLOSSARIES / f"{doc_id}.tsv"

    def glossary_files(self) -> list[Path]:
        """Glossary entries uploaded with the added papers, one TSV file per paper."""
        return [p for m in self.metas() if (p := self.glossary_path(m.doc_id)).is_file()]

    def add(self, meta: PaperMeta, source: Path, glossary: str | None = None) -> None:
        """Copy a checked paper (and its glossary entries) in, then name it in the manifest (the commit)."""
        metas = self.metas()
        if any(m.doc_id == meta.doc_id for m in metas):
            raise CorpusError(f"{meta.doc_id}: already in the store")
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / meta.file
        tmp = target.with_name(target.name + ".tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
        if glossary is not None:
            path = self.glossary_path(meta.doc_id)
            path.parent.mkdir(exist_ok=True)
            path.with_name(path.name + ".tmp").write_text(glossary, encoding="utf-8")
            os.replace(path.with_name(path.name + ".tmp"), path)
        self._write_manifest([*metas, meta])

    def remove(self, doc_id: str) -> None:
        """Drop a paper from the manifest (the commit), then delete its files."""
        metas = self.metas()
        gone = [m for m in metas if m.doc_id == doc_id]
        if not gone:
            raise CorpusError(f"{doc_id}: not an added paper")
        self._write_manifest([m for m in metas if m.doc_id != doc_id])
        (self.folder / gone[0].file).unlink(missing_ok=True)
        self.glossary_path(doc_id).unlink(missing_ok=True)

    def clean_leftovers(self) -> list[Path]:
        """Delete files no manifest entry names (an add killed before its commit); returns them."""
        if not self.folder.is_dir():
            return []
        metas = self.metas()
        kept = {self.folder / MANIFEST_NAME} | {self.folder / m.file for m in metas}
        kept |= {self.glossary_path(m.doc_id) for m in metas}
        removed = []
        for path in [*self.folder.iterdir(), *(self.folder / GLOSSARIES).glob("*")]:
            if path.is_file() and path not in kept:
                path.unlink()
                removed.append(path)
        return removed

    def _write_manifest(self, metas: list[PaperMeta]) -> None:
        rows = [asdict(m) for m in metas]
        tmp = self.folder / (MANIFEST_NAME + ".tmp")
        tmp.write_text(json.dumps({"papers": rows}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, self.folder / MANIFEST_NAME)
