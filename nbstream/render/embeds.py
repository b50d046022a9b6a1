"""Watching the Jupyter widgets an app embeds (``st.widget``): a change of the followed
trait that did not come from the app itself (the user moved the slider in the browser,
or another cell set it) becomes a widget value change of the app, which reruns it.

The runtime's ``EmbeddedWidgets`` tells this watcher which objects the app shows
(``attach``/``detach``); the traitlets ``observe`` API is the only thing used here.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Any

from nbstream.runtime import context
from nbstream.runtime.embeds import TraitValue
from nbstream.runtime.session import AppSession

_LOG = logging.getLogger("nbstream")


class TraitWatcher:
    """Reports the changes of embedded widgets' traits to one session."""

    def __init__(self, session: AppSession) -> None:
        self.session = session
        self._handlers: dict[str, Any] = {}
        self._lock = threading.Lock()

    def attach(self, wid: str, obj: Any, trait: str) -> None:
        def changed(change: dict[str, Any]) -> None:
            if self.session.embeds.is_syncing(wid) or self._in_own_run():
                return
            self.session.set_values({wid: TraitValue(change.get("new"))})

        with self._lock:
            self._handlers[wid] = changed
        obj.observe(changed, names=[trait])

    def _in_own_run(self) -> bool:
        # The script set the trait itself (``w.value = 0`` after ``st.widget``): what it
        # reads is already that value, and a rerun would set it again, without end.
        ctx = context.get()
        return ctx is not None and (ctx.origin or ctx).session is self.session

    def detach(self, wid: str, obj: Any, trait: str) -> None:
        with self._lock:
            handler = self._handlers.pop(wid, None)
        if handler is not None:
            with contextlib.suppress(ValueError):  # already gone with the widget
                obj.unobserve(handler, names=[trait])


def watch(session: AppSession) -> TraitWatcher:
    """Follow the embedded widgets of ``session`` from now on."""
    watcher = TraitWatcher(session)
    session.embeds.watcher = watcher
    return watcher
