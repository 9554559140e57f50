"""The builder stores the terms it learnt from the papers; an index without them is stale."""

import json

from corpus.models import PaperMeta
from corpus.pipeline import build_document
from index import Index, build_index, stale_reason
from index.glossary import Entry
from index.paper_terms import TERMS_VERSION
from index.store import resolve
from tests.fakes import FakeEncoder

PAPER = """目的
本文件簡介《內地與香港關於建立更緊密經貿關係的安排》（CEPA）的落實情況。
背景
2.   雙方同意在前海推進合作，並在深圳舉行會議。
"""


def _docs():
    meta = PaperMeta("cepa", "cepa.txt", "cepa", "cepa", None, None, None, ("工業貿易署",), (), "2011-03")
    return [build_document(PAPER, meta)]


def test_terms_are_built_stored_and_loaded(tmp_path):
    uploaded = [Entry(("Trade and Industry Department", "TID"), ("工業貿易署",), "organisation")]
    build_index(_docs(), FakeEncoder(), tmp_path, "fake", show_progress=False, uploaded_terms=uploaded)
    manifest = json.loads((resolve(tmp_path) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["terms"]["version"] == TERMS_VERSION
    assert (manifest["terms"]["uploaded"], manifest["terms"]["mined"]) == (1, 1)
    assert {"terms.tsv", "uploaded_glossary.tsv"} <= set(manifest["files"])
    index = Index.load(tmp_path, encoder=FakeEncoder())
    terms = index.analyzer.terms
    assert terms is not None and terms.uploaded == tuple(uploaded)
    prepared = index.prepare("What did the TID say about CEPA where they hold talks?")
    assert ("TID", "工業貿易署") in prepared.expansions
    assert ("CEPA", "內地與香港關於建立更緊密經貿關係的安排") in prepared.expansions
    assert ("hold", "舉行") in prepared.senses
    # adding a paper keeps what was uploaded and mines the papers again
    index.add(_docs())
    assert index.analyzer.terms is not None and index.analyzer.terms.uploaded == tuple(uploaded)


def test_an_index_built_before_terms_is_stale(tmp_path):
    build_index(_docs(), FakeEncoder(), tmp_path, "fake", show_progress=False)
    assert stale_reason(tmp_path, _docs(), "fake") is None
    folder = resolve(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    del manifest["terms"]
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert "terms" in (stale_reason(tmp_path, _docs(), "fake") or "")


def test_an_index_built_with_other_renderings_is_stale(tmp_path):
    build_index(_docs(), FakeEncoder(), tmp_path, "fake", show_progress=False)
    folder = resolve(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["english"]["rendered"] == 0  # nobody rendered these papers
    manifest["english"]["translations"] = "0" * 16
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert "English renderings" in (stale_reason(tmp_path, _docs(), "fake") or "")
    assert Index.load(tmp_path, encoder=FakeEncoder(), verify=False).english is None
