"""The session host: many app sessions in one kernel, one per browser tab.

Each tab gets its own ``AppSession`` (session state, widget values, query parameters,
``st.context``, runner thread), ``Publisher`` and ``Bridge``, exactly as one displayed
app has in a notebook; they share the kernel's module globals and the process-wide
caches (``st.cache_resource``, ``st.cache_data``), as Streamlit's sessions share one
server process.  The host knows nothing about how messages travel: ``open`` takes the
function that sends one session's messages to its tab (a comm in ``serve.kernel``; a
list in the unit tests).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from nbstream.render.app import display_config
from nbstream.render.bridge import Bridge
from nbstream.render.stream import Publisher
from nbstream.runtime.pages import PageTarget
from nbstream.runtime.request import RequestInfo
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession

_LOG = logging.getLogger("nbstream")

Send = Callable[[dict[str, Any], list[bytes]], None]


class HostedSession:
    """One tab's session: the session, what its tab shows, and the checks on what it sends."""

    def __init__(
        self,
        session_id: str,
        script: Script,
        send: Send,
        *,
        name: str,
        app_id: str | None,
        query: dict[str, list[str]] | None,
        page: str | None,
        request: RequestInfo | None = None,
    ) -> None:
        self.id = session_id
        self.session = AppSession(script, name=name)
        self.session.app_id = app_id
        self.session.request = request
        self.session.query_params = dict(query or {})
        if page:
            self.session.route.target = PageTarget(url_path=page)
        # A tab's prints go to the kernel's log: other visitors must not see them.
        self.publisher = Publisher(self.session, prints="log")
        self.bridge = Bridge(self.session, self.publisher, send)
        self.publisher.attach(send)

    def close(self) -> None:
        """End the session: its run is stopped, its timers and listeners dropped."""
        self.session.stop()
        self.session.close()
        self.publisher.close()


class SessionHost:
    """All the sessions of one app in this kernel."""

    def __init__(self, script: Script, *, name: str = "app", app_id: str | None = None) -> None:
        self.script = script
        self.name = name
        self.app_id = app_id
        self._sessions: dict[str, HostedSession] = {}
        self._lock = threading.Lock()

    @property
    def sessions(self) -> dict[str, HostedSession]:
        with self._lock:
            return dict(self._sessions)

    def config(self) -> dict[str, Any]:
        """What every tab's front end needs besides the tree: a page of its own, as Voila's."""
        return {**display_config(), "host": "voila"}

    def open(
        self,
        session_id: str,
        send: Send,
        *,
        query: dict[str, list[str]] | None = None,
        page: str | None = None,
        request: RequestInfo | None = None,
    ) -> HostedSession:
        """Start a tab's session: it is told its display settings, then its first run starts.
        ``request`` is the tab's request (``st.context``'s headers, ``st.user``'s cookie)."""
        hosted = HostedSession(
            session_id,
            self.script,
            send,
            name=self.name,
            app_id=self.app_id,
            query=query,
            page=page,
            request=request,
        )
        with self._lock:
            old = self._sessions.pop(session_id, None)
            self._sessions[session_id] = hosted
        if old is not None:
            old.close()
        send({"t": "init", "config": self.config()}, [])
        hosted.session.rerun()
        return hosted

    def handle(self, session_id: str, content: Any, buffers: list[Any] | None = None) -> bool:
        """One message from a tab, checked by its session's bridge; False if dropped."""
        with self._lock:
            hosted = self._sessions.get(session_id)
        if hosted is None:
            _LOG.warning("nbstream serve: dropped a message for no session")
            return False
        return hosted.bridge.handle(content, buffers)

    def close(self, session_id: str) -> bool:
        """End a tab's session (its tab is gone for good); False if there was none."""
        with self._lock:
            hosted = self._sessions.pop(session_id, None)
        if hosted is None:
            return False
        hosted.close()
        return True

    def reload(self, script: Script) -> None:
        """The app's file was saved (``server.runOnSave``): every session stops its run and
        reruns the new script, keeping its session state, as Streamlit's sessions do."""
        self.script = script
        for hosted in self.sessions.values():
            hosted.session.stop()
            hosted.session.set_script(script)
            hosted.session.rerun()

    def close_all(self) -> None:
        for session_id in list(self.sessions):
            self.close(session_id)
