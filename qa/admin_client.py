"""The CLI's side of the admin routes: papers added and removed through a running server, jobs followed."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

JOB_TIMEOUT = 600.0


class AdminClientError(Exception):
    """The server refused or could not be reached; ``bad_input`` tells a 4xx apart (exit code 2)."""

    def __init__(self, message: str, bad_input: bool = False) -> None:
        super().__init__(message)
        self.bad_input = bad_input


class AdminClient:
    """Calls ``/v1/admin/...`` with the admin key; every refusal becomes one line (``AdminClientError``)."""

    def __init__(self, url: str, key: str | None, timeout: float = 120.0) -> None:
        headers = {"X-API-Key": key} if key else {}
        self.url = url.rstrip("/")
        self.http = httpx.Client(base_url=self.url, headers=headers, timeout=timeout)

    def __enter__(self) -> AdminClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise AdminClientError(
                f"no policyqa server at {self.url} ({exc}); start one with `policyqa serve`"
            ) from None
        if response.status_code >= 400:
            try:
                error = response.json()["error"]
                message = f"{error['code']}: {error['message']}"
            except (ValueError, KeyError, TypeError):
                message = f"HTTP {response.status_code}"
            raise AdminClientError(message, bad_input=400 <= response.status_code < 500)
        return response.json()

    def add(self, file: Path, meta: str, glossary: str | None = None) -> dict[str, Any]:
        data = {"meta": meta} | ({"glossary": glossary} if glossary is not None else {})
        with file.open("rb") as fh:
            result: dict[str, Any] = self._call(
                "POST", "/v1/admin/papers", files={"file": (file.name, fh)}, data=data
            )
        return result

    def remove(self, doc_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self._call("DELETE", f"/v1/admin/papers/{doc_id}")
        return result

    def papers(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self._call("GET", "/v1/admin/papers")
        return result

    def job(self, job_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", f"/v1/admin/jobs/{job_id}")
        return result

    def wait(
        self, job_id: str, on_change: Callable[[dict[str, Any]], None], timeout: float = JOB_TIMEOUT
    ) -> dict[str, Any]:
        """Poll a job until it is done or failed, calling ``on_change`` whenever its stage moves."""
        deadline = time.monotonic() + timeout
        seen = None
        while True:
            job = self.job(job_id)
            if (job["status"], job["stage"]) != seen:
                seen = (job["status"], job["stage"])
                on_change(job)
            if job["status"] in ("done", "failed"):
                return job
            if time.monotonic() > deadline:
                raise AdminClientError(f"job {job_id} still {job['status']} after {timeout:.0f} s")
            time.sleep(0.2)
