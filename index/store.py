"""An index on disk: a folder of plain files, a manifest written last, and an atomic CURRENT pointer."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from corpus.models import Block, Document, PaperMeta, Passage

# 2: sentence spans and vectors for the answer reader; 3: passages in SQLite, streamed BM25, float16 vectors.
FORMAT_VERSION = 3
MANIFEST = "manifest.json"
CURRENT = "CURRENT"
VERSIONS = "versions"
# A version folder being written; renamed to its final name when whole.
PARTIAL = ".partial"
# The answer reader's calibration for the index's encoder, copied from the shipped ones at build time.
CALIBRATION_FILE = "calibration.json"


class IndexLoadError(Exception):
    """An index is missing, corrupt or built by something else; the message says what to run."""


REBUILD_HINT = "run `policyqa index build` to build a fresh index"
_VERSION_NAME = re.compile(r"[A-Za-z0-9._-]{1,200}")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def corpus_hash(documents: list[Document]) -> str:
    """Hash of every document's id and cleaned text: an index built from other papers is another corpus."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.doc_id):
        digest.update(doc.doc_id.encode() + b"\0" + doc.text.encode() + b"\0")
    return digest.hexdigest()[:16]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "meta": asdict(doc.meta),
        "text": doc.text,
        "blocks": [asdict(b) for b in doc.blocks],
    }


def document_from_row(row: dict[str, Any], passages: tuple[Passage, ...]) -> Document:
    meta = row["meta"]
    meta["bureaus_zh"] = tuple(meta["bureaus_zh"])
    meta["bureaus_en"] = tuple(meta["bureaus_en"])
    return Document(
        meta=PaperMeta(**meta),
        text=row["text"],
        blocks=tuple(Block(**b) for b in row["blocks"]),
        passages=passages,
    )


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Checksum every file in the folder, then write the manifest last (its presence marks a whole index)."""
    files = {
        str(p.relative_to(folder)): sha256_file(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }
    manifest = {**manifest, "files": files}
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.exists():
        raise IndexLoadError(
            f"{folder}: no {MANIFEST} (the build did not finish or this is not an index); {REBUILD_HINT}"
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise IndexLoadError(f"{path}: unreadable manifest ({exc}); {REBUILD_HINT}") from exc
    if not isinstance(manifest, dict):
        raise IndexLoadError(f"{path}: not a manifest (a JSON object is expected); {REBUILD_HINT}")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexLoadError(
            f"{folder}: index format {manifest.get('format_version')!r}, "
            f"this policyqa reads {FORMAT_VERSION}; " + REBUILD_HINT
        )
    problem = _manifest_shape_problem(manifest)
    if problem:
        raise IndexLoadError(f"{path}: malformed manifest ({problem}); {REBUILD_HINT}")
    return manifest


# What readers of a manifest rely on, as (path, type); anything else in it is informative only.
_SHAPE: tuple[tuple[tuple[str, ...], type | tuple[type, ...]], ...] = (
    (("built_at",), str),
    (("corpus_hash",), str),
    (("encoder",), dict),
    (("encoder", "spec"), str),
    (("encoder", "name"), str),
    (("encoder", "dim"), int),
    (("tokenizer",), dict),
    (("tokenizer", "dictionary_hash"), str),
    (("counts",), dict),
    (("files",), dict),
)


def _manifest_shape_problem(manifest: dict[str, Any]) -> str | None:
    for keys, kind in _SHAPE:
        value: Any = manifest
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if not isinstance(value, kind) or isinstance(value, bool):
            return f"{'.'.join(keys)} is missing or not a {getattr(kind, '__name__', kind)}"
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in manifest["files"].items()):
        return "files must map names to checksums"
    if any(Path(name).is_absolute() or ".." in Path(name).parts for name in manifest["files"]):
        return "files must stay inside the index folder"
    return None


def verify_files(folder: Path, manifest: dict[str, Any]) -> None:
    """Every file the manifest lists exists with its checksum; fail loudly on the first that does not."""
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.exists():
            raise IndexLoadError(f"{path}: missing from the index; {REBUILD_HINT}")
        actual = sha256_file(path)
        if actual != expected:
            raise IndexLoadError(f"{path}: checksum mismatch (corrupt or truncated); {REBUILD_HINT}")


def resolve(root: Path) -> Path:
    """The version folder an index path means: the folder itself, or the one CURRENT points at."""
    if (root / MANIFEST).exists():
        return root
    pointer = root / CURRENT
    if not pointer.exists():
        raise IndexLoadError(f"{root}: no index here (no {CURRENT} pointer); {REBUILD_HINT}")
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexLoadError(f"{pointer}: unreadable pointer ({exc}); {REBUILD_HINT}") from exc
    if not _VERSION_NAME.fullmatch(name) or name in (".", ".."):
        raise IndexLoadError(f"{pointer}: does not name a version folder ({name[:40]!r}); {REBUILD_HINT}")
    target = root / VERSIONS / name
    if not target.is_dir():
        raise IndexLoadError(f"{root}: {CURRENT} points at a missing version {target.name}; {REBUILD_HINT}")
    return target


def switch_current(root: Path, version: str) -> None:
    """Point CURRENT at a finished version atomically: a reader sees the old index or the new one."""
    tmp = root / (CURRENT + ".tmp")
    tmp.write_text(version + "\n", encoding="utf-8")
    os.replace(tmp, root / CURRENT)
