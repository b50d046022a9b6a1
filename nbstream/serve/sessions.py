"""The server's record of tab sessions: which kernel and comm each lives in, which
websocket shows it now, and when a disconnected one is ended.

A tab whose websocket closes keeps its session for ``grace`` seconds (Streamlit's
``server.disconnectedSessionTTL``): a reload or a flaky network reconnects with the
session's id and finds it as it was (messages made meanwhile are held, up to
``HELD_MESSAGES``; a tab that missed more asks for a snapshot).  After that the session
is ended in its kernel (its runner stopped, its memory freed) and its id means nothing.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import deque
from collections.abc import Callable
from typing import Any

from nbstream.serve.pool import KernelPool, PoolKernel

_LOG = logging.getLogger("nbstream")

HELD_MESSAGES = 256

Sink = Callable[[dict[str, Any], list[bytes]], None]


class ServeSession:
    """One tab session on the server side (a ``pool.Tab``)."""

    def __init__(
        self, registry: Sessions, session_id: str, kernel: PoolKernel, request: dict[str, Any] | None = None
    ) -> None:
        self.registry = registry
        self.request = request or {}  # relay.request_of: the request that opened the session
        self.id = session_id
        self.kernel = kernel
        self.comm_id = ""
        self.sink: Sink | None = None
        self.held: deque[tuple[dict[str, Any], list[bytes]]] = deque(maxlen=HELD_MESSAGES)
        self.expiry: asyncio.TimerHandle | None = None
        self.closed = False
        self.init: dict[str, Any] | None = None

    # ---- from the kernel (pool.Tab) ----------------------------------------------------

    def deliver(self, content: dict[str, Any], buffers: list[bytes]) -> None:
        if content.get("t") == "init" and self.init is None:
            self.init = content  # a tab that comes back (a reload) needs it again
        if self.sink is not None:
            self.sink(content, buffers)
        else:
            self.held.append((content, buffers))

    def ended(self, reason: str) -> None:
        """The session is gone in its kernel (the kernel died, the host closed it)."""
        self.registry.forget(self)
        if self.sink is not None:
            self.sink({"t": "ended", "reason": reason}, [])

    # ---- from the tab --------------------------------------------------------------------

    def same_visitor(self, request: dict[str, Any]) -> bool:
        """Whether a tab coming back with this session's id (``request``: its websocket's
        ``relay.request_of``) may have it back: only with the same cookies.  After a login
        or logout the session's ``st.user`` and ``st.context`` would be another request's
        (Streamlit too starts a fresh session after a login), and another browser that
        learned the id has other cookies."""
        mine = (self.request.get("headers") or {}).get("Cookie")
        return mine == (request.get("headers") or {}).get("Cookie")

    def attach(self, sink: Sink) -> None:
        """Show the session in this tab; a tab that showed it until now is told to start afresh
        (a reload whose old websocket is not closed yet; a duplicated tab)."""
        if self.expiry is not None:
            self.expiry.cancel()
            self.expiry = None
        previous, self.sink = self.sink, sink
        if previous is not None:
            previous({"t": "ended", "reason": "elsewhere"}, [])
        if self.init is not None:
            # A reloaded page starts its front end from the session's settings; it then
            # asks for the whole display (its version 0 is not the session's).
            sink(self.init, [])
        while self.held:
            sink(*self.held.popleft())

    def detach(self, sink: Sink) -> None:
        """The tab's websocket closed: end the session unless it comes back in time."""
        if self.sink != sink or self.closed:
            return
        self.sink = None
        loop = asyncio.get_running_loop()
        self.expiry = loop.call_later(self.registry.grace, self.registry.end, self.id)

    def send(self, sink: Sink, msg: dict[str, Any], buffers: list[bytes]) -> None:
        """A message from the tab of ``sink``: relayed only while that tab shows the session."""
        if sink == self.sink and not self.closed:
            self.registry.pool.send(self.kernel, self.comm_id, msg, buffers)


class Sessions:
    """Every tab session of the server, by id."""

    def __init__(self, pool: KernelPool, *, grace: float = 120.0, log: logging.Logger | None = None) -> None:
        self.pool = pool
        self.grace = grace
        self.log = log or _LOG
        self._by_id: dict[str, ServeSession] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, session_id: str | None) -> ServeSession | None:
        return self._by_id.get(session_id) if session_id else None

    async def create(
        self, query: dict[str, list[str]], page: str | None, request: dict[str, Any] | None = None
    ) -> ServeSession:
        """A new session in the least busy kernel (waits while the pool starts); ``request``
        (``relay.request_of``) is what its ``st.context`` and ``st.user`` read."""
        kernel = await self.pool.acquire()
        session = ServeSession(self, secrets.token_urlsafe(18), kernel, request)
        self._by_id[session.id] = session
        data = {"session": session.id, "query": query, "page": page, "request": session.request}
        session.comm_id = self.pool.open(kernel, session, data)
        return session

    def end(self, session_id: str) -> None:
        """End a session for good (its grace period passed, or the server stops)."""
        session = self._by_id.pop(session_id, None)
        if session is None:
            return
        session.closed = True
        if session.expiry is not None:
            session.expiry.cancel()
        self.pool.close(session.kernel, session.comm_id)
        self.log.info("nbstream serve: session %s ended (%d left)", session_id[:6], len(self._by_id))

    def forget(self, session: ServeSession) -> None:
        session.closed = True
        if session.expiry is not None:
            session.expiry.cancel()
        if self._by_id.get(session.id) is session:
            del self._by_id[session.id]
