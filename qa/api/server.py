"""uvicorn with deliberate limits: a deadline for each request head and a cap on open connections."""

from __future__ import annotations

import asyncio
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from qa.settings import Settings


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol plus two guards it lacks.

    - A request head (request line and headers) must arrive within ``header_timeout`` seconds of its
      first byte or of the connection opening; otherwise the connection is closed. uvicorn's keep-alive
      timer stops at the first byte, so without this a client sending a byte now and then (slow-loris)
      holds a connection for ever.
    - Past ``max_connections`` open connections a new one is closed at once instead of being held.
    """

    header_timeout: float = 10.0
    max_connections: int = 256

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        if len(self.connections) > self.max_connections:
            transport.close()
            return
        self._arm_head_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE:
            if self._head_timer is None:
                self._arm_head_timer()
        else:
            self._disarm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        self._head_timer = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        # Only a connection still waiting for a head is closed; an idle keep-alive one has its own timer.
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def server_config(app: Any, settings: Settings) -> uvicorn.Config:
    """The uvicorn configuration every server of ours runs with (see the README's "Limits and timeouts")."""

    class Protocol(GuardedH11Protocol):
        header_timeout = settings.header_timeout
        max_connections = settings.max_connections

    return uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        http=Protocol,
        # Longer than clients keep idle pooled connections (httpx 5 s, browsers ~60 s), so the client closes
        # first; a server closing an idle connection while a request is on the way is a connection reset.
        timeout_keep_alive=int(settings.keep_alive_timeout),
        timeout_graceful_shutdown=10,
        h11_max_incomplete_event_size=16 * 1024,
        access_log=False,
        log_config=None,
        server_header=False,
    )
