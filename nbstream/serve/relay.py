"""The tab's websocket: the only way a visitor reaches a kernel.

A tab connects to ``_nbstream/ws`` (with ``session=<id>`` to get its session back after
a drop) and is bound to exactly one session.  What it sends goes, as data, to that
session's own comm: the tab never names a kernel, a comm or a message type, so there is
no path from it to ``execute_request``, another target's ``comm_open``, another tab's
comm, or the kernel's control channel.  Frames that are not app messages, larger than
``protocol.MAX_FRAME_BYTES`` or beyond the rate limit are dropped here and logged;
the session's bridge in the kernel then checks every field as for a displayed app.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any
from urllib.parse import parse_qs

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.base.websocket import WebSocketMixin
from tornado import web
from tornado.websocket import WebSocketClosedError, WebSocketHandler

from nbstream.serve import protocol
from nbstream.serve.pool import PoolFull
from nbstream.serve.sessions import ServeSession, Sessions

PAGE_PARAM = "page"
# Dropped frames after which a tab's connection is closed (it is not a browser of ours).
MAX_DROPPED = 1_000


class RateLimit:
    """A token bucket: ``rate`` messages a second on average, ``burst`` at once."""

    def __init__(self, rate: float = protocol.RATE_PER_SECOND, burst: int = protocol.RATE_BURST) -> None:
        self.rate, self.burst = rate, burst
        self.tokens = float(burst)
        self.at = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


# Headers of the websocket handshake itself, not of the visitor's request.
_HANDSHAKE = frozenset({"upgrade", "connection", "sec-websocket-key", "sec-websocket-version",
                        "sec-websocket-extensions", "sec-websocket-protocol"})  # fmt: skip


def request_of(request: Any, base_url: str) -> dict[str, Any]:
    """What ``st.context`` and ``st.user`` need of a tab's websocket request: its headers
    (repeated ones joined by commas, as one header), the visitor's address (Jupyter
    Server's ``trust_xheaders`` makes it a proxy's ``X-Real-Ip``) and the app's URL."""
    headers: dict[str, str] = {}
    for name, value in request.headers.get_all():
        if name.lower() in _HANDSHAKE:
            continue
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    scheme = "https" if request.protocol == "https" else "http"
    return {
        "headers": headers,
        "remote_ip": request.remote_ip,
        "url": f"{scheme}://{request.host}{base_url}",
        "base_url": base_url,
    }


def query_of(search: str) -> tuple[dict[str, list[str]], str | None]:
    """The app's query parameters and page from the tab's ``location.search``."""
    params = parse_qs(search.lstrip("?"), keep_blank_values=True, max_num_fields=1000)
    page = params.pop(PAGE_PARAM, None)
    return params, (page[-1].strip("/") if page else None)


class RelayHandler(WebSocketMixin, WebSocketHandler, JupyterHandler):  # type: ignore[misc]
    """One tab's connection to its own session."""

    session: ServeSession | None = None
    dropped = 0

    @property
    def sessions(self) -> Sessions:
        return self.settings["nbstream_sessions"]

    async def get(self, *args: Any, **kwargs: Any) -> None:
        if self.current_user is None:
            raise web.HTTPError(403)
        await super().get(*args, **kwargs)

    async def open(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        super().open()
        self.set_nodelay(True)
        self.limit = RateLimit()
        request = request_of(self.request, self.base_url)
        session = self.sessions.get(self.get_argument("session", ""))
        if session is not None and not session.same_visitor(request):
            # Left alone: if its tab is gone, its grace period ends it.
            session = None
        resumed = session is not None
        if session is None:
            query, page = query_of(self.get_argument("search", "")[:10_000])
            try:
                session = await self.sessions.create(query, page, request)
            except PoolFull as exc:
                self.log.warning("nbstream serve: refused a tab: %s", exc)
                self.close(1013, "The server serves as many sessions as it can; try again later.")
                return
            except Exception as exc:
                self.log.error("nbstream serve: no session for a tab: %s", exc)
                self.close(1011, "The app could not start.")
                return
        self.session = session
        self._sink({"t": "session", "id": session.id, "resumed": resumed}, [])
        session.attach(self._sink)

    def _sink(self, content: dict[str, Any], buffers: list[bytes]) -> None:
        with contextlib.suppress(WebSocketClosedError):
            self.write_message(protocol.encode(content, buffers), binary=bool(buffers))

    def on_message(self, frame: str | bytes) -> None:
        session = self.session
        if session is None or session.closed:
            return
        try:
            if not self.limit.take():
                raise protocol.BadFrame("too many messages")
            msg, buffers = protocol.decode(frame)
        except protocol.BadFrame as exc:
            self.dropped += 1
            self.log.warning("nbstream serve: dropped a message of session %s: %s", session.id[:6], exc)
            if self.dropped >= MAX_DROPPED:
                self.close(1008, "Too many invalid messages.")
            return
        session.send(self._sink, msg, buffers)

    def on_close(self) -> None:
        if self.session is not None:
            self.session.detach(self._sink)
