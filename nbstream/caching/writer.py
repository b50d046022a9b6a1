"""A background thread that writes big cache entries, so a miss does not wait for them.

Shared stores (the disk, Redis) hand it the writes of values over ``BACKGROUND_BYTES``;
``flush`` waits for them (at exit, before a clear, in tests).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

_LOG = logging.getLogger("nbstream")

BACKGROUND_BYTES = 1 << 20  # values bigger than this are written by the background thread


class BackgroundWriter:
    """One daemon thread running submitted writes in order."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._queue: queue.Queue[Callable[[], None]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pending = 0

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._pending += 1
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
                self._thread.start()
        self._queue.put(job)

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            try:
                job()
            except Exception:
                _LOG.debug("nbstream cache: a background write failed", exc_info=True)
            finally:
                with self._lock:
                    self._pending -= 1
                    self._idle.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until submitted writes are done; False if ``timeout`` passed first."""
        with self._lock:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)
