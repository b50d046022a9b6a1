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
message that first needs it (content-addressed, so equal bytes are sent once).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any

from nbstream.runtime.tree import AREAS, Node

WireNode = dict[str, Any]
Blobs = dict[str, bytes]

BLOB = "$blob"

# Values that are their own JSON, checked by exact type (a bool or int subclass, a float
# that may be NaN, takes the long way).
_PLAIN = frozenset({str, int, bool, type(None)})


def blob_hash(data: bytes) -> str:
    """The content address of a buffer."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def to_wire(root: Node) -> tuple[WireNode, Blobs]:
    """The wire form of a tree and the buffers its props refer to.

    Props are deep-copied: a node changed in place later (``add_rows``) never changes a
    wire tree already shown, so the next diff sees the change.
    """
    blobs: Blobs = {}
    return _node(root, root.kind, blobs), blobs


def _node(node: Node, key: str, blobs: Blobs) -> WireNode:
    wire: WireNode = {"kind": node.kind, "key": key, "props": _value(node.props, blobs)}
    if node.children is not None:
        wire["children"] = [
            _node(child, k, blobs) for child, k in zip(node.children, child_keys(node.children), strict=True)
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


def _value(value: Any, blobs: Blobs) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        # JSON has no NaN or infinity; the browser reads null, as Streamlit's JSON does.
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): v if type(v) in _PLAIN else _value(v, blobs) for k, v in list(value.items())}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _PLAIN else _value(v, blobs) for v in list(value)]
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        digest = blob_hash(data)
        blobs[digest] = data
        return {BLOB: digest}
    return _scalar(value)


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
