"""One cached function's entries in this process's memory (both decorators).

The least recently used entries go first beyond ``max_entries`` or, for ``cache_data``'s
``max_size``, beyond ``max_bytes`` (a value larger than that alone stays, by itself,
until the next one replaces it).  An entry older than ``ttl`` is a miss -- but for
``stale_for`` more seconds, when expired entries refresh in the background and the
caller is handed the old value meanwhile.  Concurrent calls with one key compute once.
Every entry that leaves -- expired, evicted, dropped, cleared or replaced -- is handed to
``on_release`` (``cache_resource``'s), outside the lock.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

_LOG = logging.getLogger("nbstream")


@dataclass
class Entry:
    """One cached value in memory."""

    value: Any  # a Frozen for cache_data, the object itself for cache_resource
    replay: Any = None  # what to replay on a hit (replay.Recording), or None
    created: float = field(default_factory=time.time)
    app: str | None = None  # the app identity whose disk store shares it
    epoch: int = 0  # that app's disk epoch when the entry was made or read
    touched: float = 0.0  # when its file was last touched (LRU across processes)
    from_disk: bool = False  # read from the disk store (a value that fails to thaw is a miss)
    size: int = 0  # bytes, counted against max_bytes


class MemoryCache:
    """The entries of one cached function in this process."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.ttl: float | None = None
        self.stale_for = 0.0
        self.max_entries: int | None = None
        self.max_bytes: int | None = None
        self.on_release: Callable[[Any], Any] | None = None
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._key_locks: dict[str, list[Any]] = {}  # key -> [RLock, users]

    def get(self, key: str) -> Entry | None:
        gone: list[Entry] = []
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if self.ttl is not None and time.time() - entry.created > self.ttl + self.stale_for:
                gone.append(self._pop(key))
                entry = None
            else:
                self._entries.move_to_end(key)
        self._release(gone)
        return entry

    def expired(self, entry: Entry) -> bool:
        """Whether ``entry`` is past its ``ttl`` (a stale value kept for a background refresh)."""
        return self.ttl is not None and time.time() - entry.created > self.ttl

    def put(self, key: str, entry: Entry) -> None:
        gone: list[Entry] = []
        with self._lock:
            old = self._entries.get(key)
            if old is not None:
                self._pop(key)
                if old.value is not entry.value:
                    gone.append(old)
            self._entries[key] = entry
            self._bytes += entry.size
            while self.max_entries is not None and len(self._entries) > max(self.max_entries, 0):
                gone.append(self._pop(next(iter(self._entries))))
            if self.max_bytes is not None and self._bytes > self.max_bytes:
                if entry.size > self.max_bytes:
                    _LOG.warning(
                        "nbstream: a value of %s() takes %d bytes, more than its max_size of %d: "
                        "it is kept alone, and the next new value replaces it.",
                        self.name,
                        entry.size,
                        self.max_bytes,
                    )
                while self._bytes > self.max_bytes and len(self._entries) > 1:
                    gone.append(self._pop(next(iter(self._entries))))
        self._release(gone)

    def drop(self, key: str) -> None:
        with self._lock:
            gone = [self._pop(key)] if key in self._entries else []
        self._release(gone)

    def clear(self) -> None:
        with self._lock:
            gone = list(self._entries.values())
            self._entries.clear()
            self._bytes = 0
        self._release(gone)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    @property
    def nbytes(self) -> int:
        """The bytes of the entries held, as counted against ``max_bytes``."""
        return self._bytes

    def _pop(self, key: str) -> Entry:
        entry = self._entries.pop(key)
        self._bytes -= entry.size
        return entry

    def _release(self, entries: list[Entry]) -> None:
        if self.on_release is None:
            return
        for entry in entries:
            try:
                self.on_release(entry.value)
            except Exception:
                _LOG.exception("nbstream: on_release of %s() failed", self.name)

    @contextlib.contextmanager
    def computing(self, key: str) -> Iterator[None]:
        """Hold ``key`` while its value is computed: other threads wait, then find it."""
        with self._lock:
            held = self._key_locks.setdefault(key, [threading.RLock(), 0])
            held[1] += 1
        try:
            with held[0]:
                yield
        finally:
            with self._lock:
                held[1] -= 1
                if held[1] == 0:
                    self._key_locks.pop(key, None)
