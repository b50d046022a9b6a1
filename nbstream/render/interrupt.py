"""The kernel's interrupt stops the apps' runs, not only a cell.

JupyterLab's interrupt button sends the kernel SIGINT.  ipykernel ignores it while no
cell executes and raises ``KeyboardInterrupt`` in the cell while one does; neither
reaches an app's script, which runs in its session's own thread.  Once installed,
SIGINT also stops the current run of every app of this kernel (``AppSession.stop``:
even a loop in pure Python), whether a cell executes or not.
"""

from __future__ import annotations

import logging
import signal
import threading
import weakref
from typing import Any

from nbstream.runtime.session import AppSession

_LOG = logging.getLogger("nbstream")

_sessions: weakref.WeakSet[AppSession] = weakref.WeakSet()
_installed = False


def watch(session: AppSession) -> None:
    """Stop this session's runs on the kernel's interrupt."""
    _sessions.add(session)
    _install()


def stop_all() -> int:
    """Stop the current run of every watched session; how many were running."""
    running = [s for s in list(_sessions) if not s.idle]
    for session in running:
        session.stop()
    if running:
        _LOG.info("nbstream: kernel interrupt: stopped %d app run(s)", len(running))
    return len(running)


def _while_idle(signum: int, frame: Any) -> None:
    stop_all()


def _while_executing(signum: int, frame: Any) -> None:
    stop_all()
    signal.default_int_handler(signum, frame)  # the executing cell is interrupted too


def _install() -> None:
    global _installed
    if _installed or threading.current_thread() is not threading.main_thread():
        return
    kernel = _kernel()
    if kernel is None:
        return
    _installed = True
    executing = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    signal.signal(signal.SIGINT, _while_executing if executing else _while_idle)
    # ipykernel saves the handler before each request it handles and restores it after:
    # ours is the one it restores, and its "during a request" handler is ours too.
    kernel.saved_sigint_handler = _while_idle
    original = kernel.pre_handler_hook

    def pre_handler_hook() -> None:
        original()
        kernel.saved_sigint_handler = _while_idle
        signal.signal(signal.SIGINT, _while_executing)

    kernel.pre_handler_hook = pre_handler_hook


def _kernel() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    if kernel is None or not hasattr(kernel, "pre_handler_hook"):
        return None
    return kernel
