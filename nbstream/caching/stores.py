"""The disk store ``cache_data`` entries are shared through by the kernels of a machine.

(Each kernel's own entries are in ``memory.MemoryCache``.)  ``DiskStore`` (the default
shared store, see ``shared``) holds ``cache_data`` entries in files, so that every
kernel of an app on this machine (each Voila tab is its own kernel) shares them::

    <cache.dir>/v1/<app>/<function>/<key>.nbc     one entry (see diskformat)
    <cache.dir>/v1/<app>/epoch                     touched by every clear

* Written atomically: a temporary file in the same folder, renamed into place.
  Readers see a whole entry or none; concurrent writers of one key both succeed and
  the last rename wins (the values are equal).
* Keyed by the app's identity (``AppSession.app_id``: the notebook's or script's path)
  as well as the function and arguments, so two apps' same-named functions never meet.
* ``ttl`` counts from the entry's creation, in every process; ``max_entries`` and the
  size cap (``cache.maxDiskSize``) remove the least recently used files (a hit touches
  its file), checked after writes.
* An entry that cannot be read is a miss, and its file is removed.
* A clear removes the files and touches ``epoch``: other kernels then drop their memory
  copies of that app's entries at their next call.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nbstream import config
from nbstream.caching import diskformat
from nbstream.caching.values import Frozen
from nbstream.caching.writer import BACKGROUND_BYTES, BackgroundWriter

_LOG = logging.getLogger("nbstream")

FORMAT = "v1"
_SUFFIX = ".nbc"
_STALE_TEMP_SECONDS = 3600


def default_dir() -> Path:
    """The user's cache folder for nbstream (``~/.cache/nbstream/cache`` on Linux)."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    return base / "nbstream" / "cache"


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class DiskStore:
    """``cache_data``'s files, shared by the processes of one user on this machine."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._written_since_scan = 0
        self._writes_since_scan = 0
        self._last_scan = 0.0
        self._writer = BackgroundWriter("nbstream-cache-writer")
        self._epoch_paths: dict[tuple[Any, str], str] = {}

    # ---- where ----------------------------------------------------------------------------

    @staticmethod
    def enabled() -> bool:
        return bool(config.get_option("cache.persist"))

    @staticmethod
    def root() -> Path:
        configured = config.get_option("cache.dir")
        return (Path(os.path.expanduser(str(configured))) if configured else default_dir()) / FORMAT

    def app_dir(self, app: str) -> Path:
        return self.root() / _digest(app)

    def entry_path(self, app: str, function: str, key: str) -> Path:
        return self.app_dir(app) / function / f"{key}{_SUFFIX}"

    @staticmethod
    def cap_bytes() -> int:
        return int(float(config.get_option("cache.maxDiskSize")) * 1024 * 1024)

    # ---- epochs: a clear anywhere invalidates memory copies everywhere -----------------------

    def epoch(self, app: str) -> int:
        """When the app's entries were last cleared (by any kernel); checked on every hit."""
        where = (config.get_option("cache.dir"), app)
        path = self._epoch_paths.get(where)
        if path is None:
            path = self._epoch_paths[where] = str(self.app_dir(app) / "epoch")
        try:
            return os.stat(path).st_mtime_ns
        except OSError:
            return 0

    def _bump_epoch(self, app: str) -> None:
        path = self.app_dir(app) / "epoch"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
            now = time.time_ns()
            os.utime(path, ns=(now, max(now, os.stat(path).st_mtime_ns + 1)))
        except OSError as exc:
            _LOG.debug("nbstream cache: could not mark %s cleared: %s", path, exc)

    # ---- reading --------------------------------------------------------------------------

    def get(
        self, app: str, function: str, key: str, ttl: float | None
    ) -> tuple[Frozen, dict[str, Any], float] | None:
        path = self.entry_path(app, function, key)
        try:
            frozen, meta, created = diskformat.read(str(path))
        except FileNotFoundError:
            return None
        except (OSError, diskformat.CorruptEntry) as exc:
            _LOG.debug("nbstream cache: removing unreadable entry %s: %s", path, exc)
            _remove(path)
            return None
        if ttl is not None and time.time() - created > ttl:
            _remove(path)
            return None
        self.touch(app, function, key)
        return frozen, meta, created

    def touch(self, app: str, function: str, key: str) -> None:
        with contextlib.suppress(OSError):
            os.utime(self.entry_path(app, function, key))

    # ---- writing --------------------------------------------------------------------------

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
        ttl: float | None = None,  # counted from ``created`` on every read instead
    ) -> None:
        """Store an entry; big values are written by a background thread.

        A value that cannot go to disk (it refers to the app script's own classes, it is
        bigger than the cap, the disk is full) stays in the kernel's memory, and a debug
        log says why.
        """
        if not frozen.portable:
            _LOG.debug("nbstream cache: %s stays in this kernel's memory: %s", function, frozen.reason)
            return
        size = frozen.nbytes
        if size > self.cap_bytes():
            _LOG.debug(
                "nbstream cache: %s stays in this kernel's memory: %d bytes exceed cache.maxDiskSize",
                function,
                size,
            )
            return

        def write() -> None:
            ok = self._write(app, function, key, frozen, meta, created, max_entries)
            if on_done is not None:
                on_done(ok)

        if size > BACKGROUND_BYTES:
            self._writer.submit(write)
        else:
            write()

    def _write(
        self,
        app: str,
        function: str,
        key: str,
        frozen: Frozen,
        meta: dict[str, Any],
        created: float,
        max_entries: int | None,
    ) -> bool:
        path = self.entry_path(app, function, key)
        tmp = None
        try:
            self._make_dirs(app, path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                diskformat.write(f, frozen, meta, created)
                written = f.tell()
            os.replace(tmp, path)
        except Exception as exc:  # a full disk, a read-only folder, a value pickle refuses
            _LOG.debug("nbstream cache: %s stays in this kernel's memory: %s", function, exc)
            if tmp is not None:
                _remove(Path(tmp))
            return False
        if max_entries is not None:
            self._trim(path.parent, max_entries)
        self._after_write(written)
        return True

    def _make_dirs(self, app: str, folder: Path) -> None:
        if folder.is_dir():
            return
        root = self.root()
        if not root.is_dir():
            root.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        label = folder.parent / "app.txt"
        if not label.exists():
            with contextlib.suppress(OSError):
                label.write_text(app + "\n", encoding="utf-8")

    def _trim(self, folder: Path, max_entries: int) -> None:
        entries = sorted(_entries_in(folder), key=lambda e: e[0])
        for _mtime, _size, path in entries[: max(0, len(entries) - max_entries)]:
            _remove(path)

    def _after_write(self, size: int) -> None:
        with self._lock:
            self._written_since_scan += size
            self._writes_since_scan += 1
            due = (
                self._last_scan == 0.0
                or self._written_since_scan >= self.cap_bytes() // 20
                or self._writes_since_scan >= 100
                or time.time() - self._last_scan > 60
            )
            if due:
                self._written_since_scan = self._writes_since_scan = 0
                self._last_scan = time.time()
        if due:
            self.enforce_cap()

    def enforce_cap(self) -> None:
        """Remove least recently used entries until the store fits ``cache.maxDiskSize``."""
        root = self.root()
        if not root.is_dir():
            return
        entries = []
        now = time.time()
        for app_dir in _dirs(root):
            for function_dir in _dirs(app_dir):
                for found in os.scandir(function_dir):
                    if found.name.endswith(".tmp"):
                        with contextlib.suppress(OSError):
                            if now - found.stat().st_mtime > _STALE_TEMP_SECONDS:
                                os.remove(found.path)  # left by a process that died mid-write
                entries.extend(_entries_in(Path(function_dir)))
        total = sum(size for _mtime, size, _path in entries)
        cap = self.cap_bytes()
        if total <= cap:
            return
        for _mtime, size, path in sorted(entries, key=lambda e: e[0]):
            _remove(path)
            total -= size
            if total <= cap * 0.9:  # some headroom, so the next write does not scan again
                break

    # ---- clearing -------------------------------------------------------------------------

    def delete(self, app: str, function: str, key: str) -> None:
        """Remove one entry (other kernels drop their memory copies too)."""
        self.clear(app, function, key)

    def clear(self, app: str, function: str | None = None, key: str | None = None) -> None:
        """Remove an app's entries: all, one function's, or one entry."""
        self.flush()
        app_dir = self.app_dir(app)
        if key is not None and function is not None:
            _remove(self.entry_path(app, function, key))
        elif function is not None:
            shutil.rmtree(app_dir / function, ignore_errors=True)
        else:
            for found in _dirs(app_dir):
                shutil.rmtree(found, ignore_errors=True)
        if app_dir.is_dir():
            self._bump_epoch(app)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until background writes are done; False if ``timeout`` passed first."""
        return self._writer.flush(timeout)


def _dirs(folder: Path | str) -> list[str]:
    try:
        return [e.path for e in os.scandir(folder) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _entries_in(folder: Path) -> list[tuple[float, int, Path]]:
    found = []
    try:
        for entry in os.scandir(folder):
            if entry.name.endswith(_SUFFIX):
                with contextlib.suppress(OSError):
                    info = entry.stat()
                    found.append((info.st_mtime, info.st_size, Path(entry.path)))
    except OSError:
        pass
    return found


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)


DISK = DiskStore()


@atexit.register
def _flush_at_exit() -> None:
    # A kernel that computed a big value and exits still shares it with the others.
    DISK.flush(timeout=120)
