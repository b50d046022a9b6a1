"""The store that ``cache_data`` entries are shared through, and how one is chosen.

Every kernel keeps its own entries in memory (``memory.MemoryCache``); ``cache_data``
entries also go to a *shared store* that other kernels -- on this machine, or on every
replica of an app -- read from.  ``[cache] store`` picks it:

* ``"disk"`` (the default) -- files in ``cache.dir`` (``stores.DiskStore``): the kernels
  of one machine.
* ``"redis"`` -- a Redis server at ``cache.redisUrl`` (``redis_store.RedisStore``):
  every machine that reaches it.
* ``"module:Class"`` -- a class of yours, built with no arguments, with the methods of
  ``CacheStore``.

A store holds entries by ``(app, function, key)``: the app's identity, a digest of the
function's identity, and a digest of the call's arguments.  Its contract:

* an entry is written whole or not at all, and a reader sees a whole entry or none;
* an entry that cannot be read is a miss (and is removed), never an error;
* ``ttl`` counts from the entry's creation; past ``max_entries`` the least recently used
  entries of that function go first (``touch`` marks a use);
* ``epoch(app)`` changes whenever the app's entries are cleared anywhere, so that every
  kernel drops its memory copies;
* a store that cannot be reached answers with misses: a cached function then computes,
  as if the store were empty.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import threading
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from nbstream import config
from nbstream.caching.values import Frozen

Found = tuple[Frozen, dict[str, Any], float]  # the value, its metadata, when it was created


@runtime_checkable
class CacheStore(Protocol):
    """What a shared ``cache_data`` store does (see the module's docstring)."""

    def epoch(self, app: str) -> int:
        """A number that changes whenever the app's entries are cleared."""
        ...

    def get(self, app: str, function: str, key: str, ttl: float | None) -> Found | None:
        """The entry, or None (absent, older than ``ttl``, unreadable, store unreachable)."""
        ...

    def touch(self, app: str, function: str, key: str) -> None:
        """Mark the entry used now (for ``max_entries``)."""
        ...

    def put(
        self,
        app: str,
        function: str,
        key: str,
        frozen: Frozen,
        meta: dict[str, Any],
        created: float,
        max_entries: int | None,
        on_done: Callable[[bool], None] | None = None,
        ttl: float | None = None,
    ) -> None:
        """Store an entry (a value the store cannot take stays in the kernel's memory)."""
        ...

    def delete(self, app: str, function: str, key: str) -> None:
        """Remove one entry."""
        ...

    def clear(self, app: str, function: str | None = None, key: str | None = None) -> None:
        """Remove an app's entries: all, one function's, or one entry; then change its epoch."""
        ...

    def flush(self, timeout: float | None = None) -> bool:
        """Wait for writes in progress; False if ``timeout`` passed first."""
        ...


STORES = ("disk", "redis")
_lock = threading.Lock()
_built: dict[tuple[str, str], CacheStore] = {}


class StoreConfigError(ValueError):
    """``[cache] store`` names no store nbstream can build."""


def current() -> CacheStore:
    """The shared store ``[cache] store`` selects (one instance per setting, per process)."""
    name = str(config.get_option("cache.store") or "disk").strip()
    where = str(config.get_option("cache.redisUrl")) if name == "redis" else ""
    store = _built.get((name, where))
    if store is not None:
        return store
    with _lock:
        store = _built.get((name, where))
        if store is None:
            store = _built[(name, where)] = _build(name, where)
    return store


def _build(name: str, where: str) -> CacheStore:
    if name == "disk":
        from nbstream.caching.stores import DISK

        return DISK
    if name == "redis":
        from nbstream.caching.redis_store import RedisStore

        return RedisStore(where)
    module_name, sep, class_name = name.partition(":")
    if not sep or not module_name or not class_name:
        raise StoreConfigError(
            f'Unknown [cache] store "{name}": use "disk", "redis" or "module:Class" '
            "(a class of yours with the methods of nbstream.caching.shared.CacheStore)."
        )
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise StoreConfigError(
            f'[cache] store "{name}": cannot import {class_name} from {module_name}: {exc}'
        ) from exc
    store = cls()
    if not isinstance(store, CacheStore):
        missing = [
            m for m in ("epoch", "get", "touch", "put", "delete", "clear", "flush") if not hasattr(store, m)
        ]
        raise StoreConfigError(
            f'[cache] store "{name}" lacks the methods {", ".join(missing)} of a cache store.'
        )
    return store


def reset() -> None:
    """Forget the stores built so far (tests; a changed setting builds its own anyway)."""
    with _lock:
        _built.clear()


@atexit.register
def _flush_at_exit() -> None:
    # A kernel that computed a big value and exits still shares it with the others.
    for store in list(_built.values()):
        with contextlib.suppress(Exception):
            store.flush(timeout=120)
