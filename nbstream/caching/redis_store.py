"""A shared ``cache_data`` store on a Redis server: entries every replica of an app reaches.

Selected by ``[cache] store = "redis"``, at ``cache.redisUrl`` (``redis`` from PyPI:
``pip install nbstream[redis]``).  Keys, under one prefix per app (a digest of its
identity, as the disk store's folder)::

    nbstream:v1:<app>:<function>:<key>     one entry: the bytes of diskformat.dumps
    nbstream:v1:<app>:<function>:lru       sorted set: the function's keys by last use
    nbstream:v1:<app>:epoch                incremented by every clear

* An entry is one ``SET``: readers see a whole entry or none.  Values over a megabyte
  are sent by a background thread, so a miss does not wait for them.  Tables are Arrow IPC,
  other values pickles, exactly as in the disk store's files.
* ``ttl`` is the key's Redis expiry (and is checked against the creation time on read);
  past ``max_entries`` the least recently used keys of the sorted set are removed.
* An entry that cannot be read is a miss and is removed.
* A value bigger than ``cache.redisMaxValueBytes`` stays in the kernel's memory.
* A server that cannot be reached gives misses (and one warning per outage), never an
  exception in the app; it is tried again at most once a second until it answers.

Pickles run code when read: whoever can write to the Redis server can run code in the
app's kernels.  Use a server (and a password, in the URL) only the app's replicas reach.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from nbstream import config
from nbstream.caching import diskformat
from nbstream.caching.values import Frozen
from nbstream.caching.writer import BACKGROUND_BYTES, BackgroundWriter

_LOG = logging.getLogger("nbstream")
_PREFIX = "nbstream:v1:"
_RETRY_SECONDS = 1.0


def _app_digest(app: str) -> str:
    # The same digest as the disk store's folder of the app.
    return hashlib.blake2b(app.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class RedisStore:
    """``cache_data`` entries on one Redis server (see the module's docstring)."""

    def __init__(self, url: str) -> None:
        try:
            import redis
        except ImportError as exc:
            raise ImportError(
                '[cache] store = "redis" needs the redis package: pip install "nbstream[redis]"'
            ) from exc
        self.url = url
        exceptions = redis.exceptions
        self._outage: tuple[type[BaseException], ...] = (
            exceptions.ConnectionError,
            exceptions.TimeoutError,
            OSError,
        )
        self._refused: type[BaseException] = (
            exceptions.RedisError
        )  # e.g. out of memory, a key of another type
        self._client = redis.Redis.from_url(url, socket_connect_timeout=1.0, socket_timeout=5.0)
        self._lock = threading.Lock()
        self._down = False
        self._retry_at = 0.0
        self._epochs: dict[str, int] = {}  # the last epoch read, used while the server is down
        self._writer = BackgroundWriter("nbstream-redis-writer")

    # ---- keys -------------------------------------------------------------------------------

    @staticmethod
    def app_prefix(app: str) -> str:
        return f"{_PREFIX}{_app_digest(app)}:"

    def entry_key(self, app: str, function: str, key: str) -> str:
        return f"{self.app_prefix(app)}{function}:{key}"

    def _lru_key(self, app: str, function: str) -> str:
        return f"{self.app_prefix(app)}{function}:lru"

    @staticmethod
    def cap_bytes() -> int:
        return int(config.get_option("cache.redisMaxValueBytes"))

    # ---- reaching the server ------------------------------------------------------------------

    def _call(self, op: Callable[[Any], Any], default: Any = None) -> Any:
        """``op(client)``, or ``default`` when the server cannot be reached or refuses."""
        with self._lock:
            if self._down and time.monotonic() < self._retry_at:
                return default
        try:
            result = op(self._client)
        except self._outage as exc:
            self._went_down(exc)
            return default
        except self._refused as exc:
            _LOG.debug("nbstream cache: the Redis server refused: %s", exc)
            result = default
        self._reachable()
        return result

    def _went_down(self, exc: BaseException) -> None:
        with self._lock:
            was_down, self._down = self._down, True
            self._retry_at = time.monotonic() + _RETRY_SECONDS
        if not was_down:
            _LOG.warning(
                "nbstream cache: the Redis server at %s cannot be reached (%s); "
                "st.cache_data keeps entries in each kernel's memory until it is back",
                _safe_url(self.url),
                exc,
            )

    def _reachable(self) -> None:
        with self._lock:
            was_down, self._down = self._down, False
        if was_down:
            _LOG.warning("nbstream cache: the Redis server at %s is reachable again", _safe_url(self.url))

    # ---- the store ----------------------------------------------------------------------------

    def epoch(self, app: str) -> int:
        raw = self._call(lambda r: r.get(self.app_prefix(app) + "epoch"), default=_UNKNOWN)
        if raw is _UNKNOWN:
            return self._epochs.get(app, 0)
        value = int(raw) if raw is not None else 0
        self._epochs[app] = value
        return value

    def get(
        self, app: str, function: str, key: str, ttl: float | None
    ) -> tuple[Frozen, dict[str, Any], float] | None:
        name = self.entry_key(app, function, key)
        data = self._call(lambda r: r.get(name))
        if data is None:
            # expired or evicted by Redis: forget it in the LRU set too
            self._call(lambda r: r.zrem(self._lru_key(app, function), key))
            return None
        try:
            frozen, meta, created = diskformat.loads(data)
        except diskformat.CorruptEntry as exc:
            _LOG.debug("nbstream cache: removing unreadable entry %s: %s", name, exc)
            self._remove(app, function, key, bump=False)
            return None
        if ttl is not None and time.time() - created > ttl:
            self._remove(app, function, key, bump=False)
            return None
        self.touch(app, function, key)
        return frozen, meta, created

    def touch(self, app: str, function: str, key: str) -> None:
        self._call(lambda r: r.zadd(self._lru_key(app, function), {key: time.time()}))

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
        """Store an entry; values over a megabyte are sent by a background thread."""

        def write() -> None:
            ok = self._put(app, function, key, frozen, meta, created, max_entries, ttl)
            if on_done is not None:
                on_done(ok)

        if frozen.nbytes > BACKGROUND_BYTES:
            self._writer.submit(write)
        else:
            write()

    def _put(
        self,
        app: str,
        function: str,
        key: str,
        frozen: Frozen,
        meta: dict[str, Any],
        created: float,
        max_entries: int | None,
        ttl: float | None,
    ) -> bool:
        if not frozen.portable:
            _LOG.debug("nbstream cache: %s stays in this kernel's memory: %s", function, frozen.reason)
            return False
        cap = self.cap_bytes()
        if frozen.nbytes > cap:
            return _too_big(function, frozen.nbytes)
        try:
            data = diskformat.dumps(frozen, meta, created)
        except Exception as exc:  # a value pickle refuses
            _LOG.debug("nbstream cache: %s stays in this kernel's memory: %s", function, exc)
            return False
        if len(data) > cap:
            return _too_big(function, len(data))
        expiry_ms = None
        if ttl is not None:
            expiry_ms = int((ttl - (time.time() - created)) * 1000)
            if expiry_ms <= 0:
                return False
        lru = self._lru_key(app, function)

        def write(r: Any) -> bool:
            pipe = r.pipeline(transaction=True)
            pipe.set(self.entry_key(app, function, key), data, px=expiry_ms)
            pipe.zadd(lru, {key: time.time()})
            if ttl is not None:  # the set goes soon after the last of its entries
                pipe.pexpire(lru, int(ttl * 1000) + 1000)
            pipe.zcard(lru)
            count = pipe.execute()[-1]
            if max_entries is not None and count > max(max_entries, 0):
                self._trim(r, app, function, count - max(max_entries, 0))
            return True

        return bool(self._call(write, default=False))

    def _trim(self, r: Any, app: str, function: str, extra: int) -> None:
        lru = self._lru_key(app, function)
        oldest = [k.decode() if isinstance(k, bytes) else k for k in r.zrange(lru, 0, extra - 1)]
        if oldest:
            pipe = r.pipeline(transaction=True)
            pipe.delete(*(self.entry_key(app, function, k) for k in oldest))
            pipe.zrem(lru, *oldest)
            pipe.execute()

    def delete(self, app: str, function: str, key: str) -> None:
        """Remove one entry; other kernels drop their memory copies too."""
        self._remove(app, function, key, bump=True)

    def _remove(self, app: str, function: str, key: str, bump: bool) -> None:
        def remove(r: Any) -> None:
            pipe = r.pipeline(transaction=True)
            pipe.delete(self.entry_key(app, function, key))
            pipe.zrem(self._lru_key(app, function), key)
            if bump:
                pipe.incr(self.app_prefix(app) + "epoch")
            pipe.execute()

        self._call(remove)

    def clear(self, app: str, function: str | None = None, key: str | None = None) -> None:
        self.flush()
        if function is not None and key is not None:
            self.delete(app, function, key)
            return
        prefix = self.app_prefix(app)
        pattern = f"{prefix}{function}:*" if function is not None else f"{prefix}*"
        epoch = prefix + "epoch"

        def remove(r: Any) -> None:
            batch: list[Any] = []
            for name in r.scan_iter(match=pattern, count=500):
                if name not in (epoch, epoch.encode()):
                    batch.append(name)
                if len(batch) >= 500:
                    r.unlink(*batch)
                    batch = []
            if batch:
                r.unlink(*batch)
            r.incr(epoch)

        self._call(remove)

    def flush(self, timeout: float | None = None) -> bool:
        return self._writer.flush(timeout)


_UNKNOWN = object()


def _too_big(function: str, size: int) -> bool:
    _LOG.debug(
        "nbstream cache: %s stays in this kernel's memory: %d bytes exceed cache.redisMaxValueBytes",
        function,
        size,
    )
    return False


def _safe_url(url: str) -> str:
    """The URL without its password, for logs."""
    scheme, sep, rest = url.partition("://")
    if sep and "@" in rest:
        rest = rest.rsplit("@", 1)[1]
    return f"{scheme}{sep}{rest}"
