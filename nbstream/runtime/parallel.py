"""Parallel fragments (``@st.fragment(parallel=True)``): during a full run, a fragment's
body runs on a thread pool while the script goes on; the run ends once they all have.

Each body writes through a copy of the run's context (``origin`` is the run: it stops
with it, and what it draws streams with it) whose cursor starts in the fragment's own
block.  While it runs, it may only write inside that block (``check_place``) and may not
open a dialog or switch pages (``check_not_worker``); an error shows in the block.
``st.rerun()`` in a body reruns the app once every body has finished.  Reruns of one
fragment (after an interaction, ``run_every``) stay sequential, in the run's thread.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

from nbstream.runtime import context
from nbstream.runtime.context import RunContext
from nbstream.runtime.errors import (
    RerunScript,
    ScriptControl,
    StreamlitInvalidLayoutContextError,
)
from nbstream.runtime.exceptions import exception_node
from nbstream.runtime.tree import Node

_LOG = logging.getLogger("nbstream")

_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="nbstream-fragment")


def start(ctx: RunContext, fragment_id: str, block: Node, place: Any, body: Callable[[], Any]) -> None:
    """Run ``body`` (the fragment's, drawing into ``block`` through ``place``) on the pool."""
    run = ctx.origin or ctx
    worker = dataclasses.replace(
        ctx,
        stack=[place],
        fragment_id=fragment_id,
        origin=run,
        parallel_fragment=fragment_id,
        fragment_calls={},
        cache_recorder=None,
        in_callback=False,
    )

    def go() -> None:
        with context.activate(worker):
            try:
                body()
            except RerunScript as exc:
                run.parallel_rerun = exc
            except ScriptControl:
                pass  # st.stop(), or the run was stopped: the body just ends
            except BaseException as exc:  # the app's error: shown in the fragment's block
                assert block.children is not None
                block.children.append(exception_node(exc, uncaught=True))
                worker.changed()

    with run.lock:
        run.parallel_runs.append(_pool.submit(go))


def join(ctx: RunContext, *, rerun: bool = True) -> None:
    """Wait for the run's parallel bodies; then raise the ``st.rerun()`` one of them asked for."""
    while True:
        with ctx.lock:
            pending: list[Future[None]] = [f for f in ctx.parallel_runs if not f.done()]
            if not pending:
                ctx.parallel_runs.clear()
                break
        # A short wait, so that a stop injected into this thread is seen at once.
        wait(pending, timeout=0.05, return_when=FIRST_COMPLETED)
    asked, ctx.parallel_rerun = ctx.parallel_rerun, None
    if rerun and asked is not None:
        raise asked


def check_not_worker(what: str) -> None:
    """``@st.dialog`` and ``st.switch_page`` are not for a parallel body's first run."""
    ctx = context.get()
    if ctx is not None and ctx.origin is not None and ctx.parallel_fragment is not None:
        raise StreamlitInvalidLayoutContextError(
            f"`{what}` cannot be called from a parallel fragment during the initial page load, "
            f"because parallel fragments run concurrently on separate threads where `{what}` is "
            "not safe.\n\nTo fix this, gate the call behind a widget interaction (e.g., `if "
            "st.button(...):`) so it runs during a sequential fragment rerun instead."
        )


OUTSIDE = (
    "Writing to a container created outside a parallel fragment, including `st.sidebar` and "
    "`st.bottom`, is not supported on a full app run or a later fragment rerun.\n\nTo fix this, "
    "move the element inside the fragment body."
)


def check_place(ctx: RunContext, place_fragment: str | None) -> None:
    """A parallel fragment writes only inside itself (or fragments nested in it)."""
    own = ctx.parallel_fragment
    if own is None or place_fragment == own:
        return
    if place_fragment is None or place_fragment not in ctx.session.fragments.within(own):
        raise StreamlitInvalidLayoutContextError(OUTSIDE)
