"""``import streamlit`` inside apps gives nbstream (``runner.aliasStreamlit``, on by default).

A Streamlit script pasted into a ``%%stapp`` cell, run by ``nbstream run`` or by
nbstream's ``AppTest`` runs unchanged: while an app run executes (and in the threads
given its context), ``import streamlit as st`` binds ``nbstream``, and
``streamlit.X.Y`` binds ``nbstream.X.Y`` (``streamlit.testing.v1``, ``streamlit.errors``,
``streamlit.column_config``, ``streamlit.runtime.scriptrunner``, ...).  Packages a run
imports for the first time (Streamlit components from PyPI) get the same alias for the
``import streamlit`` they do then.

Every way code asks for a module by name is covered: the ``import`` statement and
``__import__`` (``builtins.__import__``), ``importlib.import_module`` (relative names
too), ``importlib.__import__`` and ``importlib.util.find_spec`` (which then answers with
nbstream's spec).  Each wrapper maps the *name* before the import system sees it and
never touches ``sys.modules``: a module cached there under ``streamlit`` is neither
returned inside runs nor replaced, so outside app runs, or with the option off,
``import streamlit`` finds a real installed Streamlit (or fails when there is none).
The wrappers are the module attributes: code that bound ``import_module`` or
``find_spec`` by a ``from importlib import ...`` run before nbstream installed them
keeps the originals.

``alias_everywhere()`` (the ``nbstream.testing.streamlit_alias`` pytest plugin) extends
the alias to the whole process, for AppTest suites written for Streamlit.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib
import importlib.util
import threading
from collections.abc import Iterator
from typing import Any

from nbstream import config
from nbstream.runtime import context

_PREFIX = "streamlit"
_lock = threading.Lock()
_originals: dict[str, Any] = {}  # what install() replaced: "import", "import_module", ...
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
    """Put the alias in front of every import route (once per process; each wrapper checks
    ``active()`` on every ``streamlit`` name, so installing it changes nothing outside apps)."""
    with _lock:
        if _originals:
            return
        _originals.update(
            {
                "import": builtins.__import__,
                "importlib_import": importlib.__import__,
                "import_module": importlib.import_module,
                "find_spec": importlib.util.find_spec,
            }
        )
        builtins.__import__ = _import
        importlib.__import__ = _importlib_import
        importlib.import_module = _import_module  # type: ignore[assignment]
        importlib.util.find_spec = _find_spec  # type: ignore[assignment]


def alias_everywhere(on: bool = True) -> None:
    """Make ``import streamlit`` give nbstream in the whole process (``on=False`` undoes it)."""
    global _everywhere
    install()
    _everywhere = on


def _aliased(name: str) -> str | None:
    """The nbstream name to import instead of ``name`` now (None: import ``name`` itself)."""
    target = nbstream_name(name)
    return target if target is not None and active() else None


@contextlib.contextmanager
def _explained() -> Iterator[None]:
    """Name the Streamlit module (and the way out) when nbstream lacks the one it stands for."""
    try:
        yield
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if not (missing == "nbstream" or missing.startswith("nbstream.")):
            raise
        streamlit_name = _PREFIX + missing[len("nbstream") :]
        raise ModuleNotFoundError(
            f"No module named '{streamlit_name}': inside apps `import streamlit` gives nbstream, "
            f"which has no '{missing}' (turn the alias off with runner.aliasStreamlit = false "
            "to import a real Streamlit).",
            name=streamlit_name,
        ) from None


def _statement(key: str, name: str, globals: Any, locals: Any, fromlist: Any, level: int) -> Any:
    original = _originals[key]
    target = _aliased(name) if level == 0 else None
    if target is None:
        return original(name, globals, locals, fromlist, level)
    with _explained():
        return original(target, globals, locals, fromlist, level)


def _import(
    name: str, globals: dict[str, Any] | None = None, locals: Any = None, fromlist: Any = (), level: int = 0
) -> Any:
    return _statement("import", name, globals, locals, fromlist, level)


def _importlib_import(
    name: str, globals: dict[str, Any] | None = None, locals: Any = None, fromlist: Any = (), level: int = 0
) -> Any:
    return _statement("importlib_import", name, globals, locals, fromlist, level)


def _absolute(name: str, package: str | None) -> str | None:
    """``name`` made absolute against ``package`` (None: a relative name with no package,
    which the original function reports)."""
    if not name.startswith("."):
        return name
    if not package:
        return None
    return importlib.util.resolve_name(name, package)


def _import_module(name: str, package: str | None = None) -> Any:
    absolute = _absolute(name, package)
    target = _aliased(absolute) if absolute is not None else None
    if target is None:
        return _originals["import_module"](name, package)
    with _explained():
        return _originals["import_module"](target)


def _find_spec(name: str, package: str | None = None) -> Any:
    absolute = _absolute(name, package)
    target = _aliased(absolute) if absolute is not None else None
    if target is None:
        return _originals["find_spec"](name, package)
    with _explained():
        return _originals["find_spec"](target)
