"""The runner thread of a session and its queue of run requests.

The thread model, enforced here and relied on everywhere else:

* The script runs in this thread, never in the thread that receives browser
  messages, so the kernel keeps taking messages while a script runs.
* Values are state: value changes coalesce into the newest pending request (only a
  slider's latest value matters), and a value change stops a running value-run at its
  next ``st.*`` call so a fresh run starts with the new values.
* Clicks are events: each click is its own request, and so its own run, in which that
  button returns True.  A click's run is never interrupted; whatever arrives during it
  queues behind it.  Values changed before a click ride in the click's request, so they
  apply before its run.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nbstream.runtime.context import RunContext
from nbstream.runtime.pages import PageTarget

_LOG = logging.getLogger("nbstream")


@dataclass
class RunRequest:
    changes: dict[str, Any] = field(default_factory=dict)
    triggers: list[str] = field(default_factory=list)
    fragment_id: str | None = None
    # A page to show (navigation from the browser, st.switch_page, AppTest.switch_page).
    page: PageTarget | None = None

    @property
    def is_click(self) -> bool:
        return bool(self.triggers)


# Runs one request; returns the run the script asked for next (st.rerun), or None.
Executor = Callable[[RunRequest, Callable[[RunContext], None]], "RunRequest | None"]


class Runner:
    def __init__(self, execute: Executor, name: str = "nbstream-runner") -> None:
        self._execute = execute
        self._name = name
        self._cond = threading.Condition()
        self._queue: deque[RunRequest] = deque()
        self._current: RunContext | None = None
        self._busy = False
        self._thread: threading.Thread | None = None
        self._closed = False

    # ---- submitting -------------------------------------------------------------------

    def submit_values(self, changes: dict[str, Any], fragment_id: str | None = None) -> None:
        with self._cond:
            last = self._queue[-1] if self._queue else None
            if last is not None and not last.is_click and last.fragment_id == fragment_id:
                last.changes.update(changes)
            else:
                self._queue.append(RunRequest(dict(changes), fragment_id=fragment_id))
            self._wake()

    def submit_click(
        self, widget_id: str, changes: dict[str, Any] | None = None, fragment_id: str | None = None
    ) -> None:
        with self._cond:
            last = self._queue[-1] if self._queue else None
            if last is not None and not last.is_click and last.fragment_id == fragment_id:
                last.triggers.append(widget_id)
                last.changes.update(changes or {})
            else:
                self._queue.append(RunRequest(dict(changes or {}), [widget_id], fragment_id))
            self._wake()

    def submit(self, request: RunRequest) -> None:
        """Queue a request as it is, merged with nothing (AppTest's one step = one run)."""
        with self._cond:
            self._queue.append(request)
            self._wake()

    def _wake(self) -> None:
        # Flag the current run even while it is uninterruptible: a click's run ignores the
        # flag, but a value run in its callbacks stops at its first st.* call after them.
        if self._current is not None:
            self._current.interrupt.set()
        if self._thread is None and not self._closed:
            self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
            self._thread.start()
        self._cond.notify_all()

    # ---- waiting ----------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        with self._cond:
            return not self._busy and not self._queue

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing runs or waits; False if ``timeout`` passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and not self._queue, timeout)

    def interrupt(self) -> None:
        """Stop the current run at its next ``st.*`` call, even a click's run."""
        with self._cond:
            if self._current is not None:
                self._current.uninterruptible = False
                self._current.interrupt.set()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._queue.clear()
            if self._current is not None:
                self._current.uninterruptible = False
                self._current.interrupt.set()
            self._cond.notify_all()

    # ---- the thread -------------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._closed)
                if self._closed:
                    self._busy = False
                    self._cond.notify_all()
                    return
                request = self._queue.popleft()
                self._busy = True
            try:
                again = self._execute(request, self._started)
            except Exception:  # a bug in nbstream itself: keep the session alive
                _LOG.exception("nbstream: a script run failed unexpectedly")
                again = None
            with self._cond:
                self._current = None
                # st.rerun starts the next run at once, unless a queued run already covers it.
                head = self._queue[0] if self._queue else None
                if again is not None:
                    if head is None or head.fragment_id not in (None, again.fragment_id):
                        self._queue.appendleft(again)
                    elif again.page is not None:
                        # The queued run covers the rerun but not the page st.switch_page asked for.
                        if head.fragment_id is None and head.page is None:
                            head.page = again.page
                        else:
                            self._queue.appendleft(again)
                self._busy = False
                self._cond.notify_all()

    def _started(self, ctx: RunContext) -> None:
        with self._cond:
            self._current = ctx
            # Input that arrived between dequeuing and starting supersedes this run too.
            if self._queue:
                ctx.interrupt.set()
