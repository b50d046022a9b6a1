"""The caches that the app menu's "Clear cache" (key C) empties.

Each cache registers how to clear itself; a front end calls ``clear_all`` and never
needs to know which caches exist.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

_LOG = logging.getLogger("nbstream")

_lock = threading.Lock()
_clearers: dict[str, Callable[[], None]] = {}
_session_listeners: list[Callable[[str], None]] = []


def register(name: str, clear: Callable[[], None]) -> None:
    """Make ``clear`` part of "Clear cache" under ``name`` (registering a name again replaces it)."""
    with _lock:
        _clearers[name] = clear


def names() -> list[str]:
    """The registered caches."""
    with _lock:
        return list(_clearers)


def clear_all() -> list[str]:
    """Clear every registered cache; return the names of those cleared.

    A cache that fails to clear is logged and skipped, so one broken cache never keeps
    the others full.
    """
    with _lock:
        clearers = list(_clearers.items())
    cleared = []
    for name, clear in clearers:
        try:
            clear()
        except Exception:
            _LOG.exception("nbstream: clearing the %s cache failed", name)
        else:
            cleared.append(name)
    return cleared


def on_session_end(listener: Callable[[str], None]) -> None:
    """Call ``listener(session_id)`` when a session ends (session-scoped caches let go)."""
    with _lock:
        if listener not in _session_listeners:
            _session_listeners.append(listener)


def session_ended(session_id: str) -> None:
    """A session ended: tell the listeners (one that fails is logged, the others still run)."""
    with _lock:
        listeners = list(_session_listeners)
    for listener in listeners:
        try:
            listener(session_id)
        except Exception:
            _LOG.exception("nbstream: releasing the caches of session %s failed", session_id)
