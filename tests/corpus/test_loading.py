"""Loading text and PDF files, including a real PDF round trip and the scanned-PDF error."""

from pathlib import Path

import pymupdf
import pytest

from corpus import CorpusError, NeedsOcrError, load_paper
from corpus.models import PaperMeta
from corpus.pipeline import build_document

LINES = [
    "立法會CB(2)2193/11-12(01)號文件",
    "目的",
    "本文件向委員簡介深港合作會議的主要情況。",
    "2.  雙方更在2004年設立由政務司司長及深圳市市長共同主",
    "持的深港合作會議，以鞏固多個合作項目上取得的成果。",
    "3.  深圳市政府將主導及負責開發管理前海地區。",
]
META = PaperMeta("pdf-paper", "paper.pdf", "測試", "test", None, None, None, (), (), "2009-12")


def _write_pdf(path: Path, pages: list[list[str]]) -> None:
    with pymupdf.open() as pdf:
        for lines in pages:
            page = pdf.new_page()
            for i, line in enumerate(lines):
                page.insert_text((50, 72 + 20 * i), line, fontname="china-t", fontsize=11)
        pdf.save(path)


def test_pdf_round_trip_gives_same_passages_as_text(tmp_path):
    pdf_path = tmp_path / "paper.pdf"
    _write_pdf(pdf_path, [LINES[:4], LINES[4:]])
    from_pdf = load_paper(pdf_path, META)
    from_text = build_document("\n".join(LINES), META)
    assert [p.text for p in from_pdf.passages] == [p.text for p in from_text.passages]
    # the paper number is the paper's front matter, a passage of its own, not the start of paragraph 1
    assert [(p.kind, p.paragraph) for p in from_pdf.passages] == [
        ("front_matter", None),
        ("paragraph", "1"),
        ("paragraph", "2"),
        ("paragraph", "3"),
    ]
    assert from_pdf.passages[0].text == "立法會CB(2)2193/11-12(01)號文件"
    assert [p.page for p in from_pdf.passages] == [1, 1, 1, 2]
    for p in from_pdf.passages:
        assert from_pdf.text[p.start : p.end] == p.text


def test_scanned_pdf_needs_ocr(tmp_path):
    pdf_path = tmp_path / "scan.pdf"
    with pymupdf.open() as pdf:
        page = pdf.new_page()
        page.draw_rect(pymupdf.Rect(50, 50, 300, 300), fill=(0.5, 0.5, 0.5))
        pdf.save(pdf_path)
    with pytest.raises(NeedsOcrError, match="needs OCR"):
        load_paper(pdf_path, META)


def test_not_a_pdf_and_not_utf8(tmp_path):
    bad_pdf = tmp_path / "x.pdf"
    bad_pdf.write_bytes(b"not a pdf at all")
    with pytest.raises(CorpusError, match="not a readable PDF"):
        load_paper(bad_pdf, META)
    big5 = tmp_path / "x.txt"
    big5.write_bytes("深港合作會議".encode("big5"))
    with pytest.raises(CorpusError, match="not UTF-8"):
        load_paper(big5, META)
    with pytest.raises(CorpusError, match="unsupported file type"):
        load_paper(tmp_path / "x.docx", META)


def test_text_paper_without_manifest_gets_metadata_from_its_text(tmp_path):
    path = tmp_path / "My Paper.txt"
    path.write_text("\n".join([*LINES, "政制及內地事務局", "二零零九年十二月"]), encoding="utf-8")
    doc = load_paper(path)
    assert doc.doc_id == "my-paper"
    assert doc.meta.paper_no == "CB(2)2193/11-12(01)"
    assert doc.meta.date == "2009-12"
    assert doc.meta.bureaus_zh == ("政制及內地事務局",)
