"""Generated answers beside the extractive one, through an LLM server, checked for grounding."""

from qa.generators.answer import generate_answer, stream_answer
from qa.generators.base import (
    ChatMessage,
    ContextPassage,
    Generated,
    GenerationError,
    GenerationRequest,
    Generator,
    Problem,
)
from qa.generators.factory import make_generator
from qa.generators.grounding import Grounding, GroundingChecker, citations_in
from qa.generators.openai_chat import OpenAIChatGenerator
from qa.generators.prompt import generation_request, messages_for

__all__ = [
    "ChatMessage",
    "ContextPassage",
    "Generated",
    "GenerationError",
    "GenerationRequest",
    "Generator",
    "Grounding",
    "GroundingChecker",
    "OpenAIChatGenerator",
    "Problem",
    "citations_in",
    "generate_answer",
    "generation_request",
    "make_generator",
    "messages_for",
    "stream_answer",
]
