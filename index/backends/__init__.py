"""Retrieval backends behind one Protocol, chosen by a setting: ``embedded`` (bm25s + FAISS) or ``milvus``."""

from __future__ import annotations

from pathlib import Path

from index.backends.base import BACKENDS, MODES, Retriever
from index.encoders.base import Encoder


def open_index(
    root: Path,
    backend: str = "embedded",
    milvus_uri: str | None = None,
    encoder: Encoder | None = None,
    verify: bool = True,
) -> Retriever:
    """The index at ``root`` served by ``backend`` (for milvus, the collection named in root's manifest)."""
    if backend == "embedded":
        from index.backends.embedded.backend import Index

        return Index.load(root, encoder=encoder, verify=verify)
    if backend == "milvus":
        from index.backends.milvus import MilvusIndex

        return MilvusIndex.open(root, milvus_uri, encoder=encoder)
    raise ValueError(f"unknown backend {backend!r}: use one of {BACKENDS}")


__all__ = ["BACKENDS", "MODES", "Retriever", "open_index"]
