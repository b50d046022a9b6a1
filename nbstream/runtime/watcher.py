"""Run-on-save: watch a script file and call back when it is saved.

Polls the file's modification time and size (no extra dependency, works on every file
system, including network mounts where inotify sees nothing).  Editors that save by
writing a new file and renaming it over the old one are seen too: the path is what is
watched, not the inode.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

_LOG = logging.getLogger("nbstream")

POLL_SECONDS = 0.3


class FileWatcher:
    """Calls ``on_change(source)`` in its own thread with the new text each time the file
    at ``path`` changes; ``close()`` stops it."""

    def __init__(
        self, path: str, on_change: Callable[[str], None], *, interval: float = POLL_SECONDS
    ) -> None:
        self.path = path
        self._on_change = on_change
        self._interval = interval
        self._stamp = self._read_stamp()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="nbstream-run-on-save", daemon=True)
        self._thread.start()

    def _read_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None  # being replaced: look again at the next poll
        return st.st_mtime_ns, st.st_size

    def _loop(self) -> None:
        while not self._closed.wait(self._interval):
            stamp = self._read_stamp()
            if stamp is None or stamp == self._stamp:
                continue
            self._stamp = stamp
            try:
                with open(self.path, encoding="utf-8") as f:
                    source = f.read()
                self._on_change(source)
            except Exception:  # a half-written file, a bad encoding: the next save fixes it
                _LOG.exception("nbstream: rerunning %s after it was saved failed", self.path)

    def close(self) -> None:
        self._closed.set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()
