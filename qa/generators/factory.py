"""The generator the settings ask for: none unless POLICYQA_LLM_URL names a server."""

from __future__ import annotations

from qa.generators.base import Generator
from qa.generators.openai_chat import OpenAIChatGenerator
from qa.settings import Settings


def make_generator(settings: Settings) -> Generator | None:
    if settings.llm_url is None:
        return None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key is not None else None
    return OpenAIChatGenerator(settings.llm_url, settings.llm_model, key)
