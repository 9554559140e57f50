"""The translator the settings ask for: none unless POLICYQA_LLM_URL names a server and translation is on."""

from __future__ import annotations

from qa.settings import Settings
from qa.translators.base import Translator
from qa.translators.cached import CachedTranslator
from qa.translators.openai_chat import ChatTranslator


def make_translator(settings: Settings) -> Translator | None:
    if settings.llm_url is None or not settings.llm_translate:
        return None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key is not None else None
    return CachedTranslator(
        ChatTranslator(settings.llm_url, settings.llm_model, key, timeout=settings.llm_translate_timeout)
    )
