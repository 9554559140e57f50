"""English questions' translations for a measurement, kept in a JSONL file so a run can be repeated exactly.

A small model's greedy output still varies with the server's thread count; measuring the reader or retrieval
on one fixed set of translations keeps two runs comparable. Rows are ``{"question", "translation"}``, or
``{"question", "error", "message"}`` when the model's reply was refused (as the service would refuse it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from qa.translators import TranslationError, Translator


def load_translations(path: Path) -> dict[str, dict[str, str]]:
    """The file's rows by question (the last row of a question wins); an absent file is empty."""
    rows: dict[str, dict[str, str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["question"]] = row
    return rows


def translate_missing(
    questions: Iterable[str], path: Path, translator: Translator
) -> dict[str, dict[str, str]]:
    """Every question translated: those the file lacks are asked of ``translator`` and appended to it."""
    rows = load_translations(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        for question in dict.fromkeys(questions):
            if question in rows:
                continue
            try:
                row = {"question": question, "translation": translator.translate(question)}
            except TranslationError as exc:
                row = {"question": question, "error": exc.code, "message": exc.message}
            rows[question] = row
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            fh.flush()
    return rows


class FileTranslator:
    """A translator that answers from a file of translations (what a model said once), nothing else."""

    def __init__(self, rows: dict[str, dict[str, str]], model: str) -> None:
        self.rows = rows
        self.model = model

    def translate(self, question: str) -> str:
        row = self.rows.get(question)
        if row is None:
            raise TranslationError("not_translated", f"no translation of {question!r} in the file")
        if "translation" not in row:
            raise TranslationError(row.get("error", "llm_bad_translation"), row.get("message", ""))
        return row["translation"]

    def close(self) -> None:
        pass
