"""One JSON access-log line and Prometheus metrics per request, with a request id the client can quote."""

from __future__ import annotations

import logging
import re
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qa.service import ServiceHolder

access_logger = logging.getLogger("policyqa.access")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class Metrics:
    """The service's metrics in their own registry (one per app, so tests can run several apps)."""

    def __init__(self, holder: ServiceHolder, in_flight: Any) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "policyqa_http_requests",
            "HTTP requests by route, method and status",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "policyqa_http_request_duration_seconds",
            "time to answer, by route and status",
            ["route", "status"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.answers = Counter(
            "policyqa_answers", "answered questions by abstention", ["abstained"], registry=self.registry
        )
        index_info = Gauge(
            "policyqa_index_info",
            "the loaded index (value 1)",
            ["version", "encoder"],
            registry=self.registry,
        )
        Gauge(
            "policyqa_index_age_seconds", "seconds since the loaded index was built", registry=self.registry
        ).set_function(lambda: _index_age(holder))
        Gauge(
            "policyqa_index_build_seconds", "how long the loaded index took to build", registry=self.registry
        ).set_function(lambda: _manifest_number(holder, "build_seconds"))
        Gauge(
            "policyqa_questions_in_flight", "questions being answered now", registry=self.registry
        ).set_function(lambda: float(in_flight.in_flight))
        Gauge(
            "policyqa_questions_refused", "questions refused with 503 (busy) so far", registry=self.registry
        ).set_function(lambda: float(in_flight.rejected))
        self._index_info = index_info
        self._holder = holder
        self._shown_version: str | None = None

    def observe(self, route: str, method: str, status: int, seconds: float, log: dict[str, Any]) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, str(status)).observe(seconds)
        if "abstained" in log:
            self.answers.labels(str(log["abstained"]).lower()).inc()
        service = self._holder.service
        if service is not None and service.version != self._shown_version:
            self._index_info.clear()
            self._index_info.labels(service.version, service.index.manifest["encoder"]["name"]).set(1)
            self._shown_version = service.version


def _index_age(holder: ServiceHolder) -> float:
    if holder.service is None:
        return float("nan")
    built = datetime.fromisoformat(holder.service.index.manifest["built_at"])
    return (datetime.now(UTC) - built).total_seconds()


def _manifest_number(holder: ServiceHolder, key: str) -> float:
    if holder.service is None:
        return float("nan")
    return float(holder.service.index.manifest.get(key, float("nan")))


class AccessLog:
    """Times each request, tags it with ``X-Request-ID`` (the client's if sane, else new), logs, counts."""

    def __init__(self, app: ASGIApp, metrics: Metrics, enabled: bool) -> None:
        self.app = app
        self.metrics = metrics
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = scope.get("route")
            route_path = getattr(route, "path", "unmatched")
            log: dict[str, Any] = dict(scope.get("state", {}).get("log", {}))
            self.metrics.observe(route_path, scope["method"], status, seconds, log)
            if self.enabled:
                access_logger.info(
                    "%s %s %s",
                    scope["method"],
                    scope["path"],
                    status,
                    extra={
                        "request_id": request_id,
                        "method": scope["method"],
                        "path": scope["path"],
                        "route": route_path,
                        "status": status,
                        "latency_ms": round(seconds * 1000, 2),
                        **log,
                    },
                )
