"""The store of added papers: metadata checks, add/remove round trip, leftovers of an interrupted add."""

import json

import pytest

from corpus import load_corpus
from corpus.store import MetaError, PaperStore, meta_from_upload, slug

PAPER = "目的\n\n1. 本文件簡介跨境渡輪試驗計劃。\n\n2. 計劃為期十八個月。\n"


def test_meta_defaults_and_required_fields():
    meta = meta_from_upload({"title_zh": "跨境渡輪", "date": "2025-04"}, "Ferry Pilot (2025).txt", ".txt")
    assert (meta.doc_id, meta.file, meta.title_en, meta.kind) == (
        "ferry-pilot-2025",
        "ferry-pilot-2025.txt",
        "跨境渡輪",
        "added-paper",
    )
    for raw, words in [
        ({"date": "2025"}, "title_zh is missing"),
        ({"title_zh": "跨境渡輪"}, "date is missing"),
        ({"title_zh": "跨境渡輪", "date": "2025-13"}, "not YYYY"),
        ({"title_zh": "跨境渡輪", "date": "2025", "doc_id": "A B"}, "doc_id"),
        ({"title_zh": "跨境渡輪", "date": "2025", "bureaus_zh": "運輸及物流局"}, "list of strings"),
        ({"title_zh": "跨境渡輪", "date": "2025", "colour": "red"}, r"unknown field\(s\) colour"),
        (["title_zh"], "JSON object"),
    ]:
        with pytest.raises(MetaError, match=words):
            meta_from_upload(raw, "paper.txt", ".txt")
    assert slug("《前海》.pdf") == "pdf"


def test_add_load_remove_round_trip(tmp_path):
    source = tmp_path / "upload"
    source.write_text(PAPER, encoding="utf-8")
    store = PaperStore(tmp_path / "store")
    meta = meta_from_upload({"title_zh": "跨境渡輪", "date": "2025-04", "doc_id": "ferry"}, "x.txt", ".txt")
    store.add(meta, source, glossary="ferry\t渡輪\tname\n")
    assert store.metas() == [meta]
    assert [d.doc_id for d in load_corpus(store.folder)] == ["ferry"]
    assert store.glossary_files() == [store.folder / "glossary" / "ferry.tsv"]
    with pytest.raises(Exception, match="already in the store"):
        store.add(meta, source)
    store.remove("ferry")
    assert store.metas() == [] and store.glossary_files() == []
    assert json.loads((store.folder / "manifest.json").read_text(encoding="utf-8")) == {"papers": []}
    assert sorted(p.name for p in store.folder.rglob("*") if p.is_file()) == ["manifest.json"]


def test_files_no_manifest_names_are_leftovers(tmp_path):
    store = PaperStore(tmp_path / "store")
    assert store.clean_leftovers() == []
    (store.folder / "glossary").mkdir(parents=True)
    (store.folder / "half-copied.txt.tmp").write_text("x", encoding="utf-8")
    (store.folder / "glossary" / "gone.tsv").write_text("x", encoding="utf-8")
    removed = store.clean_leftovers()
    assert sorted(p.name for p in removed) == ["gone.tsv", "half-copied.txt.tmp"]
    assert not store.has_papers()
