"""Read a paper's raw text from a text file or a PDF (PyMuPDF), with page breaks kept as form feeds."""

from __future__ import annotations

from pathlib import Path

from corpus.errors import CorpusError, NeedsOcrError
from corpus.structure import PAGE_BREAK

MIN_CHARS_PER_PAGE = 20
MAX_REPLACEMENT_SHARE = 0.05
TEXT_SUFFIXES = {".txt", ".text", ".md"}


def load_text(path: Path) -> str:
    """Read a UTF-8 text file (a BOM is allowed)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: not UTF-8 text (byte {exc.start}); convert it to UTF-8 and load it again"
        ) from exc


def _check_text_layer(path: Path, pages: list[str]) -> None:
    text = "".join(pages)
    visible = sum(1 for ch in text if not ch.isspace())
    if visible < MIN_CHARS_PER_PAGE * max(len(pages), 1):
        raise NeedsOcrError(
            f"{path}: {len(pages)} page(s) but only {visible} characters of text: it looks scanned "
            "and needs OCR (e.g. ocrmypdf --language chi_tra) before it can be loaded"
        )
    bad = text.count("\ufffd")
    if bad / visible > MAX_REPLACEMENT_SHARE:
        raise NeedsOcrError(
            f"{path}: {bad} of {visible} characters did not extract (U+FFFD): the PDF's fonts carry no "
            "usable text mapping; it needs OCR before it can be loaded"
        )


def load_pdf(path: Path) -> str:
    """Extract a PDF's text page by page; pages are joined by form feeds so structure knows the page."""
    import pymupdf

    try:
        with pymupdf.open(path) as pdf:  # type: ignore[no-untyped-call]
            pages = [page.get_text("text") for page in pdf]
    except (RuntimeError, ValueError) as exc:
        raise CorpusError(f"{path}: not a readable PDF ({exc})") from exc
    _check_text_layer(path, pages)
    return PAGE_BREAK.join(page.rstrip("\n") for page in pages)


def load_raw(path: Path) -> str:
    """Raw text of a paper, by file type."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return load_pdf(path)
    if suffix in TEXT_SUFFIXES:
        return load_text(path)
    raise CorpusError(f"{path}: unsupported file type {suffix!r}; give a .txt or .pdf file")
