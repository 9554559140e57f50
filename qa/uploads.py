"""Checking a paper to add before anything is kept: file type, metadata, text layer, glossary, doc_id."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from corpus import CorpusError, Document, NeedsOcrError, load_paper
from corpus.metadata import mismatches, stated_meta
from corpus.store import SUFFIXES, MetaError, meta_from_upload
from index import parse_glossary
from qa.papers import source_of_papers
from qa.settings import Settings


class UploadError(Exception):
    """A paper that cannot be added: an HTTP status, a machine-readable code and a message for a person."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class Upload:
    """A checked paper: its parsed document, the file to store (named with its real type) and glossary.

    ``file`` sits alone in a scratch folder that is removed with it once the job is over.
    """

    document: Document
    file: Path
    glossary: str | None


def sniff_suffix(path: Path, filename: str) -> str:
    """``.pdf`` or ``.txt`` from the bytes themselves (a name can lie); anything else is refused."""
    with path.open("rb") as fh:
        head = fh.read(5)
    claimed = Path(filename).suffix.lower()
    if head == b"%PDF-":
        return ".pdf"
    if claimed not in ("", *SUFFIXES, ".text", ".md"):
        raise UploadError(415, "unsupported_file", f"{filename}: give a .txt (UTF-8) or .pdf file")
    if claimed == ".pdf":
        raise UploadError(415, "unsupported_file", f"{filename}: named .pdf but is not a PDF")
    try:
        with path.open(encoding="utf-8-sig") as fh:
            while fh.read(1 << 20):
                pass
    except UnicodeDecodeError as exc:
        raise UploadError(
            415, "unsupported_file", f"{filename}: neither a PDF nor UTF-8 text (byte {exc.start})"
        ) from exc
    return ".txt"


def parse_meta(text: str) -> object:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise UploadError(422, "invalid_meta", f"meta is not JSON ({exc})") from exc


def check_upload(
    settings: Settings, path: Path, filename: str, meta_text: str, glossary: str | None
) -> Upload:
    """The paper at ``path`` parsed and checked; ``path`` must end in the returned document's suffix.

    Raises ``UploadError`` (4xx) for a file that is not UTF-8 text or a PDF, a scanned PDF, missing or
    malformed metadata, metadata the text contradicts, a malformed glossary or a doc_id already served.
    """
    suffix = sniff_suffix(path, filename)
    typed = path.with_suffix(suffix)
    path.rename(typed)
    try:
        meta = meta_from_upload(parse_meta(meta_text), filename, suffix)
    except MetaError as exc:
        raise UploadError(422, "invalid_meta", str(exc)) from exc
    sources = source_of_papers(settings)
    if meta.doc_id in sources:
        raise UploadError(
            409, "duplicate_doc_id", f"doc_id {meta.doc_id!r} is already served ({sources[meta.doc_id]})"
        )
    if glossary is not None:
        try:
            parse_glossary(glossary)
        except ValueError as exc:
            raise UploadError(422, "invalid_glossary", str(exc)) from exc
    try:
        document = load_paper(typed, meta)
    except NeedsOcrError as exc:
        raise UploadError(422, "needs_ocr", _without_path(str(exc), typed, filename)) from exc
    except CorpusError as exc:
        raise UploadError(422, "unreadable_paper", _without_path(str(exc), typed, filename)) from exc
    problems = mismatches(meta, stated_meta(document.text, document.blocks))
    if problems:
        raise UploadError(422, "meta_mismatch", f"meta and text disagree: {'; '.join(problems)}")
    return Upload(document, typed, glossary)


def _without_path(message: str, path: Path, filename: str) -> str:
    # The spool file's name means nothing to the person who uploaded the paper.
    return message.replace(str(path), filename)
