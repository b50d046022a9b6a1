"""The runner thread of a session and its queue of run requests.

The thread model, enforced here and relied on everywhere else:

* The script runs in this thread, never in the thread that receives browser
  messages, so the kernel keeps taking messages while a script runs.
* Values are state: value changes coalesce into the newest pending request (only a
  slider's latest value matters), and a value change stops a running value-run at its
  next ``st.*`` call so a fresh run starts with the new values.
* Clicks are events: each click is its own request, and so its own run, in which that
  button returns True.  A click's run is protected for ``runner.clickRunWindow``
  seconds (its callbacks too): input arriving meanwhile queues behind it, so short
  click runs are never cut and rapid clicks count exactly.  Past the window, newer
  input stops it as it stops any run.  Values changed before a click ride in the
  click's request, so they apply before its run.

Stopping a run that does not end (a watchdog thread, active only while a run goes on):

1. the run's interrupt flag: it stops at its next ``st.*`` call;
2. a run still going ``ESCALATE_AFTER`` seconds after it was due to stop gets
   ``RunInterrupted`` raised in its thread between two bytecodes (a pure-Python loop);
3. a run still going ``ABANDON_AFTER`` seconds after that is blocked in C code: the
   runner abandons it to its thread and goes on with the next run on a fresh thread.
   The abandoned run raises as soon as its C call returns, and nothing it does after
   being abandoned reaches the session.

``runner.maxRunSeconds`` (0: no limit) stops a run that has gone on that long the same way.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from nbstream import config
from nbstream.runtime.context import RunContext
from nbstream.runtime.errors import RunInterrupted
from nbstream.runtime.interrupt import cancel_pending, raise_in_thread
from nbstream.runtime.pages import PageTarget

_LOG = logging.getLogger("nbstream")

ESCALATE_AFTER = 0.2
ABANDON_AFTER = 0.6
WATCH_INTERVAL = 0.05


@dataclass
class RunRequest:
    changes: dict[str, Any] = field(default_factory=dict)
    triggers: list[str] = field(default_factory=list)
    fragment_id: str | None = None
    # A page to show (navigation from the browser, st.switch_page, AppTest.switch_page).
    page: PageTarget | None = None
    # False for a run_every fragment's tick: a timer, not input, never cuts a protected run.
    from_user: bool = True
    # Fragments to rerun after this one, each in a run of its own (st.rerun(["a", "b"])).
    more_fragments: tuple[str, ...] = ()

    @property
    def is_click(self) -> bool:
        return bool(self.triggers)


# Runs one request; returns the run the script asked for next (st.rerun), or None.
Executor = Callable[[RunRequest, Callable[[RunContext], None]], "RunRequest | None"]


def click_run_window() -> float:
    """Seconds a click's run is protected from newer input (``runner.clickRunWindow``)."""
    return _seconds("runner.clickRunWindow", 1.0)


def max_run_seconds() -> float:
    """Seconds after which any run is stopped (``runner.maxRunSeconds``); 0 for no limit."""
    return _seconds("runner.maxRunSeconds", 0.0)


def _seconds(option: str, fallback: float) -> float:
    try:  # an environment variable arrives as text
        return max(0.0, float(config.get_option(option)))
    except (TypeError, ValueError):
        _LOG.warning("nbstream: %s is not a number of seconds; using %s", option, fallback)
        return fallback


@contextmanager
def stoppable(ctx: RunContext) -> Iterator[None]:
    """The part of a run the watchdog may stop by raising in its thread: the user's code."""
    with ctx.lock:
        ctx.in_script = True
    try:
        yield
    finally:
        with ctx.lock:
            ctx.in_script = False
            if ctx.injected_at is not None:
                # Raised but not fired yet: it must not fire in nbstream's own code.
                cancel_pending(threading.get_ident())


class Runner:
    def __init__(
        self,
        execute: Executor,
        name: str = "nbstream-runner",
        on_abandon: Callable[[RunContext, int], None] | None = None,
    ) -> None:
        self._execute = execute
        self._name = name
        self._on_abandon = on_abandon
        self._cond = threading.Condition()
        self._queue: deque[RunRequest] = deque()
        self._current: RunContext | None = None
        self._current_ident: int | None = None
        self._busy = False
        self._thread: threading.Thread | None = None
        self._watcher: threading.Thread | None = None
        self._lingering: set[threading.Thread] = set()
        self._replacing = False
        self._closed = False

    # ---- submitting -------------------------------------------------------------------

    def submit_values(
        self, changes: dict[str, Any], fragment_id: str | None = None, *, from_user: bool = True
    ) -> None:
        with self._cond:
            last = self._queue[-1] if self._queue else None
            if last is not None and not last.is_click and last.fragment_id == fragment_id:
                last.changes.update(changes)
                last.from_user = last.from_user or from_user
            else:
                self._queue.append(RunRequest(dict(changes), fragment_id=fragment_id, from_user=from_user))
            self._wake(from_user)

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

    def _wake(self, from_user: bool = True) -> None:
        # Flag the current run even while it is protected: once its window is over (or,
        # for a value run, once its callbacks are done) it stops at its next st.* call.
        # A timer's tick only asks an unprotected run to stop at its next st.* call.
        if self._current is not None:
            if from_user:
                self._current.request_stop("input")
            elif not self._current.uninterruptible:
                self._current.interrupt.set()
        if self._closed:
            return
        if self._thread is None and not self._replacing:
            self._thread = self._spawn(self._loop, self._name)
        self._cond.notify_all()

    @staticmethod
    def _spawn(target: Callable[[], None], name: str) -> threading.Thread:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        return thread

    # ---- waiting ----------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        with self._cond:
            return not self._busy and not self._queue

    @property
    def lingering(self) -> int:
        """Abandoned runs whose threads are still blocked (in C code)."""
        with self._cond:
            return len(self._lingering)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing runs or waits; False if ``timeout`` passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and not self._queue, timeout)

    def interrupt(self) -> None:
        """Stop the current run, even a click's run, even one that makes no ``st.*`` call."""
        with self._cond:
            if self._current is not None:
                self._current.request_stop("stop")
                self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._queue.clear()
            if self._current is not None:
                self._current.request_stop("stop")
            self._cond.notify_all()

    # ---- the thread -------------------------------------------------------------------

    def _loop(self) -> None:
        me = threading.current_thread()
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
                if self._thread is not me:  # abandoned while blocked; another thread took over
                    self._lingering.discard(me)
                    self._cond.notify_all()
                    return
                self._current = self._current_ident = None
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
            self._current_ident = threading.get_ident()
            ctx.protect_for = click_run_window()
            # Input that arrived between dequeuing and starting supersedes this run too.
            if any(r.from_user for r in self._queue):
                ctx.request_stop("input")
            elif self._queue and not ctx.uninterruptible:
                ctx.interrupt.set()
            if self._watcher is None:
                self._watcher = self._spawn(self._watch, f"{self._name}-watchdog")
            self._cond.notify_all()

    # ---- the watchdog -----------------------------------------------------------------

    def _watch(self) -> None:
        # Lives while a run goes on; the next run starts another.
        while True:
            with self._cond:
                if self._current is None:
                    self._watcher = None
                    return
                ctx, ident = self._current, self._current_ident
            self._check(ctx, ident)
            time.sleep(WATCH_INTERVAL)

    def _check(self, ctx: RunContext, ident: int | None) -> None:
        now = time.monotonic()
        limit = max_run_seconds()
        if limit and now - ctx.started_at > limit and not ctx.forced:
            ctx.request_stop("time")
        due = ctx.stop_due()
        if due is None or now < due + ESCALATE_AFTER or ident is None:
            return
        with ctx.lock:
            if ctx.finished:
                return
            if ctx.injected_at is None and ctx.in_script:
                ctx.injected_at = now
                raise_in_thread(ident, RunInterrupted)
                return
        since = ctx.injected_at if ctx.injected_at is not None else due + ESCALATE_AFTER
        if now >= since + ABANDON_AFTER:
            self._abandon(ctx, ident)

    def _abandon(self, ctx: RunContext, ident: int) -> None:
        with self._cond:
            with ctx.lock:
                if ctx.finished or self._current is not ctx:
                    return
                ctx.abandoned = True
            if self._thread is not None:
                self._lingering.add(self._thread)
            self._current = self._current_ident = None
            self._thread = None
            self._replacing = True  # no run starts before the session has let go of this one
        _LOG.warning("nbstream: a run blocked in C code did not stop; the next run goes on without it")
        try:
            if self._on_abandon is not None:
                self._on_abandon(ctx, ident)
        finally:
            with self._cond:
                self._replacing = False
                self._busy = False
                if not self._closed:
                    self._thread = self._spawn(self._loop, self._name)
                self._cond.notify_all()
