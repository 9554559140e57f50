"""Loopback LLM servers for tests: the real llama.cpp server with the small model, and a scripted one.

The scripted server sends what a broken or careless server sends (an invented figure, garbage, an error
status, silence), which a real model cannot be made to do on demand; everything else runs the real one.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from tests.conftest import REPO, free_port

SMALL_MODEL = REPO / "var" / "models" / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"


class LlamaServer:
    """``python -m llama_cpp.server`` with a GGUF model on a free loopback port, stopped on exit."""

    def __init__(
        self, model: Path = SMALL_MODEL, alias: str = "qwen2.5-coder-0.5b", ready_s: float = 180
    ) -> None:
        self.model = model
        self.alias = alias
        self.ready_s = ready_s
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "LlamaServer":
        if not self.model.exists():
            raise RuntimeError(f"{self.model} is missing: run `make llm-model` (and `make llm`)")
        command = [sys.executable, "-m", "llama_cpp.server", "--model", str(self.model), "--model_alias"]
        command += [self.alias, "--host", "127.0.0.1", "--port", str(self.port), "--n_ctx", "2048"]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        # Its log goes to a file: a pipe nobody reads fills up and stops the server.
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.ready_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                err = self.log.read().decode(errors="replace")[-2000:]
                self.log.close()
                raise RuntimeError(f"the LLM server exited with {self.process.returncode}: {err}")
            try:
                if httpx.get(self.url + "/models", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("the LLM server did not start in time")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.log.close()


def sse_chunks(text: str) -> list[bytes]:
    """``text`` as an OpenAI-style stream of chat completion chunks, a few characters at a time."""
    chunks = [text[i : i + 4] for i in range(0, len(text), 4)]
    events = [{"choices": [{"index": 0, "delta": {"content": c}, "finish_reason": None}]} for c in chunks]
    lines = [f"data: {json.dumps(e, ensure_ascii=False)}\n\n".encode() for e in events]
    return [*lines, b"data: [DONE]\n\n"]


class ScriptedLLM:
    """A loopback HTTP server that answers every chat completion with the same scripted reply.

    ``reply`` is the answer's text (streamed as the real servers do, or whole when the request does not ask
    for a stream); or ``status`` an error status; or
    ``raw`` bytes sent as they are; ``delay`` seconds of silence before anything.
    """

    def __init__(
        self, reply: str = "", status: int = 200, raw: bytes | None = None, delay: float = 0.0
    ) -> None:
        self.reply, self.status, self.raw, self.delay = reply, status, raw, delay
        self.requests: list[dict] = []
        self.headers: list[dict[str, str]] = []
        scripted = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = json.loads(self.rfile.read(length))
                scripted.requests.append(body)
                scripted.headers.append({k.lower(): v for k, v in self.headers.items()})
                time.sleep(scripted.delay)
                try:
                    if scripted.status != 200:
                        self.send_response(scripted.status)
                        self.send_header("content-type", "application/json")
                        self.end_headers()
                        self.wfile.write(b'{"error": {"message": "model not loaded"}}')
                        return
                    if not body.get("stream") and scripted.raw is None:
                        # A request that does not stream gets the whole completion as one JSON object.
                        message = {"role": "assistant", "content": scripted.reply}
                        payload = {"choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}
                        self.send_response(200)
                        self.send_header("content-type", "application/json")
                        self.end_headers()
                        self.wfile.write(json.dumps(payload, ensure_ascii=False).encode())
                        return
                    self.send_response(200)
                    self.send_header("content-type", "text/event-stream")
                    self.end_headers()
                    for chunk in [scripted.raw] if scripted.raw is not None else sse_chunks(scripted.reply):
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "ScriptedLLM":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
