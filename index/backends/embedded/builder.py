"""Build an embedded index folder in one streamed pass: passages in batches to SQLite, postings, vectors.

Nothing holds the corpus at once: each batch of passages is tokenised, embedded (through the cache),
written to the store and the float16 vector file, and reduced to postings; BM25 and FAISS are built from
those at the end. The manifest is written last and CURRENT switched atomically.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from corpus.models import Document, Passage
from index.backends.embedded.bm25 import BM25Index, PostingsBuilder
from index.backends.embedded.dense import DEFAULT_LARGE_KIND, VectorWriter, build_faiss, choose_kind
from index.backends.embedded.passages import STORE, PassageWriter, save_chunk_ids, save_doc_rows
from index.cache import EmbeddingCache, seed_dir
from index.calibration import calibration_hash, shipped_calibration
from index.encoders.base import Encoder
from index.english import (
    TRANSLATIONS_FILE,
    read_translations,
    shipped_translations,
    translations_hash,
    write_english_side,
)
from index.glossary import Entry
from index.normalize import normalize
from index.paper_terms import TERMS_VERSION, build_paper_terms
from index.sentences import SentenceStore, embedded_text, split_passages
from index.store import (
    CALIBRATION_FILE,
    FORMAT_VERSION,
    PARTIAL,
    VERSIONS,
    corpus_hash,
    switch_current,
    write_manifest,
)
from index.term_stats import CharacterStats
from index.tokenizer import dictionary_hash, tokenize

CACHE = "cache"
SHIPPED_SEED = seed_dir()
BATCH = 2048
DOC_ROWS = "doc_rows.npy"
CHUNK_IDS = "chunk_ids.npy"

Embed = Callable[[list[str]], npt.NDArray[np.float32]]
Tokenize = Callable[[str], list[str]]


def package_version() -> str:
    try:
        return version("policyqa")
    except PackageNotFoundError:
        return "0+unknown"


def indexed_text(passage: Passage, lead_in: str | None = None) -> str:
    """What the legs see of a passage: its heading gives short passages their topic, and a list item the
    sentence that announced the list (``lead_ins``)."""
    context = [c for c in (passage.heading, lead_in) if c and c not in passage.text]
    return "\n".join([*dict.fromkeys(context), passage.text])


# A passage ending like this announces what follows: 候任行政長官的政綱中提出要：, 有關詳情如下—.
_ANNOUNCES = ("：", ":", "—", "－")
# Where the announcing sentence starts, after the last sentence end before it.
_SENTENCE_END = re.compile(r"[。；;!?！？]")


def lead_ins(passages: Sequence[Passage]) -> list[str | None]:
    """Each passage's lead-in: for the items of a paragraph's list (14(1), 14(2) … of 14; 17(i) of 17, as
    the corpus labels them), the last sentence of that paragraph when it ends announcing them; None for
    any other passage.

    What a list is (the items of the CE-elect's platform) is said only before it: 「候任行政長官的政綱中
    提出要：」 then 「(1) 加大力度協助香港各產業……」. Indexed with it, an item is found by a question about
    the platform, which its own words never name.
    """
    out: list[str | None] = []
    announced: dict[tuple[str, str], str | None] = {}  # (doc_id, paragraph) -> its announcing sentence
    for passage in passages:
        label = passage.paragraph or ""
        parent = label[: label.rfind("(")] if label.endswith(")") else ""
        out.append(announced.get((passage.doc_id, parent)) if parent else None)
        text = passage.text.rstrip()
        if label and not parent:
            ends = list(_SENTENCE_END.finditer(text, 0, len(text) - 1))
            lead = text[ends[-1].end() if ends else 0 :].strip() if text.endswith(_ANNOUNCES) else ""
            announced[passage.doc_id, label] = lead or None
    return out


def progress_bar(total: int | None, desc: str, unit: str = "passage", show: bool = True) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=not show or total == 0)


def cached_embedder(encoder: Encoder, cache: EmbeddingCache) -> tuple[Embed, list[int]]:
    """An embed function that encodes only texts the cache lacks; the list counts those it encoded.

    The cache is saved after every batch the encoder ran, so a build killed midway resumes from there.
    """
    encoded = [0]

    def embed(texts: list[str]) -> npt.NDArray[np.float32]:
        missing = [t for t in dict.fromkeys(texts) if cache.get(t) is None]
        if missing:
            for text, vector in zip(missing, encoder.encode_documents(missing), strict=True):
                cache.put(text, vector)
            encoded[0] += len(missing)
            cache.save()
        rows = [cache.get(t) for t in texts]
        return np.stack([r for r in rows if r is not None]).astype(np.float32)

    return embed, encoded


def _batches(
    documents: Iterable[Document], writer: PassageWriter, size: int
) -> Iterator[list[tuple[Passage, str]]]:
    """Passages with their indexed text, in batches; a document's lead-ins are found over all of it."""
    batch: list[tuple[Passage, str]] = []
    for doc in documents:
        writer.add_document(doc)
        for passage, lead_in in zip(doc.passages, lead_ins(doc.passages), strict=True):
            batch.append((passage, indexed_text(passage, lead_in)))
            if len(batch) == size:
                yield batch
                batch = []
    if batch:
        yield batch


def write_version(
    folder: Path,
    documents: Iterable[Document],
    embed: Embed,
    dim: int,
    tokenizer: Tokenize = tokenize,
    large_kind: str = DEFAULT_LARGE_KIND,
    show_progress: bool = True,
    total: int | None = None,
) -> dict[str, Any]:
    """Write store, BM25 and vectors of ``documents`` into ``folder``; returns the manifest's counts part."""
    (folder / "bm25").mkdir(parents=True)
    writer = PassageWriter(folder / STORE)
    postings = PostingsBuilder()
    vectors = VectorWriter(folder, dim)
    bar = progress_bar(total, "indexing", show=show_progress)
    for batch in _batches(documents, writer, BATCH):
        texts = [text for _, text in batch]
        tokens = [tokenizer(t) for t in texts]
        for toks in tokens:
            postings.add(toks)
        writer.add_passages([p for p, _ in batch], tokens)
        vectors.add(embed(texts))
        bar.update(len(batch))
    bar.close()
    if writer.passages == 0:
        raise ValueError("no passages to index")
    writer.close()
    vectors.close()
    save_doc_rows(folder / DOC_ROWS, writer.doc_row_of_passage)
    save_chunk_ids(folder / CHUNK_IDS, writer.chunk_ids)
    postings.build().save(folder / "bm25")
    kind = choose_kind(vectors.rows, large_kind)
    exact = vectors.float32()
    stored = exact if exact is not None else np.load(vectors.path, mmap_mode="r", allow_pickle=False)
    bar = progress_bar(vectors.rows, f"faiss {kind}", "vector", show_progress)
    index = build_faiss(stored, kind, progress=bar.update)
    bar.close()
    import faiss

    faiss.write_index(index, str(folder / "dense.faiss"))
    return {"passages": writer.passages, "documents": writer.documents, "dense_kind": kind}


def build_index(
    documents: list[Document],
    encoder: Encoder,
    root: Path,
    encoder_spec: str,
    show_progress: bool = True,
    large_kind: str = DEFAULT_LARGE_KIND,
    seed: Path | None = SHIPPED_SEED,
    uploaded_terms: list[Entry] | None = None,
    switch: bool = True,
) -> Path:
    """Write a new version folder under ``root/versions`` and switch ``root/CURRENT`` to it.

    Texts whose vectors are in the cache or in ``seed`` (default: the one shipped) are not embedded again.
    ``uploaded_terms`` are glossary entries given with the papers; they rank with the curated glossary.
    With ``switch=False`` the finished version sits beside the served one until ``switch_current``.
    """
    started = time.perf_counter()
    root.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    digest = corpus_hash(documents)
    name = f"{stamp}-{digest[:8]}"
    tmp = root / VERSIONS / (name + PARTIAL)
    if tmp.exists():
        shutil.rmtree(tmp)
    cache = EmbeddingCache(root / CACHE, encoder.name, encoder.dim, seed=seed)
    embed, encoded = cached_embedder(encoder, cache)
    total = sum(len(d.passages) for d in documents)
    counts = write_version(
        tmp, documents, embed, encoder.dim, large_kind=large_kind, show_progress=show_progress, total=total
    )
    # The answer reader's sentences and their vectors (document side of the same encoder, cached too).
    passages = [p for d in documents for p in d.passages]
    sentences = split_passages(passages)
    vectors = np.zeros((0, encoder.dim), dtype=np.float32)
    if sentences:
        vectors = embed([embedded_text(s, passages[s.passage_row]) for s in sentences])
    SentenceStore.from_sentences(sentences, vectors, passages).save(tmp)
    counts["sentences"] = len(sentences)
    CharacterStats.from_texts(normalize(p.text) for p in passages).save(tmp)
    # The passages' English renderings: those shipped, and those made since for added papers.
    renderings = shipped_translations() | read_translations(root / CACHE / TRANSLATIONS_FILE)
    rendered = write_english_side(tmp, (p.text for p in passages), renderings, embed)
    terms = write_paper_terms(tmp, documents, uploaded_terms or [])
    calibration = shipped_calibration(encoder.name)
    if calibration is not None:
        (tmp / CALIBRATION_FILE).write_text(calibration, encoding="utf-8")
    if cache.dirty:
        cache.save()
    finish_version(
        root,
        tmp,
        name,
        started,
        {"spec": encoder_spec, "name": encoder.name, "dim": encoder.dim},
        digest,
        counts | {"embedded_now": encoded[0]},
        terms,
        switch=switch,
        english={"translations": translations_hash(), "rendered": rendered},
    )
    return root / VERSIONS / name


def write_paper_terms(folder: Path, documents: list[Document], uploaded: list[Entry]) -> dict[str, Any]:
    """Mine the papers and read the dictionary for the words BM25 indexed; the manifest's terms block."""
    vocabulary = BM25Index.load(folder / "bm25").document_frequency()
    terms = build_paper_terms(documents, dict(vocabulary.items()), uploaded)
    terms.save(folder)
    return {"version": TERMS_VERSION, **terms.counts}


def finish_version(
    root: Path,
    tmp: Path,
    name: str,
    started: float,
    encoder: dict[str, Any],
    digest: str,
    counts: dict[str, Any],
    terms: dict[str, Any] | None = None,
    switch: bool = True,
    english: dict[str, Any] | None = None,
) -> None:
    """Manifest last, then the rename and the pointer switch: a reader never sees half an index."""
    dense_kind = counts.pop("dense_kind")
    write_manifest(
        tmp,
        {
            "format_version": FORMAT_VERSION,
            "backend": "embedded",
            "package_version": package_version(),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 2),
            "encoder": encoder,
            "dense": {"kind": dense_kind},
            "tokenizer": {"dictionary_hash": dictionary_hash()},
            "calibration": calibration_hash(encoder["name"]),
            "corpus_hash": digest,
            "counts": counts,
            "terms": terms,
            "english": english,
        },
    )
    tmp.rename(root / VERSIONS / name)
    if switch:
        switch_current(root, name)
