"""Retrieval backends behind one Protocol, chosen by a setting: ``embedded`` (bm25s + FAISS) or ``milvus``."""

from __future__ import annotations

from pathlib import Path

from index.backends.base import BACKENDS, MODES, Retriever
from index.encoders import get_encoder
from index.encoders.base import Encoder
from index.encoders.batching import BatchingEncoder
from index.store import read_manifest, resolve


def open_index(
    root: Path,
    backend: str = "embedded",
    milvus_uri: str | None = None,
    encoder: Encoder | None = None,
    verify: bool = True,
    query_batch_ms: float = 0.0,
    query_cache: int = 0,
) -> Retriever:
    """The index at ``root`` served by ``backend`` (for milvus, the collection named after its version).

    With ``query_batch_ms`` or ``query_cache`` the encoder is shared by concurrent questions: their texts
    are encoded in micro-batches collected for that long, and the last ``query_cache`` vectors are kept.
    """
    if query_batch_ms > 0 or query_cache > 0:
        encoder = encoder or get_encoder(read_manifest(resolve(Path(root)))["encoder"]["spec"])
        encoder = BatchingEncoder(encoder, query_batch_ms, query_cache)
    if backend == "embedded":
        from index.backends.embedded.backend import Index

        return Index.load(root, encoder=encoder, verify=verify)
    if backend == "milvus":
        from index.backends.milvus import MilvusIndex

        return MilvusIndex.open(root, milvus_uri, encoder=encoder)
    raise ValueError(f"unknown backend {backend!r}: use one of {BACKENDS}")


__all__ = ["BACKENDS", "MODES", "Retriever", "open_index"]
