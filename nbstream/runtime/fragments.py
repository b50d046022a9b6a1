"""Fragments: parts of a script that rerun on their own.

A full run registers every fragment it calls (its function, arguments and the block
that holds its body).  A fragment run clears that block and calls the function again,
leaving the rest of the tree as it was.  ``run_every`` fragments tick on timers that
pause while no view of the app is attached and stop with the session: a long-lived
kernel never keeps timers of apps that are gone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nbstream.runtime.tree import Node


@dataclass(eq=False)
class Fragment:
    id: str
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    block: Node
    place: Any  # the element layer's DeltaGenerator that writes into ``block``
    run_every: float | None = None
    parent: str | None = None
    # The name st.rerun("<key>") targets it by (every call site of one function shares it).
    key: str | None = None
    # Its first run in a full run goes on a thread of its own (runtime.parallel).
    parallel: bool = False
    # The page the fragment was drawn on (RunContext.page): its reruns make the same widget IDs.
    page: str = ""
    timer: threading.Timer | None = field(default=None, repr=False)


class Fragments:
    def __init__(self, tick: Callable[[str], None]) -> None:
        self._tick = tick
        self._lock = threading.Lock()
        self._all: dict[str, Fragment] = {}
        self._seen: set[str] | None = None
        self._keys: dict[str, str] = {}  # key -> the function that holds it in this full run
        self.timers_enabled = True
        self.paused = False
        self._closed = False

    def get(self, fragment_id: str) -> Fragment | None:
        with self._lock:
            return self._all.get(fragment_id)

    def claim_key(self, key: str, function: str) -> bool:
        """Hold ``key`` for ``function`` in this full run; False if another function holds it."""
        with self._lock:
            holder = self._keys.setdefault(key, function)
            return holder == function

    def by_key(self, key: str) -> list[str]:
        """The fragments (IDs) drawn under ``key``, in drawing order."""
        with self._lock:
            return [fid for fid, f in self._all.items() if f.key == key]

    def register(self, fragment: Fragment) -> None:
        with self._lock:
            old = self._all.get(fragment.id)
            if old is not None:
                fragment.timer, old.timer = old.timer, None
            self._all[fragment.id] = fragment
            if self._seen is not None:
                self._seen.add(fragment.id)
        self._schedule(fragment)

    def begin_full_run(self) -> None:
        with self._lock:
            self._seen = set()
            self._keys = {}

    def end_full_run(self, completed: bool) -> None:
        """After a full run: forget the fragments it did not call (and stop their timers)."""
        with self._lock:
            seen, self._seen = self._seen, None
            if not completed or seen is None:
                return
            gone = [f for fid, f in self._all.items() if fid not in seen]
            for fragment in gone:
                del self._all[fragment.id]
        for fragment in gone:
            self._cancel(fragment)

    def within(self, fragment_id: str) -> set[str]:
        """This fragment and the fragments nested in its body."""
        with self._lock:
            out = {fragment_id}
            grew = True
            while grew:
                grew = False
                for fid, f in self._all.items():
                    if f.parent in out and fid not in out:
                        out.add(fid)
                        grew = True
            return out

    # ---- run_every timers -------------------------------------------------------------

    def _schedule(self, fragment: Fragment) -> None:
        if (
            fragment.run_every is None
            or fragment.timer is not None
            or not self.timers_enabled
            or self._closed
        ):
            return
        timer = threading.Timer(max(fragment.run_every, 0.05), self._fire, args=(fragment.id,))
        timer.daemon = True
        fragment.timer = timer
        timer.start()

    def _fire(self, fragment_id: str) -> None:
        with self._lock:
            fragment = self._all.get(fragment_id)
            if fragment is None or self._closed:
                return
            fragment.timer = None
        if not self.paused:
            self._tick(fragment_id)
        self._schedule(fragment)

    @staticmethod
    def _cancel(fragment: Fragment) -> None:
        if fragment.timer is not None:
            fragment.timer.cancel()
            fragment.timer = None

    def active_timers(self) -> int:
        with self._lock:
            return sum(1 for f in self._all.values() if f.timer is not None)

    def stop_timers(self) -> None:
        """Stop the timers until the next full run registers the fragments again
        (the app's display was closed)."""
        with self._lock:
            fragments = list(self._all.values())
        for fragment in fragments:
            self._cancel(fragment)

    def close(self) -> None:
        """Stop every timer for good (the session ends)."""
        with self._lock:
            self._closed = True
            fragments = list(self._all.values())
            self._all.clear()
        for fragment in fragments:
            self._cancel(fragment)
