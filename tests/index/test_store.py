"""Persisted index: save -> load gives identical results; corruption, truncation and mismatches are caught."""

from pathlib import Path

import pytest

from corpus.models import PaperMeta
from corpus.pipeline import build_document
from index import Index, IndexLoadError, build_index
from index.store import CURRENT, VERSIONS, read_manifest
from tests.fakes import FakeEncoder

PAPER = """目的
本文件向委員簡介於2009年11月30日舉行的深港合作會議的主要情況。
背景
2.   雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議，以鞏固多個合作項目上取得的成果。
前海地區發展
3.   雙方就兩地在前海地區推進現代服務業合作的定位達成共識。深圳市政府將主導及負責開發管理前海地區。
4.   雙方同意爭取擴大跨境貿易人民幣結算試點。
"""


def _docs():
    meta = PaperMeta(
        "sz", "sz.txt", "2009年深港合作會議", "Shenzhen meeting", None, None, None, (), (), "2009-12"
    )
    return [build_document(PAPER, meta)]


@pytest.fixture()
def built(tmp_path) -> Path:
    build_index(_docs(), FakeEncoder(), tmp_path, "fake", show_progress=False)
    return tmp_path


def _load(path):
    return Index.load(path, encoder=FakeEncoder())


def test_save_load_gives_identical_results(built):
    docs = _docs()
    first = _load(built)
    for mode in ("bm25", "dense", "hybrid"):
        hits = first.search("前海的定位", k=3, mode=mode)
        again = _load(built).search("前海的定位", k=3, mode=mode)
        assert [(h.chunk_id, h.score) for h in hits] == [(h.chunk_id, h.score) for h in again]
    assert first.document("sz").text == docs[0].text
    top = first.search("前海的定位", k=1, mode="bm25")[0]
    assert "定位" in top.passage.text and top.bm25_rank == 1 and "前海" in top.matched_terms


def test_manifest_records_what_built_it(built):
    manifest = read_manifest(built / VERSIONS / (built / CURRENT).read_text().strip())
    assert manifest["encoder"] == {"spec": "fake", "name": FakeEncoder.name, "dim": 64}
    assert manifest["counts"]["documents"] == 1
    assert manifest["backend"] == "embedded" and manifest["dense"] == {"kind": "flat"}
    assert set(manifest["files"]) >= {"doc_rows.npy", "dense.faiss", "vectors.f16.npy", "passages.sqlite"}


def _version(root):
    return root / VERSIONS / (root / CURRENT).read_text().strip()


def test_corrupted_file_is_detected(built):
    path = _version(built) / "passages.sqlite"
    data = bytearray(path.read_bytes())
    data[10] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(IndexLoadError, match=r"checksum mismatch.*policyqa index build"):
        _load(built)


def test_truncated_file_is_detected(built):
    path = _version(built) / "dense.faiss"
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(IndexLoadError, match=r"dense\.faiss: checksum mismatch"):
        _load(built)


def test_missing_manifest_and_pointer(built, tmp_path_factory):
    (_version(built) / "manifest.json").unlink()
    with pytest.raises(IndexLoadError, match=r"no manifest\.json"):
        _load(built)
    with pytest.raises(IndexLoadError, match="no index here"):
        _load(tmp_path_factory.mktemp("empty"))


def test_encoder_mismatch_is_refused(built):
    class OtherEncoder(FakeEncoder):
        name = "fake/other"

    with pytest.raises(IndexLoadError, match="built with encoder fake/char-bigram-hash"):
        Index.load(built, encoder=OtherEncoder())


def test_rebuild_reuses_cached_embeddings_and_switches_pointer(built):
    old = (built / CURRENT).read_text().strip()
    folder = build_index(_docs(), FakeEncoder(), built, "fake", show_progress=False)
    assert folder.name != old and (built / CURRENT).read_text().strip() == folder.name
    assert read_manifest(folder)["counts"]["embedded_now"] == 0
    assert not list((built / VERSIONS).glob("*.partial"))
