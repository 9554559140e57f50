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
