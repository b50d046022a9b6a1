"""The run context: which session and which run an ``st.*`` call belongs to.

It is held in a contextvar, so every per-session thing (state, tree, cursor) is
reached through it and nothing of a session is global.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from nbstream.runtime.errors import NoSessionContext, RunInterrupted
from nbstream.runtime.fragments import Fragments
from nbstream.runtime.pages import Route
from nbstream.runtime.script import Script
from nbstream.runtime.state import SessionState
from nbstream.runtime.tree import Node


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
    secrets_override: Mapping[str, Any] | None

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
    # True while a click's run goes on: such a run is never interrupted.
    uninterruptible: bool = False
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

    def check_interrupt(self) -> None:
        """Called at every ``st.*`` call: ends the run if newer input superseded it."""
        if self.interrupt.is_set() and not self.uninterruptible:
            raise RunInterrupted()

    def changed(self) -> None:
        """The tree changed: let the session stream the partial result."""
        self.session.tree_changed(self)


_current: contextvars.ContextVar[RunContext | None] = contextvars.ContextVar("nbstream_run", default=None)

# Called when an ``st.*`` call happens outside any app run (a plain notebook cell, a
# plain Python program).  The front end replaces it to show the element in place; until
# then the session module's bare session answers (it registers itself on import).
_outside_run_factory: Callable[[], RunContext] | None = None
_bare_run_factory: Callable[[], RunContext] | None = None


def get() -> RunContext | None:
    return _current.get()


def require() -> RunContext:
    ctx = _current.get()
    if ctx is None:
        ctx = _outside_run()
    return ctx


def _outside_run() -> RunContext:
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


@contextmanager
def activate(ctx: RunContext) -> Iterator[RunContext]:
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
