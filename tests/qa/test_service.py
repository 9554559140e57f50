"""Starting with an index already built for these papers hashes files and parses nothing."""

import shutil

import pytest

import qa.papers
import qa.service
from qa.service import SOURCE, ensure_index
from qa.settings import Settings


def test_an_unchanged_index_is_recognised_without_parsing_the_papers(real_index_root, tmp_path, monkeypatch):
    root = tmp_path / "index"
    shutil.copytree(real_index_root, root, symlinks=True)
    settings = Settings(index_path=root)
    version = (root / "CURRENT").read_text()

    ensure_index(settings, show_progress=False)  # no stamp yet: parses once, finds it fresh, stamps it
    assert (root / SOURCE).exists() and (root / "CURRENT").read_text() == version

    def no_parsing(*args, **kwargs):
        raise AssertionError("the papers were parsed")

    monkeypatch.setattr(qa.papers, "load_corpus", no_parsing)
    assert ensure_index(settings, show_progress=False) == root
    assert (root / "CURRENT").read_text() == version


def test_changed_papers_are_noticed(real_index_root, tmp_path, monkeypatch):
    from corpus.manifest import papers_dir

    root = tmp_path / "index"
    shutil.copytree(real_index_root, root, symlinks=True)
    papers = tmp_path / "papers"
    shutil.copytree(papers_dir(), papers)
    ensure_index(Settings(index_path=root, papers_path=papers, shipped_papers=False), show_progress=False)
    first = next(papers.glob("*.txt"))
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    class Parsed(Exception):
        pass

    def parsing(*args, **kwargs):
        raise Parsed

    monkeypatch.setattr(qa.papers, "load_corpus", parsing)
    # A changed paper (even one byte) means the papers must be parsed to compare passages.
    with pytest.raises(Parsed):
        ensure_index(Settings(index_path=root, papers_path=papers, shipped_papers=False), show_progress=False)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("CURRENT", b"\xff\xfe not utf-8\n"),
        ("CURRENT", b"../../../etc\n"),
        ("manifest", b"[1, 2, 3]"),
        ("manifest", b'{"format_version": 3}'),
    ],
)
def test_a_broken_pointer_or_manifest_is_one_line_and_a_rebuild(
    real_index_root, tmp_path, capsys, name, content
):
    root = tmp_path / "index"
    shutil.copytree(real_index_root, root)
    served = (root / "CURRENT").read_text(encoding="utf-8").strip()
    target = root / "CURRENT" if name == "CURRENT" else root / "versions" / served / "manifest.json"
    target.write_bytes(content)
    ensure_index(Settings(index_path=root, data_path=tmp_path / "data"), show_progress=True)
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("policyqa:")]
    assert len(lines) == 1 and "building the index" in lines[0] and "run `policyqa index build`" in lines[0]
    rebuilt = (root / "CURRENT").read_text(encoding="utf-8").strip()
    assert rebuilt != served and (root / "versions" / rebuilt / "manifest.json").is_file()


def test_the_start_sweeps_what_a_killed_build_or_upload_left(real_index_root, tmp_path):
    from corpus.store import PaperStore

    root = tmp_path / "index"
    shutil.copytree(real_index_root, root)
    served = (root / "CURRENT").read_text(encoding="utf-8").strip()
    (root / "versions" / "20990101T000000Z-dead.partial" / "bm25").mkdir(parents=True)
    for old in ("20000101T000000Z-old1", "20000102T000000Z-old2"):
        shutil.copytree(root / "versions" / served, root / "versions" / old)
    store = PaperStore(tmp_path / "data" / "papers")
    store.folder.mkdir(parents=True)
    (store.folder / "half-copied.txt.tmp").write_text("跨境", encoding="utf-8")
    ensure_index(Settings(index_path=root, data_path=tmp_path / "data", keep_versions=2), show_progress=False)
    assert sorted(p.name for p in (root / "versions").iterdir()) == ["20000102T000000Z-old2", served]
    assert list(store.folder.iterdir()) == []
    assert (root / "CURRENT").read_text(encoding="utf-8").strip() == served
