"""Request bodies limited while they are read: too large is refused before it is held, too slow is cut off."""

from __future__ import annotations

import asyncio
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class BodyLimits:
    """413 as soon as a body (declared or streamed) passes ``max_bytes``; 408 if a part takes ``timeout`` s.

    Counting while reading means memory never holds more than ``max_bytes`` of one request, whatever its
    Content-Length says; the timeout stops a client that sends a body slowly to hold a worker. POSTs to
    ``upload_paths`` (papers) may carry up to ``upload_bytes`` instead.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        timeout: float,
        upload_paths: frozenset[str] = frozenset(),
        upload_bytes: int = 0,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.upload_paths = upload_paths
        self.upload_bytes = upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        upload = scope["method"] == "POST" and scope["path"] in self.upload_paths
        limit = max(self.upload_bytes, self.max_bytes) if upload else self.max_bytes
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, 413, "body_too_large", f"the request body is over {limit} bytes")
            return
        received = 0
        body_done = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, body_done
            if body_done:
                # After the body, receive() only waits for a disconnect: no deadline there.
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.timeout)
            except TimeoutError:
                raise _Refused(408, "request_timeout", "the request body arrived too slowly") from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _Refused(413, "body_too_large", f"the request body is over {limit} bytes")
                body_done = not message.get("more_body", False)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _Refused as exc:
            if started:
                raise
            await _refuse(send, exc.status, exc.code, exc.message)


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
