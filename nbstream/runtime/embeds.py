"""Jupyter widgets embedded in an app (``st.widget``): which instance each widget ID
shows, kept across reruns and closed when the app stops showing it.

The runtime knows nothing of ipywidgets: an embedded object is anything with a
``model_id`` (and usually ``close()``).  Watching its trait for changes the browser
makes is the front end's job (``render/embeds.py``): it is told of each object kept
and let go through the ``EmbedWatcher`` protocol, and reports a change as a
``TraitValue`` -- a wire value no browser message can carry, as it is not JSON.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from nbstream.runtime.widgets import values_differ

_LOG = logging.getLogger("nbstream")


class EmbedWatcher(Protocol):
    """Told which objects an app shows, so it can report their trait's changes."""

    def attach(self, wid: str, obj: Any, trait: str) -> None: ...

    def detach(self, wid: str, obj: Any, trait: str) -> None: ...


class TraitValue(dict):  # type: ignore[type-arg]
    """The wire form of an embedded widget's value: ``{}`` on the wire (the value travels
    through the widget's own model), the value itself for the kernel.

    A dict subclass so the tree's wire form stays JSON; a browser's JSON becomes plain
    dicts, never this class, so the serde can tell the kernel's values from a browser's.
    """

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value

    def __repr__(self) -> str:
        return f"TraitValue({self.value!r})"


@dataclass
class Embedded:
    obj: Any
    trait: str
    # The value the object and Session State last agreed on.
    synced: Any


def close_quietly(obj: Any) -> None:
    close = getattr(obj, "close", None)
    if callable(close):
        try:
            close()
        except Exception as exc:  # a library's close must not end the run
            _LOG.warning("nbstream: closing an embedded widget failed: %s", exc)


class EmbeddedWidgets:
    """One session's embedded objects, by widget ID."""

    def __init__(self) -> None:
        self._by_id: dict[str, Embedded] = {}
        self._watcher: EmbedWatcher | None = None
        self._lock = threading.RLock()
        self._syncing: set[tuple[str, int]] = set()

    @property
    def watcher(self) -> EmbedWatcher | None:
        return self._watcher

    @watcher.setter
    def watcher(self, watcher: EmbedWatcher | None) -> None:
        with self._lock:
            entries = list(self._by_id.items())
            old, self._watcher = self._watcher, watcher
        for wid, entry in entries:
            if old is not None:
                old.detach(wid, entry.obj, entry.trait)
            if watcher is not None:
                watcher.attach(wid, entry.obj, entry.trait)

    def keep(self, wid: str, obj: Any, trait: str, value: Any) -> Embedded:
        """The entry for ``wid``: the instance shown before (a new one passed in its place
        is closed, as the script made it for nothing) or ``obj`` from now on."""
        with self._lock:
            entry = self._by_id.get(wid)
            if entry is not None and entry.trait == trait:
                if entry.obj is not obj and not self._holds(obj):
                    close_quietly(obj)
                return entry
            moved = [w for w, e in self._by_id.items() if e.obj is obj]
            for other in moved:  # the same object under a new identity: not closed
                self._release(other, close=False)
            if entry is not None:
                self._release(wid, close=entry.obj is not obj)
            entry = self._by_id[wid] = Embedded(obj, trait, value)
            watcher = self._watcher
        if watcher is not None:
            watcher.attach(wid, obj, trait)
        return entry

    def get(self, wid: str) -> Embedded | None:
        return self._by_id.get(wid)

    def items(self) -> list[tuple[str, Embedded]]:
        with self._lock:
            return list(self._by_id.items())

    def changed_outside(self) -> dict[str, TraitValue]:
        """The objects whose trait changed since the app last synced it, as wire values
        (AppTest has no watcher: a test's ``w.value = 5`` reaches the app at ``run()``)."""
        return {
            wid: TraitValue(now)
            for wid, entry in self.items()
            if values_differ(now := getattr(entry.obj, entry.trait, entry.synced), entry.synced)
        }

    @contextlib.contextmanager
    def syncing(self, wid: str) -> Iterator[None]:
        """While the app itself sets the object's trait (in this thread): not a user's change."""
        token = (wid, threading.get_ident())
        self._syncing.add(token)
        try:
            yield
        finally:
            self._syncing.discard(token)

    def is_syncing(self, wid: str) -> bool:
        return (wid, threading.get_ident()) in self._syncing

    def sweep(self, alive: Callable[[str], bool]) -> None:
        """Close the objects of widgets the app no longer shows."""
        with self._lock:
            for wid in [w for w in self._by_id if not alive(w)]:
                self._release(wid, close=True)

    def close_all(self) -> None:
        with self._lock:
            for wid in list(self._by_id):
                self._release(wid, close=True)

    def _holds(self, obj: Any) -> bool:
        return any(e.obj is obj for e in self._by_id.values())

    def _release(self, wid: str, *, close: bool) -> None:
        entry = self._by_id.pop(wid)
        if self._watcher is not None:
            try:
                self._watcher.detach(wid, entry.obj, entry.trait)
            except Exception as exc:
                _LOG.warning("nbstream: could not stop watching an embedded widget: %s", exc)
        if close and not self._holds(entry.obj):
            close_quietly(entry.obj)
