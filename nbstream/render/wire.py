"""The element tree as the browser receives it.

A ``WireNode`` is a plain dict: ``{"kind", "key", "props"}`` plus ``"children"`` for
blocks (js/src/types.js describes it for the JS side).  ``key`` is stable within the
node's parent, so the keyed diff can match an element of one run with the same element
of the next:

* a widget's key is its widget ID;
* a container made with ``key=`` is ``kind@key``;
* the page's areas (``main``, ``sidebar``, ``event``) are their names;
* anything else is ``kind#n``, its rank among the siblings of its kind.

Binary values in props (``bytes``, ``bytearray``, ``memoryview``) never go through
JSON: each becomes ``{"$blob": hash}`` and its bytes travel once as a buffer of the
message that first needs it (content-addressed, so equal bytes are sent once).  With a
``MediaStore`` (``nbstream.media_files``), a media source (a ``{"src": bytes, "mime"}``
prop of an image, audio, video, PDF or logo) above its threshold becomes a
``{"$media": url, ...}`` reference instead, which the browser loads over HTTP.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any

from nbstream.media_files import MediaStore
from nbstream.runtime.tree import AREAS, Node

WireNode = dict[str, Any]
Blobs = dict[str, bytes]

BLOB = "$blob"
MEDIA_KINDS = frozenset({"image", "audio", "video", "pdf", "logo"})

# Values that are their own JSON, checked by exact type (a bool or int subclass, a float
# that may be NaN, takes the long way).
_PLAIN = frozenset({str, int, bool, type(None)})


def blob_hash(data: bytes) -> str:
    """The content address of a buffer."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def to_wire(root: Node, media: MediaStore | None = None) -> tuple[WireNode, Blobs]:
    """The wire form of a tree and the buffers its props refer to (large media sources
    written to ``media`` when given).

    Props are deep-copied: a node changed in place later (``add_rows``) never changes a
    wire tree already shown, so the next diff sees the change.
    """
    blobs: Blobs = {}
    return _node(root, root.kind, blobs, media), blobs


def _node(node: Node, key: str, blobs: Blobs, media: MediaStore | None) -> WireNode:
    props = _value(node.props, blobs, media if node.kind in MEDIA_KINDS else None)
    wire: WireNode = {"kind": node.kind, "key": key, "props": props}
    if node.children is not None:
        wire["children"] = [
            _node(child, k, blobs, media)
            for child, k in zip(node.children, child_keys(node.children), strict=True)
        ]
    return wire


def child_keys(children: list[Node]) -> list[str]:
    """The keys of one block's children, unique among them."""
    keys: list[str] = []
    seen: set[str] = set()
    rank: dict[str, int] = {}
    for child in children:
        key = _own_key(child)
        if key is None or key in seen:
            n = rank.get(child.kind, 0)
            rank[child.kind] = n + 1
            key = f"{child.kind}#{n}"
            while key in seen:  # a user key that looks positional
                key += "'"
        seen.add(key)
        keys.append(key)
    return keys


def _own_key(node: Node) -> str | None:
    if node.kind in AREAS:
        return node.kind
    if node.id:
        return node.id
    user_key = node.props.get("key") if node.children is not None else None
    if isinstance(user_key, str) and user_key:
        return f"{node.kind}@{user_key}"
    return None


def _value(value: Any, blobs: Blobs, media: MediaStore | None = None) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        # JSON has no NaN or infinity; the browser reads null, as Streamlit's JSON does.
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        src = value.get("src")
        if (
            media is not None
            and isinstance(src, (bytes, bytearray, memoryview))
            and len(src) > media.threshold
        ):
            return _served(value, bytes(src), blobs, media)
        return {str(k): v if type(v) in _PLAIN else _value(v, blobs, media) for k, v in list(value.items())}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _PLAIN else _value(v, blobs, media) for v in list(value)]
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        digest = blob_hash(data)
        blobs[digest] = data
        return {BLOB: digest}
    return _scalar(value)


def _served(source: Mapping[str, Any], data: bytes, blobs: Blobs, media: MediaStore) -> dict[str, Any]:
    """A media source whose bytes the server serves: ``src`` becomes a URL reference."""
    mime = source.get("mime")
    try:
        ref = media.ref(data, blob_hash(data), mime if isinstance(mime, str) else None)
    except OSError:  # the server's directory is gone (or full): the bytes go as a buffer
        return {str(k): _value(v, blobs) for k, v in source.items()}
    out = {str(k): _value(v, blobs, media) for k, v in source.items() if k != "src"}
    out["src"] = ref
    return out


def _scalar(value: Any) -> Any:
    """NumPy scalars and the like, as the JSON value they stand for."""
    item = getattr(value, "item", None)
    if callable(item):
        try:
            return _value(item(), {})
        except (TypeError, ValueError):
            pass
    return str(value)


def blob_refs(wire: WireNode | list[Any]) -> set[str]:
    """The hashes of every buffer a wire tree (or a list of patch ops) refers to."""
    found: set[str] = set()
    _collect(wire, found)
    return found


def _collect(value: Any, found: set[str]) -> None:
    if isinstance(value, dict):
        ref = value.get(BLOB)
        if isinstance(ref, str) and len(value) == 1:
            found.add(ref)
            return
        for v in value.values():
            _collect(v, found)
    elif isinstance(value, list):
        for v in value:
            _collect(v, found)
