"""Browser messages -> validated session calls.

Everything that arrives from the browser is untrusted.  A message is a JSON object with
a type ``t``; anything else -- an unknown type, a missing or mistyped field, an unknown
widget, a value the widget's serde refuses, a message too large or too deep, binary
buffers where none belong -- is dropped with one log line, before it can touch the
session (so a bad message does not even interrupt a running script).  Nothing from
the browser is evaluated, unpickled, or used as a path.

Messages (browser -> kernel):

* ``{"t": "hello", "v": int}`` -- a view started at version ``v``;
* ``{"t": "set", "values": {widget_id: wire_value, ...}, "seq": n, "page": str}`` --
  committed widget values (``seq`` numbers one browser page's value messages, see
  render/stream.py);
* ``{"t": "click", "id": widget_id, "values": {...}, "seq": n, "page": str}`` -- a click,
  with values changed just before it; a trigger that carries a value (chat_input's
  submitted text, or ``{"text", "files"}`` when it accepts files) sends it as ``"value"``;
* ``{"t": "rerun"}``, ``{"t": "stop"}``, ``{"t": "clear_cache"}`` -- the app menu;
* ``{"t": "request", "rid": str, "at": [key, ...], "payload": {...}}`` -- an element
  asks for data (answered by ``elements._base.REQUEST_HANDLERS`` for its kind);
* ``{"t": "page", "path": str, "query": {key: [str, ...]}}`` -- show the page with this
  URL pathname ("" for the default page), with these query parameters (optional: kept
  when absent); a pathname no page has shows the default page and "Page not found";
* ``{"t": "bundle"}`` -- the loader found no bundle on the server: send it (once);
* ``{"t": "client", "info": {...}}`` -- what the browser says about itself for
  ``st.context`` (locale, time zone, URL, theme, cookies, ...; runtime/client.py checks it);
* ``{"t": "views", "page": str, "n": int}`` -- a browser page now shows ``n`` views of
  the app; with no view anywhere, the app's ``run_every`` fragments pause;
* ``{"t": "upload", "rid": str, "id": widget_id, "file": str, "name": str, "type": str,
  "size": int, "offset": int}`` with exactly one binary buffer -- one chunk of a file
  for an uploader widget or a chat_input that accepts files (``"cancel": true`` and no
  buffer drops an unfinished one); answered with a ``response`` holding
  ``{"received": n}`` or the refusal.  The widget's serde checks the file
  (runtime/uploads.py); a later ``set`` (an uploader) or submission (chat) names it;
* ``{"t": "ping", "n": int}`` -- the browser's heartbeat: answered ``{"t": "pong", "n": n}``
  at once, even while a script runs (a kernel that stops answering has died, see
  js/src/connection.js).
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable
from typing import Any

from nbstream.elements._base import REQUEST_HANDLERS
from nbstream.render import assets
from nbstream.render.stream import MAX_PAGES, Publisher
from nbstream.render.wire import child_keys
from nbstream.runtime import caches, client
from nbstream.runtime.pages import PageTarget
from nbstream.runtime.session import AppSession
from nbstream.runtime.state import carries_value
from nbstream.runtime.tree import Node
from nbstream.runtime.uploads import UploadRefused
from nbstream.runtime.widgets import InvalidWireValue

_LOG = logging.getLogger("nbstream")

MAX_MESSAGE_CHARS = 8_000_000  # above the longest text a text_area accepts
MAX_DEPTH = 32
MAX_VALUES = 1_000
MAX_ID_CHARS = 1_000
MAX_VERSION = 2**53
MAX_PATH_CHARS = 500

_REQUEST_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="nbstream-request")

Reply = Callable[[dict[str, Any], list[bytes]], None]


class Dropped(ValueError):
    """A browser message that is not valid; the reason is logged."""


class Bridge:
    """Validates one app's browser messages and calls its session."""

    def __init__(
        self, session: AppSession, publisher: Publisher, reply: Reply, *, interactive: bool = True
    ) -> None:
        self.session = session
        self.publisher = publisher
        self.reply = reply
        self.interactive = interactive
        self.dropped = 0
        # type -> (handler, the fields a message of that type may have besides "t")
        self._handlers: dict[str, tuple[Callable[[dict[str, Any]], None], frozenset[str]]] = {
            "hello": (self._hello, frozenset({"v"})),
            "set": (self._set, frozenset({"values", "seq", "page"})),
            "click": (self._click, frozenset({"id", "value", "values", "seq", "page"})),
            "rerun": (self._rerun, frozenset()),
            "stop": (self._stop, frozenset()),
            "clear_cache": (self._clear_cache, frozenset()),
            "request": (self._request, frozenset({"rid", "at", "payload"})),
            "bundle": (self._bundle, frozenset()),
            "views": (self._views, frozenset({"page", "n"})),
            "client": (self._client, frozenset({"info"})),
            "upload": (
                self._upload,
                frozenset({"rid", "id", "file", "name", "type", "size", "offset", "cancel"}),
            ),
            "page": (self._page, frozenset({"path", "query"})),
            "ping": (self._ping, frozenset({"n"})),
        }
        self._buffers: list[Any] = []
        self._page_views: dict[str, int] = {}
        self._answering: list[concurrent.futures.Future[None]] = []

    def handle(self, content: Any, buffers: list[Any] | None = None) -> bool:
        """Act on one message; False (and a log line) if it was dropped."""
        try:
            handler = self._check(content, buffers)
            self._buffers = list(buffers or [])
            handler(content)
        except (Dropped, InvalidWireValue) as exc:
            self.dropped += 1
            _LOG.warning("nbstream: dropped a browser message: %s", exc)
            return False
        except Exception as exc:  # a serde or handler bug must not reach the kernel
            self.dropped += 1
            _LOG.warning("nbstream: dropped a browser message (%s: %s)", type(exc).__name__, exc)
            return False
        return True

    def _check(self, content: Any, buffers: list[Any] | None) -> Callable[[dict[str, Any]], None]:
        if not isinstance(content, dict):
            raise Dropped(f"not an object but {type(content).__name__}")
        kind = content.get("t")
        if buffers and (kind != "upload" or len(buffers) != 1):
            raise Dropped("unexpected binary buffers")
        entry = self._handlers.get(kind) if isinstance(kind, str) else None
        if entry is None:
            raise Dropped(f"unknown message type {_short(kind)}")
        handler, fields = entry
        extra = set(content) - fields - {"t"}
        if extra:
            raise Dropped(f"unexpected fields {_short(sorted(extra, key=str))} in a {kind!r} message")
        _check_size(content)
        if not self.interactive and kind not in ("hello", "request", "bundle", "ping"):
            raise Dropped(f"{kind!r} to an app that does not rerun (a cell's st.* calls)")
        return handler

    # ---- handlers ------------------------------------------------------------------------

    def _views(self, msg: dict[str, Any]) -> None:
        page = _field(msg, "page", str)
        count = _field(msg, "n", int)
        if not 0 < len(page) <= MAX_ID_CHARS or not 0 <= count <= MAX_VALUES:
            raise Dropped("a 'views' message out of range")
        self._page_views.pop(page, None)
        if count:
            self._page_views[page] = count
            while len(self._page_views) > MAX_PAGES:  # forget the page heard from longest ago
                del self._page_views[next(iter(self._page_views))]
        self.session.fragments.paused = not self._page_views

    def _ping(self, msg: dict[str, Any]) -> None:
        n = _field(msg, "n", int)
        if not 0 <= n <= MAX_VERSION:
            raise Dropped(f"ping number {_short(n)} out of range")
        self.reply({"t": "pong", "n": n}, [])

    def _client(self, msg: dict[str, Any]) -> None:
        try:
            info = client.parse(msg.get("info"))
        except ValueError as exc:
            raise Dropped(f"client info: {exc}") from None
        self.session.set_client(info)

    def _hello(self, msg: dict[str, Any]) -> None:
        version = _field(msg, "v", int)
        if not -1 <= version <= MAX_VERSION:
            raise Dropped(f"version {_short(version)} out of range")
        self.publisher.hello(version)

    def _set(self, msg: dict[str, Any]) -> None:
        values = self._values(msg.get("values"))
        if not values:
            raise Dropped("'set' without values")
        self.publisher.browser_values(values, _seq(msg), _page(msg))
        self.session.set_values(values)

    def _click(self, msg: dict[str, Any]) -> None:
        wid = _field(msg, "id", str)
        meta = self.session.state.widget_meta(wid)
        if meta is None or not meta.trigger:
            raise Dropped(f"click on {_short(wid)}, which is not a button of this app")
        values = self._values(msg.get("values", {}))
        if carries_value(meta) != ("value" in msg):
            raise Dropped(
                f"a click on {_short(wid)} with a value it does not take, or without the one it needs"
            )
        if "value" in msg:  # a chat_input's submission: the text (and files) come with the event
            meta.serde.deserialize(msg["value"])
            values[wid] = msg["value"]
            settle = getattr(meta.serde, "settle", None)
            if settle is not None:  # files of its earlier submissions are forgotten
                settle(wid, msg["value"])
        self.publisher.browser_values(values, _seq(msg), _page(msg))
        self.session.click(wid, values)

    def _upload(self, msg: dict[str, Any]) -> None:
        rid = _field(msg, "rid", str)
        wid = _field(msg, "id", str)
        file_id = _field(msg, "file", str)
        if len(rid) > MAX_ID_CHARS or len(wid) > MAX_ID_CHARS:
            raise Dropped("an 'upload' with an ID too long to be one")
        meta = self.session.state.widget_meta(wid)
        receiver = getattr(meta.serde, "receive", None) if meta is not None else None
        if meta is None or receiver is None:
            raise Dropped(f"an upload to {_short(wid)}, which is not an uploader of this app")
        if msg.get("cancel") is True and not self._buffers:
            meta.serde.cancel(file_id)  # type: ignore[attr-defined]
            self.reply({"t": "response", "rid": rid, "content": {"received": 0}}, [])
            return
        if "cancel" in msg or len(self._buffers) != 1:
            raise Dropped("an upload chunk needs exactly one buffer")
        try:
            received = receiver(
                file_id,
                name=_field(msg, "name", str),
                type=_field(msg, "type", str),
                size=_field(msg, "size", int),
                offset=_field(msg, "offset", int),
                chunk=self._buffers[0],
            )
        except UploadRefused as exc:
            self.dropped += 1
            _LOG.warning("nbstream: upload refused: %s", exc)
            self.reply({"t": "response", "rid": rid, "error": str(exc)}, [])
            return
        self.reply({"t": "response", "rid": rid, "content": {"received": received}}, [])

    def _page(self, msg: dict[str, Any]) -> None:
        path = _field(msg, "path", str)
        if len(path) > MAX_PATH_CHARS or any(c in path for c in "\x00\n\r\t"):
            raise Dropped("a page path too long or with control characters")
        query = None
        if "query" in msg:
            raw = _field(msg, "query", dict)
            if len(raw) > MAX_VALUES:
                raise Dropped("too many query parameters")
            query = {}
            for key, values in raw.items():
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    raise Dropped(f"query parameter {_short(key)} must be a list of strings")
                query[key] = list(values)
        self.session.open_page(PageTarget(url_path=path.strip("/"), query=query))

    def _rerun(self, msg: dict[str, Any]) -> None:
        self.session.rerun()

    def _stop(self, msg: dict[str, Any]) -> None:
        self.session.stop()

    def _clear_cache(self, msg: dict[str, Any]) -> None:
        cleared = caches.clear_all()
        _LOG.info("nbstream: cleared caches: %s", ", ".join(cleared) or "none registered")

    def _request(self, msg: dict[str, Any]) -> None:
        rid = _field(msg, "rid", str)
        at = _field(msg, "at", list)
        payload = _field(msg, "payload", dict)
        try:
            node = find(self.session.tree, at)
        except Dropped:
            # The browser draws a run's elements while it goes on (the first run of an app
            # too): an element new in this run is only in the running tree so far.
            running = self.publisher.running_root()
            try:
                node = find(running, at) if running is not None else None
            except Dropped:
                node = None
        if node is None:
            # Answered at once, so the browser does not wait out its timeout for an element
            # a later run removed; it may ask again.
            self.dropped += 1
            _LOG.warning("nbstream: a request to no element at %s", _short(at))
            self.reply({"t": "response", "rid": rid, "error": f"no element at {_short(at)}"}, [])
            return
        handler = REQUEST_HANDLERS.get(node.kind)
        if handler is None:
            raise Dropped(f"a request to a {node.kind} element, which answers none")
        # Answered on a worker thread: sorting ten million rows takes a second, and the
        # kernel keeps taking every app's messages meanwhile (pyarrow and NumPy release
        # the GIL while they work).
        self._answering.append(_REQUEST_POOL.submit(self._answer, rid, node, handler, payload))
        self._answering = [f for f in self._answering if not f.done()]

    def _answer(self, rid: str, node: Node, handler: Callable[..., Any], payload: dict[str, Any]) -> None:
        try:
            answer, buffers = handler(node, payload)
        except Exception as exc:  # a refused (untrusted) payload, or a handler bug
            self.dropped += 1
            _LOG.warning("nbstream: request refused by %s: %s: %s", node.kind, type(exc).__name__, exc)
            self.reply({"t": "response", "rid": rid, "error": str(exc)}, [])
            return
        self.reply({"t": "response", "rid": rid, "content": answer}, list(buffers))

    def wait_requests(self, timeout: float | None = None) -> None:
        """Wait for the requests being answered (tests)."""
        concurrent.futures.wait(list(self._answering), timeout=timeout)

    def _bundle(self, msg: dict[str, Any]) -> None:
        js, css = assets.bundle_js(), assets.inline_css()
        self.reply({"t": "bundle", "hash": assets.manifest()["hash"]}, [js.encode(), css.encode()])

    # ---- validation ----------------------------------------------------------------------

    def _values(self, values: Any) -> dict[str, Any]:
        if not isinstance(values, dict):
            raise Dropped(f"values must be an object, not {type(values).__name__}")
        if len(values) > MAX_VALUES:
            raise Dropped(f"{len(values)} values in one message")
        for wid, wire in values.items():
            if len(wid) > MAX_ID_CHARS:
                raise Dropped("a widget ID too long to be one")
            meta = self.session.state.widget_meta(wid)
            if meta is None or meta.trigger:
                raise Dropped(f"a value for {_short(wid)}, which is not a widget of this app")
            meta.serde.deserialize(wire)  # raises for what the widget could not have sent
        for wid, wire in values.items():
            settle = getattr(self.session.state.widget_meta(wid).serde, "settle", None)
            if settle is not None:  # an uploader forgets the files it no longer holds
                settle(wid, wire)
        return values


def find(root: Node, at: list[Any]) -> Node:
    """The node at a path of wire keys."""
    node = root
    for key in at:
        if not isinstance(key, str) or node.children is None:
            raise Dropped(f"no element at {_short(at)}")
        children = list(node.children)
        try:
            node = children[child_keys(children).index(key)]
        except ValueError:
            raise Dropped(f"no element at {_short(at)}") from None
    return node


def _page(msg: dict[str, Any]) -> str:
    """Which browser page sent a value message ("" from one that does not say)."""
    if "page" not in msg:
        return ""
    page = _field(msg, "page", str)
    if len(page) > MAX_ID_CHARS:
        raise Dropped("page id too long")
    return page


def _seq(msg: dict[str, Any]) -> int | None:
    """The browser's sequence number of a value message (optional)."""
    if "seq" not in msg:
        return None
    seq = _field(msg, "seq", int)
    if not 0 <= seq <= MAX_VERSION:
        raise Dropped(f"sequence number {_short(seq)} out of range")
    return seq


def _field(msg: dict[str, Any], name: str, kind: type) -> Any:
    value = msg.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Dropped(f"field {name!r} must be {kind.__name__}, not {type(value).__name__}")
    return value


def _check_size(content: Any) -> None:
    budget = MAX_MESSAGE_CHARS
    stack: list[tuple[Any, int]] = [(content, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise Dropped("nested too deep")
        if isinstance(value, str):
            budget -= len(value)
        elif isinstance(value, dict):
            budget -= 8 * len(value)
            for k, v in value.items():
                if not isinstance(k, str):
                    raise Dropped("a non-string object key")
                budget -= len(k)
                stack.append((v, depth + 1))
        elif isinstance(value, list):
            budget -= 8 * len(value)
            stack.extend((v, depth + 1) for v in value)
        elif value is None or isinstance(value, (bool, int, float)):
            budget -= 8
        else:
            raise Dropped(f"a {type(value).__name__} value, which JSON cannot carry")
        if budget < 0:
            raise Dropped("message too large")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
