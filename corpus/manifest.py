"""The manifest of shipped papers: one JSON file beside the texts."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from corpus.errors import CorpusError
from corpus.models import PaperMeta

MANIFEST_NAME = "manifest.json"


def papers_dir() -> Path:
    """The folder of shipped papers inside the installed package."""
    return Path(str(resources.files("corpus") / "papers"))


def _meta_from_json(entry: dict[str, Any]) -> PaperMeta:
    return PaperMeta(
        doc_id=entry["doc_id"],
        file=entry["file"],
        title_zh=entry["title_zh"],
        title_en=entry["title_en"],
        paper_no=entry.get("paper_no"),
        committee_zh=entry.get("committee_zh"),
        committee_en=entry.get("committee_en"),
        bureaus_zh=tuple(entry.get("bureaus_zh", ())),
        bureaus_en=tuple(entry.get("bureaus_en", ())),
        date=entry["date"],
        language=entry.get("language", "zh-Hant"),
        kind=entry.get("kind", "legco-paper"),
    )


def load_manifest(folder: Path | None = None) -> list[PaperMeta]:
    """Read ``manifest.json`` of a papers folder (the shipped one by default)."""
    folder = folder or papers_dir()
    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise CorpusError(f"{folder}: no {MANIFEST_NAME} (a papers folder needs one, like the shipped one)")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        metas = [_meta_from_json(entry) for entry in raw["papers"]]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise CorpusError(f"{path}: not a papers manifest ({type(exc).__name__}: {exc})") from exc
    ids = [m.doc_id for m in metas]
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate doc_id in {folder / MANIFEST_NAME}")
    return metas


def papers_fingerprint(folder: Path | None = None) -> str:
    """A hash of a papers folder's raw files and of the code that turns them into passages.

    Cheap (no parsing): equal fingerprints mean ``load_corpus`` would return the same documents, so a
    start can tell an index is fresh without reading the papers.
    """
    folder = folder or papers_dir()
    digest = hashlib.sha256()
    manifest = (folder / MANIFEST_NAME).read_bytes()
    digest.update(manifest)
    for meta in load_manifest(folder):
        digest.update(meta.file.encode() + b"\0" + (folder / meta.file).read_bytes() + b"\0")
    code = Path(__file__).parent
    for source in sorted(code.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
