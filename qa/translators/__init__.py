"""Translators: an English question put into Chinese before retrieval, so papers nobody curated are found."""

from qa.translators.base import TranslationError, Translator
from qa.translators.cached import CachedTranslator
from qa.translators.factory import make_translator
from qa.translators.openai_chat import ChatTranslator, checked_translation

__all__ = [
    "CachedTranslator",
    "ChatTranslator",
    "TranslationError",
    "Translator",
    "checked_translation",
    "make_translator",
]
