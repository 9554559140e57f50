"""Translations remembered per question, and a pause after the server is found unreachable."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from qa.translators.base import TranslationError, Translator

# After the server could not be reached, questions are not sent to it for this long: each would wait for
# the connection to fail before being answered from the glossary alone.
RETRY_AFTER_S = 30.0


class CachedTranslator:
    """Wraps a translator: the last ``size`` translations are kept (a repeated question costs nothing)."""

    def __init__(self, inner: Translator, size: int = 4096, retry_after: float = RETRY_AFTER_S) -> None:
        self.inner = inner
        self.model = inner.model
        self.size = size
        self.retry_after = retry_after
        self._done: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._down: TranslationError | None = None

    def translate(self, question: str) -> str:
        with self._lock:
            if question in self._done:
                self._done.move_to_end(question)
                return self._done[question]
            if self._down is not None and time.monotonic() < self._down_until:
                raise self._down
        try:
            translation = self.inner.translate(question)
        except TranslationError as exc:
            if exc.code == "llm_unreachable":
                with self._lock:
                    self._down, self._down_until = exc, time.monotonic() + self.retry_after
            raise
        with self._lock:
            self._down = None
            self._done[question] = translation
            while len(self._done) > self.size:
                self._done.popitem(last=False)
        return translation

    def close(self) -> None:
        self.inner.close()
