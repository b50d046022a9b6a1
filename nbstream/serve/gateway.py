"""Kernels through a Jupyter (Enterprise) Gateway: the pool's link to one of them.

With a gateway URL (``nbstream serve --gateway-url``, ``server.gatewayUrl``,
``JUPYTER_GATEWAY_URL``) Jupyter Server's own gateway support starts, lists and deletes
the pool's kernels through the gateway's REST API, with its ``GatewayClient`` options
(auth token, headers, timeouts, certificates).  The kernel's messages travel over the
gateway's kernel websocket (``<ws url>/api/kernels/<id>/channels``), which this module
speaks itself: Jupyter Server's ``GatewayKernelClient`` decodes only text frames (an
app's patches carry binary buffers), sends no auth header on that websocket and polls
its queues in a busy loop.  The browser never reaches the gateway: this server holds
the only connection, and sends a kernel nothing but the pool's messages.

What a remote kernel cannot share with the server is shipped or turned off (see
``remote_spec``): the app's source travels in ``SETUP``; large media go inline over
the comm, never to a directory the server would have to read.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import struct
import time
from typing import Any

from jupyter_client.jsonutil import json_default
from jupyter_client.session import Session
from jupyter_server.gateway.gateway_client import GatewayClient
from jupyter_server.utils import url_path_join
from tornado.escape import url_escape
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

_LOG = logging.getLogger("nbstream")

CHANNELS = ("shell", "iopub", "stdin", "control")
# The gateway is the server's own (configured, not a visitor): its messages may be as large
# as an app's inline media get.
MAX_MESSAGE = 1 << 30
# How often the gateway is asked whether a kernel still exists (its websocket can stay
# open on a kernel the gateway deleted).
CHECK_SECONDS = 2.0


def remote_spec(path: str, argv: list[str]) -> dict[str, Any]:
    """The ``SETUP`` spec of a kernel on another machine: the app's source travels with it
    (its file is the server's), and its media go inline over the comm (the server's media
    directory is not on the kernel's machine)."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    return {"path": os.path.abspath(path), "argv": list(argv), "source": source, "inline_media": True}


def encode(msg: dict[str, Any], channel: str) -> str | bytes:
    """A message for the kernel websocket's (legacy) protocol: JSON text, or with buffers
    a binary frame (their count, their offsets, the JSON, the buffers)."""
    body = {k: v for k, v in msg.items() if k != "buffers"}
    body["channel"] = channel
    text = json.dumps(body, default=json_default)
    buffers = [bytes(b) for b in msg.get("buffers") or []]
    if not buffers:
        return text
    parts = [text.encode("utf-8"), *buffers]
    offsets = [4 * (len(parts) + 1)]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part))
    return struct.pack(f"!{len(parts) + 1}I", len(parts), *offsets) + b"".join(parts)


def decode(raw: str | bytes) -> dict[str, Any]:
    """A message from the kernel websocket (text or binary frame); ValueError if malformed."""
    if isinstance(raw, str):
        msg = json.loads(raw)
        buffers: list[bytes] = []
    else:
        if len(raw) < 8:
            raise ValueError("a binary frame too short for its header")
        (count,) = struct.unpack("!I", raw[:4])
        if not 1 <= count <= (len(raw) - 4) // 4:
            raise ValueError("a binary frame with a bad part count")
        offsets = list(struct.unpack(f"!{count}I", raw[4 : 4 * (count + 1)]))
        ends = [*offsets[1:], len(raw)]
        if offsets[0] < 4 * (count + 1) or any(a > b for a, b in zip(offsets, ends, strict=True)):
            raise ValueError("a binary frame with bad offsets")
        parts = [raw[a:b] for a, b in zip(offsets, ends, strict=True)]
        msg = json.loads(parts[0].decode("utf-8"))
        buffers = parts[1:]
    if not isinstance(msg, dict) or not isinstance(msg.get("header"), dict):
        raise ValueError("not a kernel message")
    msg["buffers"] = buffers
    return msg


class _Channel:
    """What the pool sends on: ``send(msg)`` writes it to the websocket for one channel."""

    def __init__(self, link: GatewayKernelLink, name: str) -> None:
        self.link = link
        self.name = name

    def send(self, msg: dict[str, Any]) -> None:
        self.link.write(encode(msg, self.name))


class GatewayKernelLink:
    """One gateway kernel's messages, for the pool (as a local kernel client serves it)."""

    def __init__(self, kernel_id: str, *, log: logging.Logger | None = None) -> None:
        self.kernel_id = kernel_id
        self.log = log or _LOG
        # Builds the messages; the gateway signs what it forwards to the kernel.
        self.session = Session(username="nbstream")
        self.shell_channel = _Channel(self, "shell")
        self.control_channel = _Channel(self, "control")
        self._queues: dict[str, asyncio.Queue[dict[str, Any] | None]] = {c: asyncio.Queue() for c in CHANNELS}
        self._ws: WebSocketClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._checked = time.monotonic()
        # Why the kernel is gone (None while it lives): the websocket closed, the gateway
        # restarted it behind the app's back, or it no longer lists it.
        self.lost: str | None = None

    def _url(self, scheme: str) -> str:
        client = GatewayClient.instance()
        base = client.ws_url if scheme == "ws" else client.url
        return url_path_join(base or "", client.kernels_endpoint, url_escape(self.kernel_id))

    async def open(self) -> None:
        """Connect to the kernel's websocket on the gateway (with the gateway's auth)."""
        args = GatewayClient.instance().load_connection_args()
        url = url_path_join(self._url("ws"), "channels") + f"?session_id={url_escape(self.session.session)}"
        request = HTTPRequest(url, **args)
        self._ws = await websocket_connect(request, max_message_size=MAX_MESSAGE)
        # A click is one small frame: sent at once, not held back to be combined (Nagle).
        with contextlib.suppress(AttributeError):
            self._ws.protocol.stream.set_nodelay(True)
        self._reader = asyncio.ensure_future(self._read())

    def write(self, frame: str | bytes) -> None:
        if self._ws is None or self.lost is not None:
            return
        self._ws.write_message(frame, binary=isinstance(frame, bytes))

    async def _read(self) -> None:
        assert self._ws is not None
        while True:
            raw = await self._ws.read_message()
            self._ack_at_once()
            if raw is None:
                self._lose("the gateway closed the kernel's websocket")
                return
            try:
                msg = decode(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                self.log.warning("nbstream serve: a gateway message was dropped: %s", exc)
                continue
            channel = msg.pop("channel", None)
            if channel == "iopub" and msg["header"].get("msg_type") == "status":
                state = (msg.get("content") or {}).get("execution_state")
                if state in ("restarting", "dead"):
                    # The gateway restarted the kernel (its process died): the app and its
                    # sessions are gone from it; the pool replaces it with a loaded one.
                    self._lose(f"the gateway reports the kernel {state}")
            queue = self._queues.get(str(channel))
            if queue is not None:
                queue.put_nowait(msg)

    def _ack_at_once(self) -> None:
        """Acknowledge what arrived without delay (Linux's TCP_QUICKACK, which lapses, so
        after each frame).  The gateway's websocket sends with Nagle's algorithm on: its
        next small frame (a patch after a status message) waits for this side's ACK, which
        delayed ACKs would hold back up to 40 ms on every click."""
        quickack = getattr(socket, "TCP_QUICKACK", None)
        stream = getattr(getattr(self._ws, "protocol", None), "stream", None)
        if quickack is None or stream is None or stream.socket is None:
            return
        with contextlib.suppress(OSError):
            stream.socket.setsockopt(socket.IPPROTO_TCP, quickack, 1)

    def _lose(self, why: str) -> None:
        if self.lost is None:
            self.lost = why
        for queue in self._queues.values():
            queue.put_nowait(None)  # wakes a reader waiting on it

    async def _get(self, channel: str, timeout: float | None) -> dict[str, Any]:
        queue = self._queues[channel]
        if self.lost is not None and queue.empty():
            raise ConnectionError(self.lost)
        msg = await asyncio.wait_for(queue.get(), timeout)
        if msg is None:
            raise ConnectionError(self.lost or "the kernel is gone")
        return msg

    async def get_iopub_msg(self, timeout: float | None = None) -> dict[str, Any]:
        return await self._get("iopub", timeout)

    async def get_shell_msg(self, timeout: float | None = None) -> dict[str, Any]:
        return await self._get("shell", timeout)

    def execute(self, code: str, silent: bool = False, store_history: bool = True) -> str:
        content = {
            "code": code,
            "silent": silent,
            "store_history": store_history,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        msg = self.session.msg("execute_request", content)
        self.shell_channel.send(msg)
        return str(msg["header"]["msg_id"])

    async def wait_for_ready(self, timeout: float) -> None:
        """Ask for the kernel's info until it answers (it may still be starting)."""
        deadline = time.monotonic() + timeout
        while True:
            msg = self.session.msg("kernel_info_request", {})
            self.shell_channel.send(msg)
            asked = msg["header"]["msg_id"]
            step = time.monotonic() + 1.0
            while (left := min(step, deadline) - time.monotonic()) > 0:
                try:
                    reply = await self.get_shell_msg(timeout=left)
                except TimeoutError:
                    break
                if reply.get("parent_header", {}).get("msg_id") == asked:
                    return
            if time.monotonic() >= deadline:
                raise TimeoutError(f"the gateway's kernel {self.kernel_id} did not answer in time")

    async def alive(self) -> bool:
        """False once the kernel is gone: its websocket closed, the gateway restarted it, or
        (asked every ``CHECK_SECONDS``) the gateway no longer has it."""
        if self.lost is not None:
            return False
        if time.monotonic() - self._checked < CHECK_SECONDS:
            return True
        self._checked = time.monotonic()
        args = GatewayClient.instance().load_connection_args()
        request = HTTPRequest(self._url("http"), method="GET", **args)
        try:
            response = await AsyncHTTPClient().fetch(request, raise_error=False)
        except Exception as exc:  # the gateway unreachable: its websocket says when it is for good
            self.log.warning("nbstream serve: the gateway did not answer about %s: %s", self.kernel_id, exc)
            return True
        if response.code == 404:
            self._lose("the gateway no longer has the kernel")
            return False
        return True

    def stop_channels(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        if self._ws is not None:
            with contextlib.suppress(Exception):
                self._ws.close()
        self._lose("closed")


async def connect(kernel_manager: Any, kernel_id: str) -> GatewayKernelLink:
    """The pool's link to a kernel the gateway started."""
    link = GatewayKernelLink(kernel_id, log=getattr(kernel_manager, "log", None))
    await link.open()
    return link
