"""The translator protocol: an English question in, the same question in Chinese out, or a clear error."""

from __future__ import annotations

from typing import Protocol


class TranslationError(Exception):
    """No usable translation (server down, slow, or it answered instead of translating): code and message.

    The question is still answered, from the glossary's terms alone; the error is reported beside it.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Translator(Protocol):
    """Puts an English question into Chinese (Traditional, as the papers write) for retrieval only."""

    model: str

    def translate(self, question: str) -> str:
        """The question in Chinese; raises TranslationError on any failure."""
        ...

    def close(self) -> None: ...
