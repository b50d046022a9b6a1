"""A run's context for threads the script starts (Streamlit's multithreading concept).

A thread the script starts does not see the run it was started from: its ``st.*``
calls warn ("missing ScriptRunContext") and write nothing, as in Streamlit.  Giving it
the run's context before it starts lets it write into the page, typically into
containers the script made for it::

    from nbstream.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

    thread = threading.Thread(target=work, args=(st.container(),))
    add_script_run_ctx(thread, get_script_run_ctx())
    thread.start()
    ...
    thread.join()   # before the script ends, so that what it writes shows
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from typing import TypeVar

from nbstream.runtime import context
from nbstream.runtime.context import RunContext

_LOG = logging.getLogger("nbstream")

SCRIPT_RUN_CONTEXT_ATTR_NAME = context.THREAD_ATTR

# Streamlit's name for what a thread needs to call st.* commands.
ScriptRunContext = RunContext

T = TypeVar("T", bound=threading.Thread)


def get_script_run_ctx(suppress_warning: bool = False) -> RunContext | None:
    """The context of the app run this thread belongs to, or None (with a warning,
    unless ``suppress_warning``) in a thread that has none."""
    ctx = context.get()
    if ctx is None and not suppress_warning and threading.current_thread() is not threading.main_thread():
        _LOG.warning(
            "Thread '%s': missing ScriptRunContext! This warning can be ignored when running in bare mode.",
            threading.current_thread().name,
        )
    return ctx


def add_script_run_ctx(thread: T | None = None, ctx: RunContext | None = None) -> T:
    """Give ``thread`` (default: the current thread) the run context ``ctx`` (default:
    the current thread's), so that its ``st.*`` calls write into that run's page.

    Call it before the thread starts.  The thread gets a cursor of its own: ``with
    container:`` in the thread does not move where the script writes.  Returns the thread.
    """
    if thread is None:
        thread = threading.current_thread()  # type: ignore[assignment]
    if ctx is None:
        ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        # Shares the run's tree, widgets, interrupt flag and session; only the stack is its own.
        base = ctx.stack[:1] if ctx.fragment_id is not None else []
        ctx = dataclasses.replace(ctx, stack=list(base), origin=ctx.origin or ctx)
    setattr(thread, SCRIPT_RUN_CONTEXT_ATTR_NAME, ctx)
    return thread  # type: ignore[return-value]
