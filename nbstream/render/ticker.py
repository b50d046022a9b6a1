"""A one-thread timer: run a function at the earliest time asked for, then wait again.

A publisher asks for a flush on every element a run writes; asking is cheap (a
deadline under a lock), and the flushes themselves happen at most once per deadline,
in this thread, so a run that writes and then sleeps still reaches the browser.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

_LOG = logging.getLogger("nbstream")


class Ticker:
    def __init__(self, fn: Callable[[], None], name: str = "nbstream-ticker") -> None:
        self._fn = fn
        self._name = name
        self._cond = threading.Condition()
        self._deadline: float | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    def at(self, when: float) -> None:
        """Run the function at ``when`` (``time.monotonic()``), or earlier if already due."""
        with self._cond:
            if self._closed:
                return
            if self._deadline is None or when < self._deadline:
                self._deadline = when
                self._cond.notify()
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
                self._thread.start()

    def cancel(self) -> None:
        with self._cond:
            self._deadline = None

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._deadline = None
            self._cond.notify()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._closed:
                    if self._deadline is None:
                        self._cond.wait()
                        continue
                    delay = self._deadline - time.monotonic()
                    if delay <= 0:
                        break
                    self._cond.wait(delay)
                if self._closed:
                    return
                self._deadline = None
            try:
                self._fn()
            except Exception:
                _LOG.exception("nbstream: a scheduled flush failed")
