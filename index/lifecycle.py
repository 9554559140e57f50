"""An index's life on disk: is it stale for these papers, and is it whole (checksums, then a real load)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus.models import Document
from index.calibration import calibration_hash
from index.paper_terms import TERMS_VERSION
from index.store import IndexLoadError, corpus_hash, read_manifest, resolve, verify_files
from index.tokenizer import dictionary_hash


def stale_reason(root: Path, documents: list[Document], encoder_spec: str) -> str | None:
    """Why the current index does not serve these papers with this encoder and dictionary, or None."""
    try:
        manifest = read_manifest(resolve(root))
    except IndexLoadError as exc:
        return str(exc)
    if manifest["corpus_hash"] != corpus_hash(documents):
        return "the papers or their passages changed"
    if manifest["tokenizer"]["dictionary_hash"] != dictionary_hash():
        return "the domain dictionary or glossary changed"
    if (manifest.get("terms") or {}).get("version") != TERMS_VERSION:
        return "the terms mined from the papers are missing or from another version"
    if manifest["encoder"]["spec"] != encoder_spec:
        return f"the encoder changed to {encoder_spec}"
    if manifest.get("calibration") != calibration_hash(manifest["encoder"]["name"]):
        return "the answer reader's calibration changed"
    return None


def current_manifest(root: Path) -> tuple[Path, dict[str, Any]]:
    """The version folder an index root serves and its manifest (format checked, files not hashed)."""
    folder = resolve(root)
    return folder, read_manifest(folder)


def verify_index(root: Path) -> tuple[Path, dict[str, Any]]:
    """The version folder and its manifest, after checking every file's checksum; raises IndexLoadError."""
    folder = resolve(root)
    manifest = read_manifest(folder)
    verify_files(folder, manifest)
    return folder, manifest
