"""Digests of big buffers, and the memo that spares re-reading them on every call.

See ``nbstream.caching.hashing`` for what is hashed and how large data is treated.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

SMALL_BYTES = 1 << 20  # arrays up to 1 MiB are hashed in full on every call
SAMPLE_ROWS = 4096  # elements re-read from a large array seen before
_CHUNK = 8 << 20  # big buffers are hashed in 8 MiB chunks, in parallel


def type_name(t: type) -> str:
    """``module.QualName`` of a type, the form ``hash_funcs`` and error messages use."""
    return f"{t.__module__}.{t.__qualname__}"


def blake() -> Any:
    """A fresh 128-bit BLAKE2b hasher: the digest of every key."""
    return hashlib.blake2b(digest_size=16)


def feed_text(h: Any, tag: bytes, text: str) -> None:
    """Feed ``text`` to ``h`` after a type tag and its length (so no two inputs run together)."""
    data = text.encode("utf-8", "surrogatepass")
    h.update(tag + len(data).to_bytes(8, "little") + data)


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _chunk_digest(view: memoryview) -> bytes:
    return hashlib.sha1(view, usedforsecurity=False).digest()


def buffer_digest(data: Any) -> bytes:
    """The digest of a contiguous buffer's bytes; big buffers are hashed on all cores.

    SHA-1 here is a fingerprint (it releases the GIL and runs at ~1.5 GB/s a core),
    never a security check.
    """
    view = memoryview(data).cast("B")
    if view.nbytes <= 2 * _CHUNK:
        return _chunk_digest(view)
    global _pool
    with _pool_lock:
        if _pool is None:
            workers = max(1, min(8, os.cpu_count() or 1))
            _pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="nbstream-hash")
    parts = [view[i : i + _CHUNK] for i in range(0, view.nbytes, _CHUNK)]
    h = blake()
    h.update(view.nbytes.to_bytes(8, "little"))
    for digest in _pool.map(_chunk_digest, parts):
        h.update(digest)
    return h.digest()


class BufferMemo:
    """Full digests of large arrays, reused while the same memory is passed again.

    Keyed by the memory (address, size, layout) and valid only while the object that
    owns that memory is alive (a weak reference), so an address reused by a new array
    is never mistaken for the old one.  A reuse re-reads ``SAMPLE_ROWS`` elements
    first; if they differ, the array is hashed in full again.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[tuple[Any, ...], tuple[weakref.ref[Any], bytes, bytes]] = {}

    def digest(
        self,
        owner: Any,
        key: tuple[Any, ...],
        full: Callable[[], bytes],
        sample: Callable[[], bytes] | None,
    ) -> bytes:
        memo_key = (id(owner), *key)
        with self._lock:
            held = self._entries.get(memo_key)
        probe = sample() if sample is not None else b""
        if held is not None and held[0]() is owner and held[1] == probe:
            return held[2]
        digest = full()
        try:
            ref = weakref.ref(owner, functools.partial(self._forget, memo_key))
        except TypeError:  # an owner without weak references: nothing to remember it by
            return digest
        with self._lock:
            self._entries[memo_key] = (ref, probe, digest)
        return digest

    def _forget(self, key: tuple[Any, ...], _ref: Any = None) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


MEMO = BufferMemo()


def clear_memo() -> None:
    """Forget the remembered digests of large arrays (tests)."""
    MEMO.clear()
