"""Background jobs that change the papers: one at a time, each with a status a client can poll."""

from __future__ import annotations

import itertools
import secrets
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

Status = Literal["queued", "running", "done", "failed"]
Report = Callable[[str, float], None]
Work = Callable[[Report], str]
KEPT_JOBS = 200


@dataclass(frozen=True)
class Job:
    """What a job does and how far it got; ``error`` says why it failed, ``index_version`` what it made."""

    id: str
    kind: Literal["add", "remove"]
    doc_id: str
    status: Status
    stage: str
    progress: float
    created_at: float
    finished_at: float | None = None
    error: str | None = None
    index_version: str | None = None


class BuildRunning(Exception):
    """A job is already queued or running; the message names it."""

    def __init__(self, job: Job) -> None:
        super().__init__(
            f"job {job.id} ({job.kind} {job.doc_id}) is {job.status}; one index build at a time, "
            "try again when it is done"
        )
        self.job = job


class JobRunner:
    """Runs one job at a time in a thread; later submissions are refused (``BuildRunning``) meanwhile."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._active: str | None = None
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    @property
    def active(self) -> Job | None:
        with self._lock:
            return self._jobs[self._active] if self._active else None

    def submit(self, kind: Literal["add", "remove"], doc_id: str, work: Work) -> Job:
        """Queue ``work`` (called with a progress reporter; returns the index version it made)."""
        with self._lock:
            if self._active is not None:
                raise BuildRunning(self._jobs[self._active])
            job_id = f"{next(self._numbers)}-{secrets.token_hex(4)}"
            job = Job(job_id, kind, doc_id, "queued", "queued", 0.0, time.time())
            self._jobs[job_id] = job
            while len(self._jobs) > KEPT_JOBS:
                self._jobs.popitem(last=False)
            self._active = job_id
        threading.Thread(target=self._run, args=(job_id, work), name=f"policyqa-job-{job_id}").start()
        return job

    def _update(self, job_id: str, **changes: object) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)  # type: ignore[arg-type]

    def _run(self, job_id: str, work: Work) -> None:
        self._update(job_id, status="running", stage="starting")

        def report(stage: str, progress: float) -> None:
            self._update(job_id, stage=stage, progress=round(progress, 3))

        try:
            version = work(report)
        except Exception as exc:  # any failure is the job's result, told to the client
            sys.stderr.write(f"policyqa: job {job_id} failed: {exc}\n")
            self._update(job_id, status="failed", stage="failed", error=str(exc), finished_at=time.time())
        else:
            self._update(
                job_id,
                status="done",
                stage="done",
                progress=1.0,
                index_version=version,
                finished_at=time.time(),
            )
        finally:
            with self._lock:
                self._active = None

    def wait(self, job_id: str, timeout: float) -> Job | None:
        """The job once finished, or as it is after ``timeout`` seconds (for the CLI and tests)."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.get(job_id)
            if job is None or job.status in ("done", "failed") or time.monotonic() > deadline:
                return job
            time.sleep(0.05)
