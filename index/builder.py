"""Build an index folder: tokens, BM25, embeddings (cached), FAISS, manifest, then the pointer switch."""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from importlib.abc import Traversable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from corpus.models import Document, Passage
from index.bm25 import BM25Index
from index.cache import EmbeddingCache, seed_dir
from index.dense import HNSW_THRESHOLD, DenseIndex
from index.encoders.base import Encoder
from index.sentences import SentenceStore, split_passages
from index.store import (
    CALIBRATION_FILE,
    FORMAT_VERSION,
    VERSIONS,
    corpus_hash,
    document_row,
    switch_current,
    write_jsonl,
    write_manifest,
)
from index.tokenizer import dictionary_hash, tokenize

CACHE = "cache"
SHIPPED_SEED = seed_dir()


def package_version() -> str:
    try:
        return version("policyqa")
    except PackageNotFoundError:
        return "0+unknown"


def indexed_text(passage: Passage) -> str:
    """What the legs see of a passage: its heading gives short passages their topic."""
    if passage.heading and passage.heading not in passage.text:
        return f"{passage.heading}\n{passage.text}"
    return passage.text


def _progress_bar(total: int, desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="passage", file=sys.stderr, disable=total == 0)


def embed_passages(
    texts: list[str], encoder: Encoder, cache: EmbeddingCache, show_progress: bool = True
) -> tuple[np.ndarray, int]:
    """Vectors for texts, encoding only those the cache lacks; returns (vectors, number encoded)."""
    missing = [t for t in dict.fromkeys(texts) if cache.get(t) is None]
    if missing:
        bar = _progress_bar(len(missing), "embedding") if show_progress else None
        vectors = encoder.encode_documents(missing, progress=bar.update if bar else None)
        if bar:
            bar.close()
        for text, vector in zip(missing, vectors, strict=True):
            cache.put(text, vector)
    if cache.dirty:
        cache.save()
    rows = [cache.get(t) for t in texts]
    return np.stack([r for r in rows if r is not None]).astype(np.float32), len(missing)


def calibration_path(encoder_name: str) -> Traversable:
    """Where the package ships the answer reader's calibration for an encoder."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", encoder_name)
    return resources.files("index") / "data" / "calibration" / f"{safe}.json"


def shipped_calibration(encoder_name: str) -> str | None:
    path = calibration_path(encoder_name)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def calibration_hash(encoder_name: str) -> str | None:
    """Hash of the shipped calibration: a refit makes indexes built before it stale."""
    text = shipped_calibration(encoder_name)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text is not None else None


def build_index(
    documents: list[Document],
    encoder: Encoder,
    root: Path,
    encoder_spec: str,
    show_progress: bool = True,
    hnsw_threshold: int = HNSW_THRESHOLD,
    seed: Path | None = SHIPPED_SEED,
) -> Path:
    """Write a new version folder under ``root/versions`` and switch ``root/CURRENT`` to it.

    Texts whose vectors are in the cache or in ``seed`` (default: the one shipped) are not embedded again.
    """
    started = time.perf_counter()
    root.mkdir(parents=True, exist_ok=True)
    passages = [p for doc in documents for p in doc.passages]
    if not passages:
        raise ValueError("no passages to index")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = f"{stamp}-{corpus_hash(documents)[:8]}"
    tmp = root / VERSIONS / (name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "bm25").mkdir(parents=True)

    texts = [indexed_text(p) for p in passages]
    tokens = [tokenize(t) for t in texts]
    BM25Index.build(tokens).save(tmp / "bm25")

    cache = EmbeddingCache(root / CACHE, encoder.name, encoder.dim, seed=seed)
    vectors, encoded = embed_passages(texts, encoder, cache, show_progress)
    dense = DenseIndex.build(vectors, hnsw_threshold)
    dense.save(tmp / "dense.faiss")
    sentences = split_passages(passages)
    sentence_vectors, sentences_encoded = embed_passages(
        [s.text for s in sentences], encoder, cache, show_progress
    )
    SentenceStore(sentences, sentence_vectors).save(tmp)

    (tmp / "docids.txt").write_text("\n".join(p.chunk_id for p in passages) + "\n", encoding="utf-8")
    write_jsonl(
        tmp / "passages.jsonl", [asdict(p) | {"tokens": t} for p, t in zip(passages, tokens, strict=True)]
    )
    write_jsonl(tmp / "documents.jsonl", [document_row(d) for d in documents])
    calibration = shipped_calibration(encoder.name)
    if calibration is not None:
        (tmp / CALIBRATION_FILE).write_text(calibration, encoding="utf-8")
    write_manifest(
        tmp,
        {
            "format_version": FORMAT_VERSION,
            "package_version": package_version(),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 2),
            "encoder": {"spec": encoder_spec, "name": encoder.name, "dim": encoder.dim},
            "dense": {"kind": dense.kind, "hnsw_threshold": hnsw_threshold},
            "tokenizer": {"dictionary_hash": dictionary_hash()},
            "calibration": calibration_hash(encoder.name),
            "corpus_hash": corpus_hash(documents),
            "counts": {
                "documents": len(documents),
                "passages": len(passages),
                "sentences": len(sentences),
                "embedded_now": encoded + sentences_encoded,
            },
        },
    )
    final = root / VERSIONS / name
    tmp.rename(final)
    switch_current(root, name)
    return final
