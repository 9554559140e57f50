"""Passages into English for the index's English legs (``index.english``), by an OpenAI-compatible server.

The shipped papers' renderings ship in ``index/data/translations.jsonl``; a paper added later is rendered
by ``policyqa index render-english`` into the index's cache (``cache/translations.jsonl``), which every
later build reads. Rows are written as they arrive, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import httpx

from index import CACHE, TRANSLATIONS_FILE, Glossary, read_translations, shipped_translations
from qa.generators.openai_chat import completions_url, transport_failure
from qa.translators.base import TranslationError

SYSTEM = (
    "You translate Hong Kong government papers from Traditional Chinese into English. "
    "Translate the user's text completely and faithfully, keeping every name, number, date and list item. "
    "Use the usual English names of Hong Kong and Mainland bodies, places and schemes; "
    "where the user lists English names for Chinese terms, use exactly those names. "
    "Output only the English translation of the text."
)
# The glossary names given with a passage, at most: a 1.5B model follows a short list, not a long one.
MAX_NAMES = 16
Names = Sequence[tuple[str, str]]
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def checked_rendering(text: str, output: str) -> str:
    """The model's reply as an English rendering of ``text``, or TranslationError saying why it is not."""
    english = " ".join(output.split())
    latin, cjk = len(_LATIN.findall(english)), len(_CJK.findall(english))
    if latin < 2 or cjk > latin // 4:
        raise TranslationError("llm_bad_translation", "the reply is not English")
    if len(english) > 12 * len(text) + 200:
        raise TranslationError("llm_bad_translation", "the reply is far longer than the passage")
    return english


def passage_names(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    """(Chinese term, English name) of the glossary's names in a passage, in order, at most MAX_NAMES:
    what the model is told to call them, so a rendering says "Qianhai" where the glossary does."""
    return glossary.label_chinese(text)[:MAX_NAMES]


def user_message(text: str, names: Names = ()) -> str:
    """The passage (whitespace folded), after the English names to use for its terms when there are any."""
    body = " ".join(text.split())
    if not names:
        return body
    listed = "\n".join(f"{chinese} = {english}" for chinese, english in names)
    return f"English names to use:\n{listed}\n\nText to translate:\n{body}"


class PassageRenderer:
    """One chat completion per passage at temperature 0 (greedy, so a rendering can be made again)."""

    def __init__(self, url: str, model: str, api_key: str | None = None, timeout: float = 120.0) -> None:
        self.url = completions_url(url)
        self.model = model
        headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(headers=headers, timeout=timeout, trust_env=False)

    def render(self, text: str, names: Names = ()) -> str:
        """The passage in English, using ``names`` ((Chinese, English) pairs) for the terms they name."""
        body = {
            "model": self.model,
            "temperature": 0,
            "max_tokens": int(len(text) * 2.5) + 64,
            "messages": [
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": user_message(text, names)},
            ],
        }
        try:
            response = self._client.post(self.url, json=body)
        except httpx.HTTPError as exc:
            raise TranslationError(*transport_failure(exc, self.url, "render a passage")) from exc
        if response.status_code != 200:
            detail = response.text[:200]
            raise TranslationError(
                "llm_http_error", f"the LLM server answered HTTP {response.status_code}: {detail}"
            )
        try:
            output = response.json()["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise TranslationError("llm_bad_reply", f"the LLM server's reply has no message: {exc}") from exc
        return checked_rendering(text, str(output))

    def close(self) -> None:
        self._client.close()


def render_missing(
    texts: Iterable[str],
    known: set[str],
    out: Path,
    render: Callable[[str], str],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, list[str]]:
    """Render the texts not in ``known`` and append each to ``out`` as it arrives; returns (rendered,
    messages of the passages the model failed on). A server that cannot be reached stops the run."""
    missing = [t for t in dict.fromkeys(texts) if t not in known and t.strip()]
    out.parent.mkdir(parents=True, exist_ok=True)
    done, failed = 0, []
    with out.open("a", encoding="utf-8") as fh:
        for i, text in enumerate(missing, start=1):
            try:
                english = render(text)
            except TranslationError as exc:
                if exc.code in ("llm_unreachable", "llm_timeout", "llm_http_error"):
                    raise
                failed.append(f"{text[:30]}…: {exc.message}")
                continue
            fh.write(json.dumps({"text": text, "english": english}, ensure_ascii=False) + "\n")
            fh.flush()
            done += 1
            if progress is not None:
                progress(i, len(missing))
    return done, failed


def rendering_summary(done: int, failed: list[str], out: Path) -> str:
    """What a rendering run says when it ends: how many, where, and each passage the model failed on."""
    lines = [f"{done} passages rendered into {out}; {len(failed)} failed", *(f"  {m}" for m in failed)]
    return "\n".join(lines) + "\n"


def renderings_file(root: Path) -> Path:
    """Where renderings made for an index root go: ``cache/translations.jsonl``, which every build reads."""
    return root / CACHE / TRANSLATIONS_FILE


def render_for_index(
    texts: Iterable[str],
    root: Path,
    url: str,
    model: str,
    api_key: str | None = None,
    timeout: float = 120.0,
    progress: Callable[[int, int], None] | None = None,
    out: Path | None = None,
    glossary: Glossary | None = None,
) -> tuple[int, list[str], Path]:
    """``render_missing`` for an index root: what no shipped or cached rendering covers goes into ``out``
    (default ``renderings_file(root)``), each passage told the English names ``glossary`` gives its terms.
    Returns (rendered, failed, the file)."""
    out = out or renderings_file(root)
    known = set(shipped_translations()) | set(read_translations(out))
    renderer = PassageRenderer(url, model, api_key, timeout)

    def render(text: str) -> str:
        return renderer.render(text, passage_names(glossary, text) if glossary is not None else ())

    try:
        done, failed = render_missing(texts, known, out, render, progress)
    finally:
        renderer.close()
    return done, failed, out
