"""A tornado application on a real loopback port, for tests of the server-side handlers.

It runs in its own thread with its own event loop: the test process may already run one
in the main thread (Playwright's, when the browser tests share the session), and
tornado's AsyncHTTPTestCase cannot start a second loop there.
"""

from __future__ import annotations

import asyncio
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import tornado.httpserver
import tornado.netutil
import tornado.web


@contextmanager
def serving(make_app: Callable[[], tornado.web.Application]) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:PORT``) of ``make_app()`` while the block runs."""
    started = threading.Event()
    state: dict[str, object] = {}

    def serve() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
        server = tornado.httpserver.HTTPServer(make_app())
        server.add_sockets(sockets)
        state.update(port=sockets[0].getsockname()[1], loop=loop)
        started.set()
        loop.run_forever()
        server.stop()
        loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(10), "the test server did not start"
    try:
        yield f"http://127.0.0.1:{state['port']}"
    finally:
        loop = state["loop"]
        loop.call_soon_threadsafe(loop.stop)  # type: ignore[attr-defined]
        thread.join(10)


def fetch(
    url: str, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one request (error statuses included)."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
