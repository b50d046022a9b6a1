"""The run context: which session and which run an ``st.*`` call belongs to.

It is held in a contextvar, so every per-session thing (state, tree, cursor) is
reached through it and nothing of a session is global.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from nbstream.runtime.errors import NoSessionContext, RunInterrupted
from nbstream.runtime.fragments import Fragments
from nbstream.runtime.pages import Route
from nbstream.runtime.request import RequestInfo
from nbstream.runtime.script import Script
from nbstream.runtime.state import SessionState
from nbstream.runtime.tree import Node
from nbstream.runtime.uploads import UploadStore

_LOG = logging.getLogger("nbstream")


class RunSession(Protocol):
    """What a run and the elements it calls need of their session (``AppSession`` is the
    one implementation; this module sits below it and never imports it)."""

    state: SessionState
    fragments: Fragments
    page: str
    route: Route
    script: Script
    query_params: dict[str, list[str]]
    app_id: str | None
    is_bare: bool
    id: str
    secrets_override: Mapping[str, Any] | None
    user_info: dict[str, Any] | None
    request: RequestInfo | None
    uploads: UploadStore

    def tree_changed(self, ctx: RunContext) -> None: ...


@dataclass(eq=False)
class RunContext:
    session: RunSession
    root: Node
    # The container cursor stack (``with col:``); holds element-layer objects.
    stack: list[Any] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # user key -> widget ID, this run
    widget_ids: set[str] = field(default_factory=set)
    forms: dict[str, Node] = field(default_factory=dict)  # form key -> its block, this run
    forms_to_clear: set[str] = field(default_factory=set)  # submitted with clear_on_submit
    fragment_calls: dict[str, int] = field(default_factory=dict)  # fragment function -> calls this run
    interrupt: threading.Event = field(default_factory=threading.Event)
    # True while a click's run (or a callback) goes on: newer input stops such a run only
    # once it has run for ``protect_for`` seconds, so short click runs are never cut.
    uninterruptible: bool = False
    protect_for: float = 0.0
    started_at: float = field(default_factory=time.monotonic)
    # Why the run is being stopped: "input" (newer input), "stop" (Stop, a kernel
    # interrupt, close), "time" (runner.maxRunSeconds).
    stop_reason: str | None = None
    stop_at: float | None = None
    forced: bool = False
    # The runner gave up on this run (blocked in C code): nothing it does counts any more.
    abandoned: bool = False
    # Set once the run's end is accounted for; with ``lock``, decides between the end
    # and abandoning (and between leaving the script and an asynchronous stop).
    finished: bool = False
    in_script: bool = False
    injected_at: float | None = None  # when the watchdog raised in the run's thread
    lock: threading.Lock = field(default_factory=threading.Lock)
    in_callback: bool = False
    # Set while a fragment runs (its ID); fragments build on this.
    fragment_id: str | None = None
    # The run ended at st.rerun(): another run follows at once, so a front end keeps
    # what is shown (stale) instead of clearing what this run did not reach.
    rerun_requested: bool = False
    # The browser values (widget ID -> wire value) this run applied, so a front end knows
    # which of the values a user sent this run's output already reflects.
    changes: dict[str, Any] = field(default_factory=dict)
    # Set while a cached function runs (nbstream.caching.replay): told of every element
    # placed and widget registered, so that a cache hit can replay them.
    cache_recorder: Any = None
    # The page whose script runs now (part of every widget ID made meanwhile): "" for the
    # entrypoint, the frame around the pages of st.navigation.
    page: str = ""
    # For the copy a worker thread writes through (add_script_run_ctx): the run it is
    # part of, which front ends know and which is interrupted.
    origin: RunContext | None = None
    # The parallel fragment (runtime.parallel) whose body this is, in its first run or a
    # rerun: it writes only inside itself.
    parallel_fragment: str | None = None
    # The run's parallel bodies still going (Futures), and the st.rerun() one asked for.
    parallel_runs: list[Any] = field(default_factory=list)
    parallel_rerun: Any = None

    @property
    def session_id(self) -> str:
        """The ID of the session this run belongs to (``ScriptRunContext.session_id``)."""
        return self.session.id

    def check_interrupt(self) -> None:
        """Called at every ``st.*`` call: ends the run if newer input superseded it."""
        run = self.origin or self  # a worker thread's context stops with its run
        if run.abandoned or (run.interrupt.is_set() and not run.protected()):
            raise RunInterrupted()

    def protected(self) -> bool:
        """Whether newer input must still wait for this run (a young click run or callback)."""
        return (
            not self.forced and self.uninterruptible and time.monotonic() - self.started_at < self.protect_for
        )

    def request_stop(self, reason: str) -> None:
        """Stop the run at its next ``st.*`` call; "input" waits out the protection window."""
        if reason != "input":
            self.forced = True
        if self.stop_reason is None or reason != "input":
            self.stop_reason = reason
        if self.stop_at is None:
            self.stop_at = time.monotonic()
        self.interrupt.set()

    def stop_due(self) -> float | None:
        """When the run should have stopped (monotonic), or None if nothing asked it to."""
        if self.stop_at is None:
            return None
        if self.uninterruptible and not self.forced:
            return max(self.stop_at, self.started_at + self.protect_for)
        return self.stop_at

    def changed(self) -> None:
        """The tree changed: let the session stream the partial result."""
        self.session.tree_changed(self.origin or self)


_current: contextvars.ContextVar[RunContext | None] = contextvars.ContextVar("nbstream_run", default=None)

# Called when an ``st.*`` call happens outside any app run (a plain notebook cell, a
# plain Python program).  The front end replaces it to show the element in place; until
# then the session module's bare session answers (it registers itself on import).
_outside_run_factory: Callable[[], RunContext] | None = None
_bare_run_factory: Callable[[], RunContext] | None = None


# The attribute a thread carries its run context in (``add_script_run_ctx``): a thread
# the script starts does not inherit the contextvar.
THREAD_ATTR = "streamlit_script_run_ctx"


def get() -> RunContext | None:
    ctx = _current.get()
    if ctx is None:
        ctx = getattr(threading.current_thread(), THREAD_ATTR, None)
    return ctx


def require() -> RunContext:
    ctx = get()
    if ctx is None:
        ctx = _outside_run()
    return ctx


_warned_threads: set[int] = set()


def _orphan_thread_run() -> RunContext:
    """A throwaway run for ``st.*`` calls of a thread started without the run's context:
    as in Streamlit, they warn and what they write is dropped."""
    thread = threading.current_thread()
    if thread.ident not in _warned_threads:
        _warned_threads.add(thread.ident or 0)
        _LOG.warning(
            "Thread '%s': missing ScriptRunContext! This warning can be ignored when running in bare mode.",
            thread.name,
        )
    assert _bare_run_factory is not None
    return _bare_run_factory()


def _outside_run() -> RunContext:
    if threading.current_thread() is not threading.main_thread() and _bare_run_factory is not None:
        # Ordinary notebook cells run in the main thread; any other thread is an app's helper.
        return _orphan_thread_run()
    factory = _outside_run_factory or _bare_run_factory
    if factory is None:
        raise NoSessionContext("This needs a running nbstream app session.")
    return factory()


def set_bare_run_factory(factory: Callable[[], RunContext]) -> None:
    global _bare_run_factory
    _bare_run_factory = factory


def set_outside_run_factory(factory: Callable[[], RunContext] | None) -> None:
    global _outside_run_factory
    _outside_run_factory = factory


# Set once an app (not bare mode) has run in this process: ``st.runtime.exists()``.
app_has_run = False


@contextmanager
def activate(ctx: RunContext) -> Iterator[RunContext]:
    global app_has_run
    if not ctx.session.is_bare:
        app_has_run = True
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)


def session_or_raise() -> RunSession:
    ctx = _current.get()
    if ctx is None:
        raise NoSessionContext("This needs a running nbstream app session.")
    return ctx.session
