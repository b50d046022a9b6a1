"""``refresh_mode="background"``: expired entries computed again off the script's thread.

A call that finds its entry past ``ttl`` gets the old value at once and starts one
refresh for that key (later calls meanwhile get the old value too, and start nothing);
the new value replaces the old when it is ready.  A refresh runs outside any session, so
it cannot use ``st.session_state`` or draw elements.  A refresh that fails is logged; the
old value serves until its grace (``runner.cacheBackgroundRefreshTTLMultiplier``) ends,
then a call computes in the foreground as usual.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from nbstream import config

_LOG = logging.getLogger("nbstream")

_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="nbstream-cache-refresh")
_running: set[tuple[int, str]] = set()
_lock = threading.Lock()


def grace_seconds(ttl: float) -> float:
    """How long past ``ttl`` an expired value may still be handed out."""
    multiplier = float(config.get_option("runner.cacheBackgroundRefreshTTLMultiplier") or 1.0)
    return max(multiplier - 1.0, 0.0) * ttl


def start(owner: object, key: str, compute: Callable[[], None]) -> bool:
    """Run ``compute`` in the background unless a refresh of ``key`` in ``owner`` runs already."""
    token = (id(owner), key)
    with _lock:
        if token in _running:
            return False
        _running.add(token)

    def run() -> None:
        try:
            compute()
        except Exception:
            _LOG.exception("nbstream: refreshing a cached value in the background failed")
        finally:
            with _lock:
                _running.discard(token)

    _pool.submit(run)
    return True


def idle() -> bool:
    """No refresh is running (for tests)."""
    with _lock:
        return not _running
