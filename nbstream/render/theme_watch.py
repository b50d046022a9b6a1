"""Theme options change live: when a config.toml changes, every app of this kernel gets the
new ``[theme]`` (spec 4.2); other options wait for a restart, as in Streamlit.

One daemon thread per kernel polls the config files' modification times while an app is
displayed; the front end restyles on the widget's ``_config`` change.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from nbstream import config

INTERVAL = 1.0

_apps: weakref.WeakSet[Any] = weakref.WeakSet()
_lock = threading.Lock()
_thread: threading.Thread | None = None
_seen: tuple[Any, ...] | None = None


def watch(app: Any) -> None:
    """Keep ``app``'s displayed theme current (an App with a widget)."""
    global _thread, _seen
    with _lock:
        _apps.add(app)
        if _seen is None:
            _seen = config.files_signature()
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_loop, name="nbstream-theme-watch", daemon=True)
            _thread.start()


def check() -> bool:
    """Push the theme to every watched app if a config file changed; True if one did."""
    global _seen
    signature = config.files_signature()
    with _lock:
        if signature == _seen:
            return False
        _seen = signature
        apps = list(_apps)
    before = config.theme()
    config.refresh()
    theme = config.theme()
    if theme != before:
        for app in apps:
            app.set_theme(theme)
    return True


def _loop() -> None:
    stop = threading.Event()
    while not stop.wait(INTERVAL):
        with _lock:
            if not _apps:
                break
        try:
            check()
        except Exception:  # a half-written file: try again at the next tick
            continue
    global _thread
    with _lock:
        _thread = None
