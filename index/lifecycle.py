"""An index's life on disk: is it stale for these papers, and is it whole (checksums, then a real load)."""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from corpus.models import Document
from index.calibration import calibration_hash
from index.english import translations_hash
from index.paper_terms import TERMS_VERSION
from index.store import (
    PARTIAL,
    VERSIONS,
    IndexLoadError,
    corpus_hash,
    read_manifest,
    resolve,
    verify_files,
)
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
    if (manifest.get("english") or {}).get("translations") != translations_hash():
        return "the passages' shipped English renderings changed"
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


LOCK = "build.lock"


@contextmanager
def build_lock(root: Path, wait: bool = False) -> Iterator[bool]:
    """Hold the index root's build lock (an advisory ``flock``); yields False when another process has it.

    One build at a time across processes: a server's add job and a ``policyqa index build`` never write
    the same root at once, and leftovers are only swept while no build runs.
    """
    root.mkdir(parents=True, exist_ok=True)
    with (root / LOCK).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_partials(root: Path) -> list[str]:
    """Delete ``.partial`` version folders a killed build left; call with the build lock held."""
    versions = root / VERSIONS
    if not versions.is_dir():
        return []
    gone = [p for p in versions.iterdir() if p.is_dir() and p.name.endswith(PARTIAL)]
    for folder in gone:
        shutil.rmtree(folder, ignore_errors=True)
    return [p.name for p in gone]


def prune_versions(root: Path, keep: int) -> list[str]:
    """Delete finished versions older than the newest ``keep`` (never the one CURRENT serves)."""
    versions = root / VERSIONS
    try:
        serving = resolve(root).name
    except IndexLoadError:
        return []
    finished = sorted(
        (p for p in versions.iterdir() if p.is_dir() and not p.name.endswith(PARTIAL)),
        key=lambda p: p.name,
        reverse=True,
    )
    old = [p for p in finished[max(keep, 1) :] if p.name != serving]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)
    return [p.name for p in old]
