"""A translator over an OpenAI-compatible ``/v1/chat/completions`` (llama.cpp's server, Ollama, vLLM)."""

from __future__ import annotations

import re
from typing import Any

import httpx

from qa.generators.openai_chat import completions_url, transport_failure
from qa.readers.expressions import ENGLISH_CARDINALS
from qa.translators.base import TranslationError

# Two worked examples: without them a small model answers the question ("2017年1月1日") instead of
# translating it, and writes Simplified characters.
MESSAGES = (
    {
        "role": "system",
        "content": "You are a translator. Translate the English question into Traditional Chinese "
        "(Hong Kong usage). Never answer the question; output only the translated question.",
    },
    {"role": "user", "content": "What is the role of the Financial Secretary in the task force?"},
    {"role": "assistant", "content": "財政司司長在專責小組中擔任甚麼角色？"},
    {"role": "user", "content": "When did the two sides sign the framework agreement?"},
    {"role": "assistant", "content": "雙方於何時簽署框架協議？"},
)

_CJK = re.compile(r"[\u3400-\u9fff]")
_DIGITS = re.compile(r"\d+")
_LABEL = re.compile(r"^\s*(?:translation|traditional chinese|chinese|翻譯|译文|譯文|中文)\s*[:：]\s*", re.I)
_QUOTES = "\"'“”「」『』`"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}
_NUMBERS = ENGLISH_CARDINALS | {
    word: number
    for number, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "  # noqa: SIM905
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_WORD = re.compile(r"[a-z]+")


def figures_of(question: str) -> set[str]:
    """The figures a faithful translation may write: the question's digits, its months as numbers (June is
    6月) and its numbers in words (the sixth meeting is 第6次)."""
    figures = set(_DIGITS.findall(question))
    for word in _WORD.findall(question.lower()):
        number = _MONTHS.get(word, _NUMBERS.get(word))
        if number is not None:
            figures.add(str(number))
    return figures


def checked_translation(question: str, output: str) -> str:
    """The model's output as a translation of ``question``, or TranslationError saying why it is not one.

    A translation has Chinese in it, is not much longer than the question, and adds no figure the question
    does not have: a small model that answers instead of translating writes a date or an amount.
    """
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    text = _LABEL.sub("", lines[0]).strip().strip(_QUOTES).strip() if lines else ""
    if len(_CJK.findall(text)) < 2:
        raise TranslationError(
            "llm_bad_translation", f"the LLM server gave no Chinese translation: {text[:80]!r}"
        )
    if len(text) > 2 * len(question) + 20:
        raise TranslationError(
            "llm_bad_translation", "the LLM server's translation is longer than a question"
        )
    asked = figures_of(question)
    added = [d for d in _DIGITS.findall(text) if d not in asked]
    if added:
        raise TranslationError(
            "llm_bad_translation",
            f"the LLM server's translation adds figures the question lacks ({added[0]})",
        )
    return text


class ChatTranslator:
    """Translates at temperature 0 (repeatable), waiting at most ``timeout`` seconds for the reply."""

    def __init__(
        self,
        url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 5.0,
        max_tokens: int = 96,
    ) -> None:
        self.url = completions_url(url)
        self.model = model
        self.max_tokens = max_tokens
        headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            headers=headers, timeout=httpx.Timeout(timeout, connect=min(timeout, 2.0)), trust_env=False
        )

    def translate(self, question: str) -> str:
        body = {
            "model": self.model,
            "messages": [*MESSAGES, {"role": "user", "content": question}],
            "max_tokens": self.max_tokens,
            "temperature": 0,
        }
        try:
            response = self._client.post(self.url, json=body)
        except httpx.HTTPError as exc:
            raise TranslationError(*transport_failure(exc, self.url, "translate")) from exc
        if response.status_code != 200:
            raise TranslationError(
                "llm_http_error",
                f"the LLM server answered HTTP {response.status_code}: {response.text[:200]}",
            )
        return checked_translation(question, _content(response))

    def close(self) -> None:
        self._client.close()


def _content(response: httpx.Response) -> str:
    try:
        payload: Any = response.json()
        content = payload["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise TranslationError(
            "llm_bad_response", f"the LLM server sent an unreadable answer: {response.text[:120]}"
        ) from exc
    if not isinstance(content, str):
        raise TranslationError("llm_bad_response", "the LLM server sent a non-text answer")
    return content
