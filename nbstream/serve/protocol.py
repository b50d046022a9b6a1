"""What travels between a tab and the server, and between the server and a kernel.

Kernel side: one comm per tab session, target ``TARGET``; its data is the app's own
messages (render/bridge.py and render/stream.py), unchanged.

Tab side: one websocket per tab.  A message without binary buffers is a text frame
holding its JSON; one with buffers is a binary frame: a 4-byte big-endian length ``n``,
``n`` bytes of JSON ``{"msg": {...}, "sizes": [len, ...]}``, then the buffers.  The
server's own messages to the tab have ``t`` of ``session`` (``{id, resumed}``: the tab's
session, new or found again) or ``ended`` (``{reason}``: the session is gone, the tab
starts a fresh one).  A tab sends only its app's messages: no ``t`` is the server's.
"""

from __future__ import annotations

import json
import struct
from typing import Any

TARGET = "nbstream.serve"

# The largest frame a tab may send (a text_area holds up to 8 million characters).
MAX_FRAME_BYTES = 9_000_000
# Messages per second a tab may send on average, and in a burst.
RATE_PER_SECOND = 100.0
RATE_BURST = 300
SERVER_TYPES = frozenset({"session", "ended"})


class BadFrame(ValueError):
    """A frame from a tab that is not one of its app's messages."""


def encode(msg: dict[str, Any], buffers: list[bytes] | None = None) -> str | bytes:
    """A message to a tab: JSON text, or the binary form when it carries buffers."""
    if not buffers:
        return json.dumps(msg, separators=(",", ":"))
    head = json.dumps({"msg": msg, "sizes": [len(b) for b in buffers]}, separators=(",", ":")).encode()
    return b"".join([struct.pack(">I", len(head)), head, *(bytes(b) for b in buffers)])


def decode(frame: str | bytes) -> tuple[dict[str, Any], list[bytes]]:
    """A tab's frame as (message, buffers); ``BadFrame`` if it is not a well-formed app message."""
    if len(frame) > MAX_FRAME_BYTES:
        raise BadFrame(f"a frame of {len(frame)} bytes (at most {MAX_FRAME_BYTES})")
    buffers: list[bytes] = []
    try:
        if isinstance(frame, str):
            msg = json.loads(frame)
        else:
            if len(frame) < 4:
                raise BadFrame("a binary frame without its header")
            (size,) = struct.unpack(">I", frame[:4])
            head = json.loads(frame[4 : 4 + size])
            if not isinstance(head, dict):
                raise BadFrame("a binary frame whose header is not an object")
            msg, sizes = head.get("msg"), head.get("sizes")
            if not isinstance(sizes, list) or not all(isinstance(n, int) and n >= 0 for n in sizes):
                raise BadFrame("a binary frame without its buffer sizes")
            at = 4 + size
            if at + sum(sizes) != len(frame):
                raise BadFrame("a binary frame whose buffers do not add up")
            for n in sizes:
                buffers.append(frame[at : at + n])
                at += n
    except (ValueError, UnicodeDecodeError, struct.error) as exc:
        if isinstance(exc, BadFrame):
            raise
        raise BadFrame(f"not JSON: {exc}") from None
    if not isinstance(msg, dict) or not isinstance(msg.get("t"), str):
        raise BadFrame("not an app message (an object with a type 't')")
    if msg["t"] in SERVER_TYPES:
        raise BadFrame(f"a {msg['t']!r} message, which only the server sends")
    return msg, buffers
