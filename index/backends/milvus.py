"""The Milvus backend: Milvus Lite embedded (a file path) or a Milvus server or cluster (``http://host:19530``).

Our own analysis stays in charge of the text: a passage's BM25 weights (lucene, exactly the bm25s matrix of
the built version) are stored as a sparse vector over our token ids, and a question's tokens (folded
script, domain dictionary, glossary expansions) become a sparse vector of counts, so Milvus's inner product
is our BM25 score. Dense vectors search beside them; both legs run with the filters as a Milvus expression,
and our fusion combines them. A version folder built by the embedded builder is the source: on first open
its passages, documents and vectors are loaded into collections named after the version.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from corpus.models import Block, Document, PaperMeta, Passage
from index.backends.base import CANDIDATES, QueryVector, check_mode
from index.backends.embedded.backend import Index
from index.backends.embedded.builder import build_index
from index.backends.embedded.dense import VECTORS
from index.backends.embedded.passages import STORE, PassageStore, meta_from_json
from index.backends.hits import make_hits
from index.encoders import get_encoder
from index.encoders.base import Encoder
from index.fusion import FusionConfig, fuse, summed
from index.models import Filters, Hit, IndexStats
from index.query import PreparedQuery
from index.sentences import Sentence
from index.store import REBUILD_HINT, VERSIONS, IndexLoadError, read_manifest, resolve
from index.tokenizer import dictionary_hash

LITE_FILE = "milvus.db"
UPLOAD_BATCH = 1000
DOC_PART_CHARS = 16_000  # VARCHAR holds 65 535 bytes: 16k characters of three-byte CJK fit
QUERY_LIMIT = 16_384
# A version's collections are written once before they are served, so reads need not wait for the
# newest timestamp (Strong consistency costs a round of synchronisation per call).
CONSISTENCY = "Bounded"


def collection_name(version: str) -> str:
    return "policyqa_" + "".join(c if c.isalnum() else "_" for c in version)


def _literal(value: str) -> str:
    """A string literal for a Milvus expression (JSON quoting escapes quotes and backslashes)."""
    return json.dumps(value, ensure_ascii=False)


def _like(value: str) -> str:
    escaped = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return _literal(f"%{escaped}%")


def filter_expression(filters: Filters | None) -> str:
    """Filters as a Milvus boolean expression ("" for none); the same meaning as ``Filters.matches``."""
    if not filters:
        return ""
    parts = []
    if filters.doc_ids:
        parts.append(f"doc_id in [{', '.join(_literal(d) for d in filters.doc_ids)}]")
    if filters.date_from:
        parts.append(f"date >= {_literal(filters.date_from)}")
    if filters.date_to:
        # "~" sorts after digits and "-", so "2012~" is above every date that starts with 2012
        parts.append(f"date <= {_literal(filters.date_to + '~')}")
    if filters.bureau:
        parts.append(f"bureaus like {_like(filters.bureau)}")
    if filters.committee:
        parts.append(f"committee like {_like(filters.committee)}")
    return " and ".join(parts)


def _search_keys(meta: PaperMeta) -> dict[str, str]:
    return {
        "doc_id": meta.doc_id,
        "date": meta.date,
        "bureaus": "\t".join(b.casefold() for b in (*meta.bureaus_zh, *meta.bureaus_en)),
        "committee": "\t".join(c.casefold() for c in (meta.committee_zh, meta.committee_en) if c),
    }


class MilvusIndex:
    """A version served from Milvus; the local folder keeps only what analysis needs (vocabulary, DF)."""

    backend = "milvus"

    def __init__(
        self,
        root: Path,
        folder: Path,
        manifest: Mapping[str, Any],
        client: Any,
        local: Index,
        encoder: Encoder,
        uri: str,
    ) -> None:
        self.root = root
        self.path = folder
        self.manifest = manifest
        self.client = client
        self.uri = uri
        self.collection = collection_name(folder.name)
        # The local version folder gives the analysis (vocabulary, document frequencies) and the answer
        # reader's sentences; passages, documents and both search legs come from Milvus.
        self.local = local
        self.encoder = encoder
        self.fusion = FusionConfig()
        self.term_stats = local.term_stats
        self.characters = local.characters
        self.analyzer = local.analyzer
        self.sentences = local.sentences
        self._vocab = local.bm25.vocab
        self._metas = self._read_metas()

    @property
    def version(self) -> str:
        return self.path.name

    @classmethod
    def open(cls, root: Path, uri: str | None = None, encoder: Encoder | None = None) -> MilvusIndex:
        """Connect and, the first time a version is served, load it into Milvus from its folder."""
        from pymilvus import MilvusClient

        root = Path(root)
        folder = resolve(root)
        manifest = read_manifest(folder)
        if manifest["tokenizer"]["dictionary_hash"] != dictionary_hash():
            raise IndexLoadError(
                f"{folder}: built with another domain dictionary or glossary; {REBUILD_HINT}"
            )
        encoder = encoder or get_encoder(manifest["encoder"]["spec"])
        if encoder.name != manifest["encoder"]["name"] or encoder.dim != manifest["encoder"]["dim"]:
            raise IndexLoadError(
                f"{folder}: built with encoder {manifest['encoder']['name']}; {REBUILD_HINT}"
            )
        uri = uri or str(root / LITE_FILE)
        try:
            client = MilvusClient(uri)
        except Exception as exc:  # pymilvus raises its own exception types per transport
            raise IndexLoadError(f"cannot reach Milvus at {uri}: {exc}") from exc
        name = collection_name(folder.name)
        if not client.has_collection(name):
            upload(folder, client, name, manifest["encoder"]["dim"])
        for collection in (name, name + "_docs"):
            client.load_collection(collection)
        count = int(client.get_collection_stats(name)["row_count"])
        if count != manifest["counts"]["passages"]:
            raise IndexLoadError(
                f"Milvus collection {name} holds {count} passages, the index "
                f"{manifest['counts']['passages']}; drop the collection to reload it"
            )
        local = Index.load(folder, encoder=encoder, verify=False)
        return cls(root, folder, manifest, client, local, encoder, uri)

    def _read_metas(self) -> list[PaperMeta]:
        rows = self.client.query(
            self.collection + "_docs", filter="part == 0", output_fields=["meta"], limit=QUERY_LIMIT
        )
        return sorted((meta_from_json(r["meta"]) for r in rows), key=lambda m: m.doc_id)

    def prepare(self, question: str, translation: str | None = None) -> PreparedQuery:
        return self.analyzer.prepare(question, self.fusion, translation)

    def embed_query(self, prepared: PreparedQuery) -> QueryVector:
        return self.embed_queries([prepared])[0]

    def embed_queries(self, prepared: list[PreparedQuery]) -> list[QueryVector]:
        # The local index embeds, so an English question's own vector is kept for its English legs.
        return self.local.embed_queries(prepared)

    def search(
        self,
        query: str | PreparedQuery,
        k: int = 10,
        mode: str = "hybrid",
        filters: Filters | None = None,
        vector: QueryVector | None = None,
    ) -> list[Hit]:
        check_mode(mode)
        prepared = self.prepare(query) if isinstance(query, str) else query
        expression = filter_expression(filters)
        bm25_run: dict[str, float] = {}
        dense_run: dict[str, float] = {}
        if mode in ("hybrid", "bm25"):
            counts = Counter(self._vocab[t] for t in prepared.tokens if t in self._vocab and t != "")
            if counts:
                sparse = {int(i): float(c) for i, c in counts.items()}
                params = {"metric_type": "IP", "params": {"drop_ratio_search": 0.0}}
                bm25_run = self._leg("sparse", sparse, params, expression)
        if mode in ("hybrid", "dense"):
            if vector is None:
                vector = self.embed_query(prepared)
            dense_run = self._leg("dense", vector.tolist(), {"metric_type": "IP"}, expression)
            if prepared.translation:
                translated = self.encoder.encode_queries([prepared.translation])[0]
                translated_run = self._leg("dense", translated.tolist(), {"metric_type": "IP"}, expression)
                dense_run = summed(dense_run, translated_run)
        english = None
        if mode == "hybrid":
            selected = self.local.selected_rows(filters)
            english = self.local.english_runs(prepared, self.fusion, selected, vector=vector)
        fused = fuse(self.fusion, prepared.language, bm25_run, dense_run, mode, english)
        if mode == "hybrid" and vector is not None:
            fused = self.local.rerank_by_sentences(fused, vector, self.fusion)
        return make_hits(prepared, fused, bm25_run, dense_run, k, self._fetch)

    def _leg(self, field: str, data: Any, params: dict[str, Any], expression: str) -> dict[str, float]:
        found = self.client.search(
            self.collection,
            data=[data],
            anns_field=field,
            limit=CANDIDATES,
            filter=expression,
            search_params=params,
            output_fields=["chunk_id"],
            consistency_level=CONSISTENCY,
        )
        return {r["entity"]["chunk_id"]: float(r["distance"]) for r in found[0] if r["distance"] > 0}

    def _passages(self, expression: str) -> list[tuple[Passage, frozenset[str]]]:
        rows = self.client.query(
            self.collection,
            filter=expression,
            output_fields=["passage", "row"],
            limit=QUERY_LIMIT,
            consistency_level=CONSISTENCY,
        )
        out = []
        for r in sorted(rows, key=lambda r: r["row"]):
            data = json.loads(r["passage"])
            tokens = frozenset(data.pop("tokens"))
            out.append((Passage(**data), tokens))
        return out

    def _fetch(self, chunk_ids: list[str]) -> Mapping[str, tuple[Passage, frozenset[str]]]:
        if not chunk_ids:
            return {}
        found = self._passages(f"chunk_id in [{', '.join(_literal(c) for c in chunk_ids)}]")
        return {p.chunk_id: (p, tokens) for p, tokens in found}

    def passage(self, chunk_id: str) -> Passage | None:
        found = self._fetch([chunk_id])
        return found[chunk_id][0] if chunk_id in found else None

    def passage_at(self, row: int) -> Passage:
        found = self._passages(f"row == {int(row)}")
        if not found:
            raise IndexError(f"no passage on row {row}")
        return found[0][0]

    @property
    def calibration_text(self) -> str | None:
        return self.local.calibration_text

    def sentences_near(self, chunk_id: str) -> tuple[list[Sentence], list[Sentence]]:
        return self.local.sentences_near(chunk_id)

    def sentence_tokens(self, sentence: Sentence) -> frozenset[str]:
        return self.local.sentence_tokens(sentence)

    def english_coverage(self, question: str, sentences: list[Sentence]) -> npt.NDArray[np.float64]:
        return self.local.english_coverage(question, sentences)

    def previous_sentence(self, sentence: Sentence) -> Sentence | None:
        return self.local.previous_sentence(sentence)

    def neighbour_hit(self, sentence: Sentence, of: Hit, prepared: PreparedQuery) -> Hit:
        return self.local.neighbour_hit(sentence, of, prepared)

    def neighbours(self, chunk_id: str) -> list[Passage]:
        passage = self.passage(chunk_id)
        if passage is None:
            return []
        same = self._passages(f"doc_id == {_literal(passage.doc_id)}")
        return sorted((p for p, _ in same if p.paragraph == passage.paragraph), key=lambda p: p.start)

    def document(self, doc_id: str) -> Document | None:
        parts = self.client.query(
            self.collection + "_docs",
            filter=f"doc_id == {_literal(doc_id)}",
            output_fields=["part", "body"],
            limit=QUERY_LIMIT,
        )
        if not parts:
            return None
        row = json.loads("".join(p["body"] for p in sorted(parts, key=lambda p: p["part"])))
        passages = tuple(p for p, _ in self._passages(f"doc_id == {_literal(doc_id)}"))
        return Document(
            meta=meta_from_json(json.dumps(row["meta"])),
            text=row["text"],
            blocks=tuple(Block(**b) for b in row["blocks"]),
            passages=passages,
        )

    def documents(self) -> list[PaperMeta]:
        return list(self._metas)

    def iter_passages(self) -> Iterator[Passage]:
        for meta in self._metas:
            yield from (p for p, _ in self._passages(f"doc_id == {_literal(meta.doc_id)}"))

    def add(self, documents: list[Document]) -> None:
        """Add (or replace, by doc_id) papers: a new version is built, loaded into Milvus and served."""
        new = {d.doc_id: d for d in documents}
        kept = [d for m in self._metas if m.doc_id not in new and (d := self.document(m.doc_id))]
        self._rebuild([*kept, *new.values()])

    def remove(self, doc_ids: list[str]) -> None:
        unknown = sorted(set(doc_ids) - {m.doc_id for m in self._metas})
        if unknown:
            raise KeyError(f"no such documents: {', '.join(unknown)}")
        gone = set(doc_ids)
        self._rebuild([d for m in self._metas if m.doc_id not in gone and (d := self.document(m.doc_id))])

    def _rebuild(self, documents: list[Document]) -> None:
        root = self.path.parent.parent if self.path.parent.name == VERSIONS else self.path
        build_index(documents, self.encoder, root, self.manifest["encoder"]["spec"], show_progress=False)
        old = self.collection
        self.local.close()
        fresh = MilvusIndex.open(root, self.uri, encoder=self.encoder)
        fresh.fusion = self.fusion
        self.__dict__.update(fresh.__dict__)
        for name in (old, old + "_docs"):
            self.client.drop_collection(name)

    def stats(self) -> IndexStats:
        return IndexStats(
            backend=self.backend,
            version=self.version,
            documents=len(self._metas),
            passages=self.local.bm25.size,
            encoder=self.encoder.name,
            dim=self.encoder.dim,
            dense_kind="milvus",
        )

    def close(self) -> None:
        self.client.close()
        self.local.close()


def upload(folder: Path, client: Any, name: str, dim: int) -> None:
    """Passages (with BM25 weights as sparse vectors and dense vectors) and documents of a built version."""
    from pymilvus import DataType

    schema = client.create_schema(auto_id=False)
    schema.add_field("row", DataType.INT64, is_primary=True)
    schema.add_field("chunk_id", DataType.VARCHAR, max_length=512)
    for field in ("doc_id", "date"):
        schema.add_field(field, DataType.VARCHAR, max_length=512)
    for field in ("bureaus", "committee"):
        schema.add_field(field, DataType.VARCHAR, max_length=4096)
    schema.add_field("passage", DataType.VARCHAR, max_length=65_535)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    index_params = client.prepare_index_params()
    index_params.add_index("dense", index_type="AUTOINDEX", metric_type="IP")
    index_params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
    client.create_collection(name, schema=schema, index_params=index_params)

    store = PassageStore(folder / STORE)
    vectors = np.load(folder / VECTORS, mmap_mode="r", allow_pickle=False)
    sparse = _rows_of_matrix(folder / "bm25")
    keys = {m.doc_id: _search_keys(m) for m in store.metas}
    batch: list[dict[str, Any]] = []
    for row, (passage, tokens) in enumerate(store.iter_with_tokens()):
        batch.append(
            keys[passage.doc_id]
            | {
                "row": row,
                "chunk_id": passage.chunk_id,
                "passage": json.dumps(asdict(passage) | {"tokens": sorted(tokens)}, ensure_ascii=False),
                "dense": np.asarray(vectors[row], dtype=np.float32).tolist(),
                "sparse": sparse[row],
            }
        )
        if len(batch) == UPLOAD_BATCH:
            client.insert(name, batch)
            batch = []
    if batch:
        client.insert(name, batch)

    docs = client.create_schema(auto_id=True)
    docs.add_field("key", DataType.INT64, is_primary=True)
    docs.add_field("doc_id", DataType.VARCHAR, max_length=512)
    docs.add_field("part", DataType.INT64)
    docs.add_field("meta", DataType.VARCHAR, max_length=65_535)
    docs.add_field("body", DataType.VARCHAR, max_length=65_535)
    # Milvus requires a vector field in every collection; documents are only ever fetched by id.
    docs.add_field("unused", DataType.FLOAT_VECTOR, dim=2)
    doc_index = client.prepare_index_params()
    doc_index.add_index("unused", index_type="AUTOINDEX", metric_type="L2")
    client.create_collection(name + "_docs", schema=docs, index_params=doc_index)
    for meta in store.metas:
        doc = store.document(meta.doc_id)
        assert doc is not None
        body = json.dumps(
            {"meta": asdict(meta), "text": doc.text, "blocks": [asdict(b) for b in doc.blocks]},
            ensure_ascii=False,
        )
        parts = [body[i : i + DOC_PART_CHARS] for i in range(0, len(body), DOC_PART_CHARS)]
        meta_json = json.dumps(asdict(meta), ensure_ascii=False)
        client.insert(
            name + "_docs",
            [
                {
                    "doc_id": meta.doc_id,
                    "part": i,
                    "meta": meta_json if i == 0 else "",
                    "body": part,
                    "unused": [0.0, 0.0],
                }
                for i, part in enumerate(parts)
            ],
        )
    store.close()


def _rows_of_matrix(folder: Path) -> list[dict[int, float]]:
    """The bm25s matrix (one column a token) turned into one sparse {token id: weight} a passage."""
    data = np.load(folder / "data.csc.index.npy", mmap_mode="r")
    rows = np.load(folder / "indices.csc.index.npy", mmap_mode="r")
    indptr = np.load(folder / "indptr.csc.index.npy", mmap_mode="r")
    tokens = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    n_rows = int(json.loads((folder / "params.index.json").read_text())["num_docs"])
    out: list[dict[int, float]] = [{} for _ in range(n_rows)]
    for row, token, weight in zip(rows.tolist(), tokens.tolist(), data.tolist(), strict=True):
        out[row][token] = weight
    return out
