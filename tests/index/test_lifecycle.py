"""Housekeeping of an index root: unfinished builds, old versions, the build lock, a cache saved per batch."""

import numpy as np

from index.backends.embedded.builder import cached_embedder
from index.cache import EmbeddingCache
from index.lifecycle import build_lock, prune_versions, remove_partials
from index.store import switch_current
from tests.fakes import FakeEncoder


def make_versions(root, names):
    for name in names:
        (root / "versions" / name).mkdir(parents=True)
        (root / "versions" / name / "manifest.json").write_text("{}", encoding="utf-8")


def test_partials_are_removed_and_finished_versions_kept(tmp_path):
    make_versions(tmp_path, ["20250101T000000Z-aaaa", "20250102T000000Z-bbbb.partial"])
    assert remove_partials(tmp_path) == ["20250102T000000Z-bbbb.partial"]
    assert [p.name for p in (tmp_path / "versions").iterdir()] == ["20250101T000000Z-aaaa"]
    assert remove_partials(tmp_path / "nothing-here") == []


def test_prune_keeps_the_newest_and_the_served_one(tmp_path):
    names = ["20250101T000000Z-a", "20250102T000000Z-b", "20250103T000000Z-c", "20250104T000000Z-d"]
    make_versions(tmp_path, names)
    switch_current(tmp_path, "20250101T000000Z-a")  # e.g. switched back after a failed reload
    assert sorted(prune_versions(tmp_path, keep=2)) == ["20250102T000000Z-b"]
    left = sorted(p.name for p in (tmp_path / "versions").iterdir())
    assert left == ["20250101T000000Z-a", "20250103T000000Z-c", "20250104T000000Z-d"]


def test_prune_without_a_valid_pointer_deletes_nothing(tmp_path):
    make_versions(tmp_path, ["20250101T000000Z-a", "20250102T000000Z-b"])
    (tmp_path / "CURRENT").write_text("../../etc\n", encoding="utf-8")
    assert prune_versions(tmp_path, keep=1) == []


def test_one_build_lock_holder_at_a_time(tmp_path):
    with build_lock(tmp_path) as first:
        assert first is True
        with build_lock(tmp_path) as second:
            assert second is False
    with build_lock(tmp_path) as again:
        assert again is True


def test_the_cache_is_on_disk_after_each_batch(tmp_path):
    encoder = FakeEncoder()
    cache = EmbeddingCache(tmp_path, encoder.name, encoder.dim)
    embed, encoded = cached_embedder(encoder, cache)
    embed(["深港合作會議", "前海"])
    # A build killed now resumes with these two vectors: a fresh cache reads them from disk.
    reread = EmbeddingCache(tmp_path, encoder.name, encoder.dim)
    assert len(reread) == 2 and encoded == [2]
    np.testing.assert_allclose(reread.get("前海"), encoder.encode_documents(["前海"])[0])
    embed(["前海", "河套"])
    assert encoded == [3] and len(EmbeddingCache(tmp_path, encoder.name, encoder.dim)) == 3
