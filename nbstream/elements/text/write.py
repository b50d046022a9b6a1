"""st.write (and magic), st.echo, st.help."""

from __future__ import annotations

import inspect
import linecache
import os
import textwrap
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import COMMANDS, DeltaGenerator, command
from nbstream.elements.status import alerts
from nbstream.elements.text import text
from nbstream.runtime import session
from nbstream.runtime.errors import StreamlitAPIException

_HELP_TYPES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    type,
    DeltaGenerator,
)
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _is_dataframe_like(obj: Any) -> bool:
    module = type(obj).__module__
    if module.startswith(("pandas", "pyarrow", "polars")):
        return type(obj).__name__ in (
            "DataFrame",
            "Series",
            "Index",
            "Styler",
            "Table",
            "RecordBatch",
            "ChunkedArray",
        )
    if module.startswith("numpy"):
        return getattr(obj, "ndim", 0) >= 1
    return hasattr(obj, "__dataframe__")


def _is_json_like(obj: Any) -> bool:
    from nbstream.elements.state.views import StateView

    return isinstance(obj, (dict, list, StateView)) or (
        hasattr(obj, "keys") and hasattr(obj, "__getitem__") and not isinstance(obj, (str, bytes))
    )


@command
def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write arguments to the app; what each becomes depends on its type.

    ======================================  ==========================================
    argument                                shown with
    ======================================  ==========================================
    str                                     ``st.markdown`` (consecutive strings are
                                            joined with spaces)
    DataFrame, Series, Styler, Arrow        ``st.dataframe``
    table, NumPy array
    dict, list, Session State               ``st.json``
    Exception                               ``st.exception``
    function, module, class                 ``st.help``
    anything else (numbers, ...)            ``str(arg)`` as inline code in the
                                            Markdown
    ======================================  ==========================================

    Parameters
    ----------
    *args : any
        One or many objects to show.
    unsafe_allow_html : bool
        Render HTML in strings instead of escaping it; only for HTML you trust.
    """
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            text.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
            buffer.clear()

    for arg in args:
        if isinstance(arg, str):
            buffer.append(arg)
        elif _is_dataframe_like(arg) and "dataframe" in COMMANDS:
            flush()
            COMMANDS["dataframe"](arg)
        elif isinstance(arg, BaseException):
            flush()
            alerts.exception(arg)
        elif isinstance(arg, _HELP_TYPES):
            flush()
            help(arg)
        elif _is_json_like(arg) and "json" in COMMANDS:
            flush()
            COMMANDS["json"](arg)
        else:
            buffer.append(f"`{_short_str(arg)}`")
    flush()


def _short_str(obj: Any) -> str:
    return str(obj).replace("`", "'")


session.magic_writer = write


@contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Show the code inside a ``with st.echo():`` block in the app, then run it.

    Parameters
    ----------
    code_location : "above" or "below"
        Whether the code is shown above or below what the block writes.
    """
    if code_location not in ("above", "below"):
        raise StreamlitAPIException(f'code_location must be "above" or "below", not {code_location!r}.')
    frame = _caller_frame()
    filename, start = frame.f_code.co_filename, frame.f_lineno
    del frame
    placeholder = add_element("empty", {}) if code_location == "above" else None
    try:
        yield
    finally:
        source = _block_source(filename, start)
        if placeholder is not None:
            placeholder.code(source, "python")
        else:
            text.code(source, "python")


COMMANDS["echo"] = echo


def _caller_frame() -> types.FrameType:
    frame = inspect.currentframe()
    assert frame is not None
    while frame is not None:
        name = frame.f_code.co_filename
        if not name.startswith(_PACKAGE_DIR) and "contextlib" not in name:
            return frame
        frame = frame.f_back
    raise StreamlitAPIException("st.echo could not find the code that called it.")


def _block_source(filename: str, with_line: int) -> str:
    lines = linecache.getlines(filename)
    if not lines or with_line > len(lines):
        return ""
    head = lines[with_line - 1]
    indent = len(head) - len(head.lstrip())
    body = []
    for line in lines[with_line:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    while body and not body[-1].strip():
        body.pop()
    return textwrap.dedent("".join(body)).rstrip("\n")


@command
def help(obj: Any = None, *, width: int | str = "stretch") -> DeltaGenerator:
    """Display an object's name, type, signature, docstring and public members.

    ``st.help()`` with no argument documents ``st.help`` itself.  ``width`` is
    "stretch" (the container's width, the default) or a number of pixels.
    """
    width = check_width(width, allow_content=False)
    if obj is None:
        obj = help
    props = {
        "name": getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or "",
        "type": type(obj).__name__,
        "signature": _signature(obj),
        "doc": inspect.getdoc(obj) or "",
        "value": None if callable(obj) or isinstance(obj, types.ModuleType) else repr(obj)[:1000],
        "members": _members(obj),
        "width": width,
    }
    return add_element("help", props)


def _signature(obj: Any) -> str | None:
    if not callable(obj):
        return None
    try:
        return str(inspect.signature(obj))
    except (TypeError, ValueError):
        return None


def _members(obj: Any) -> list[dict[str, str]]:
    if isinstance(obj, DeltaGenerator):
        names = sorted(COMMANDS)
    else:
        names = [n for n in dir(obj) if not n.startswith("_")]
    out = []
    for name in names[:200]:
        try:
            member = COMMANDS[name] if isinstance(obj, DeltaGenerator) else getattr(obj, name)
        except Exception:
            continue
        doc = (inspect.getdoc(member) or "").split("\n", 1)[0] if callable(member) else ""
        out.append({"name": name, "type": type(member).__name__, "doc": doc})
    return out
