"""``import streamlit`` inside apps gives nbstream (``runner.aliasStreamlit``, on by default).

A Streamlit script pasted into a ``%%stapp`` cell, run by ``nbstream run`` or by
nbstream's ``AppTest`` runs unchanged: while an app run executes (and in the threads
given its context), ``import streamlit as st`` binds ``nbstream``, and
``streamlit.X.Y`` binds ``nbstream.X.Y`` (``streamlit.testing.v1``, ``streamlit.errors``,
``streamlit.column_config``, ``streamlit.runtime.scriptrunner``, ...).  Packages a run
imports for the first time (Streamlit components from PyPI) get the same alias for the
``import streamlit`` they do then.

Only the import statement is redirected, never ``sys.modules``: outside app runs, or
with the option off, ``import streamlit`` finds a real installed Streamlit (or fails
when there is none).  ``alias_everywhere()`` (the ``nbstream.testing.streamlit_alias``
pytest plugin) extends the alias to the whole process, for AppTest suites written for
Streamlit.
"""

from __future__ import annotations

import builtins
import threading
from typing import Any

from nbstream import config
from nbstream.runtime import context

_PREFIX = "streamlit"
_lock = threading.Lock()
_original_import: Any = None
_everywhere = False


def nbstream_name(name: str) -> str | None:
    """The nbstream module that stands for Streamlit module ``name`` (None: not Streamlit's)."""
    if name == _PREFIX or name.startswith(_PREFIX + "."):
        return "nbstream" + name[len(_PREFIX) :]
    return None


def active() -> bool:
    """True where ``import streamlit`` gives nbstream now (in this thread)."""
    if _everywhere:
        return True
    ctx = context.get()
    if ctx is None or ctx.session.is_bare:
        return False
    return bool(config.get_option("runner.aliasStreamlit"))


def install() -> None:
    """Put the alias in front of ``import`` (once per process; it checks ``active()`` on
    every ``streamlit`` import, so installing it changes nothing outside apps)."""
    global _original_import
    with _lock:
        if _original_import is None:
            _original_import = builtins.__import__
            builtins.__import__ = _import


def alias_everywhere(on: bool = True) -> None:
    """Make ``import streamlit`` give nbstream in the whole process (``on=False`` undoes it)."""
    global _everywhere
    install()
    _everywhere = on


def _import(
    name: str,
    globals: dict[str, Any] | None = None,
    locals: Any = None,
    fromlist: Any = (),
    level: int = 0,
) -> Any:
    target = nbstream_name(name) if level == 0 else None
    if target is None or not active():
        return _original_import(name, globals, locals, fromlist, level)
    try:
        return _original_import(target, globals, locals, fromlist, level)
    except ModuleNotFoundError as exc:
        missing = exc.name or target
        if not missing.startswith("nbstream"):
            raise
        streamlit_name = _PREFIX + missing[len("nbstream") :]
        raise ModuleNotFoundError(
            f"No module named '{streamlit_name}': inside apps `import streamlit` gives nbstream, "
            f"which has no '{missing}' (turn the alias off with runner.aliasStreamlit = false "
            "to import a real Streamlit).",
            name=streamlit_name,
        ) from None
