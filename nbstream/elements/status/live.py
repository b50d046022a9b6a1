"""Live status elements: progress, spinner, status, toast, balloons, snow."""

from __future__ import annotations

import itertools
import numbers
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from nbstream.elements._base import add_block, add_element
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime import context
from nbstream.runtime.errors import ScriptControl, StreamlitAPIException, StreamlitValueError
from nbstream.runtime.tree import Node, area

EVENT = DeltaGenerator(area="event")
STATUS_STATES = ("running", "complete", "error")
TOAST_DURATIONS = ("short", "long", "infinite")
_nonce = itertools.count(1)


def _percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise StreamlitAPIException(f"Progress Value has invalid type: {type(value).__name__}")
    if isinstance(value, numbers.Integral):
        if not 0 <= value <= 100:
            raise StreamlitAPIException(f"Progress Value has invalid value [0, 100]: {value}")
        return int(value)
    if not 0.0 <= value <= 1.0:
        raise StreamlitAPIException(f"Progress Value has invalid value [0.0, 1.0]: {value}")
    return round(value * 100)


@command
def progress(value: int | float, text: str | None = None, width: int | str = "stretch") -> DeltaGenerator:
    """Display a progress bar.

    Call ``.progress()`` on the returned element to move it in place, and ``.empty()``
    to remove it.

    Parameters
    ----------
    value : int or float
        0 to 100 as an int, or 0.0 to 1.0 as a float.
    text : str or None
        A Markdown label shown above the bar.
    width : "stretch" or int
        The bar's width: its container's (the default) or a number of pixels.
    """
    percent = _percent(value)
    props = {
        "value": percent,
        "text": None if text is None else str(text),
        "width": check_width(width, allow_content=False),
    }
    return add_element("progress", props, value=percent)


@contextmanager
def spinner(
    text: str = "In progress...", *, show_time: bool = False, width: int | str = "content"
) -> Iterator[None]:
    """Show a spinner with a message while a block of code runs.

    Parameters
    ----------
    text : str
        The message (Markdown).
    show_time : bool
        Also show the seconds elapsed.
    width : "content", "stretch" or int
        The spinner's width: its content's (the default), its container's, or a
        number of pixels.

    Example
    -------
    >>> with st.spinner("Wait for it..."):
    ...     time.sleep(5)
    """
    # "transient": a spinner is not part of the page (Streamlit's AppTest never lists
    # it, running or done); its slot only keeps the positions of later elements stable.
    props = {
        "text": str(text),
        "show_time": bool(show_time),
        "started": time.time(),
        "transient": True,
        "width": check_width(width),
    }
    slot = add_element("spinner", props)
    try:
        yield
    finally:
        _clear(slot, transient=True)


def _clear(slot: DeltaGenerator, *, transient: bool = False) -> None:
    """Empty a slot without the interrupt check, so clean-up never raises."""
    ctx = context.get()
    if ctx is not None:
        slot._place(ctx, Node("empty", {"transient": True} if transient else {}))


class StatusContainer(DeltaGenerator):
    """The container ``st.status`` returns: a DeltaGenerator with ``update()``."""

    __slots__ = ()

    @property
    def _status(self) -> Node:
        assert self._block is not None
        return self._block

    def update(
        self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None
    ) -> None:
        """Change the status container's label, expanded state or state ("running", "complete", "error")."""
        props = self._status.props
        if state is not None:
            _check_state(state)
            props["state"] = state
        if label is not None:
            props["label"] = str(label)
        if expanded is not None:
            props["expanded"] = bool(expanded)
        ctx = context.get()
        if ctx is not None:
            ctx.changed()

    def __enter__(self) -> StatusContainer:  # type: ignore[override]
        super().__enter__()
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        failed = exc_type is not None and not issubclass(exc_type, ScriptControl)
        if failed:
            self.update(state="error")
        elif self._status.props.get("state") == "running":
            self.update(state="complete", expanded=self._status.props.get("initially_expanded", False))
        super().__exit__(exc_type, exc, tb)


def _status_type(value: Any) -> str:
    if value in ("default", "compact", "step"):
        return value  # type: ignore[no-any-return]
    raise StreamlitValueError("type", ["'default'", "'compact'", "'step'"])


def _check_state(state: str) -> None:
    if state not in STATUS_STATES:
        raise StreamlitAPIException(
            f"Unknown state ({state}). Must be one of 'running', 'complete', or 'error'."
        )


@command
def status(
    label: str,
    *,
    expanded: bool = False,
    state: str = "running",
    type: str = "default",
    width: int | str = "stretch",
) -> StatusContainer:
    """Insert a status container: an expander with a running/complete/error icon.

    Use it as ``with st.status("Downloading data..."):``; when the block ends it turns
    "complete" (or "error" if the block raised).  ``.update(label=..., state=...,
    expanded=...)`` changes it at any time.

    Parameters
    ----------
    label : str
        The label (Markdown).
    expanded : bool
        Whether it starts expanded.
    state : "running", "complete" or "error"
        The initial state.
    type : "default", "compact" or "step"
        "default": a box with a border.  "compact": a minimal inline toggle (for AI
        reasoning, task progress).  "step": a step of a timeline, an icon column with a
        line joining consecutive steps.
    width : "stretch" or int
        The container's width: its parent's (the default) or a number of pixels.
    """
    _check_state(state)
    props = {
        "label": str(label),
        "expanded": bool(expanded),
        "state": state,
        "initially_expanded": bool(expanded),
        "type": _status_type(type),
        "width": check_width(width, allow_content=False),
    }
    return StatusContainer.cast(add_block("status", props))  # type: ignore[return-value]


def _duration(duration: Any) -> str | int:
    if duration in TOAST_DURATIONS:
        return duration  # type: ignore[no-any-return]
    if isinstance(duration, bool):
        raise TypeError("Field Toast.duration: Expected an int, got a boolean.")
    if isinstance(duration, int) and duration > 0:
        return duration
    raise StreamlitValueError("duration", [*TOAST_DURATIONS, "a positive integer"])


@command
def toast(body: str, *, icon: str | None = None, duration: str | int = "short") -> DeltaGenerator:
    """Show a short message in the bottom-right corner that disappears after a few seconds.

    Call ``.toast()`` on the returned element to change the message in place.

    Parameters
    ----------
    body : str
        The message (Markdown).
    icon : str or None
        An emoji or ``:material/icon_name:`` shown next to the message.
    duration : "short", "long", "infinite" or int
        How long it shows: 4 seconds ("short", the default), 10 ("long"), until the
        user closes it ("infinite"), or this many seconds.
    """
    props = {"body": str(body), "icon": icon, "duration": _duration(duration), "nonce": next(_nonce)}
    ctx = context.require()
    ctx.check_interrupt()
    here = ctx.stack[-1] if ctx.stack else None
    node = Node("toast", props)
    # A toast floats above the page: unless it updates an earlier toast in place, it
    # goes to the event area rather than where the script is writing.
    if here is not None and here._slot is not None and here._slot[0] is area(ctx.root, "event"):
        return here._place(ctx, node)
    return EVENT._place(ctx, node)


@command
def balloons() -> DeltaGenerator:
    """Draw celebratory balloons floating up the page.

    The element takes its place where it is called (``st.sidebar.balloons()``, inside a
    container); the balloons cross the whole app once per call.
    """
    return _celebrate("balloons")


@command
def snow() -> DeltaGenerator:
    """Draw falling snowflakes.

    The element takes its place where it is called; the snow falls over the whole app
    once per call.
    """
    return _celebrate("snow")


def _celebrate(kind: str) -> DeltaGenerator:
    # Drawn where the script writes, as Streamlit does (an element of the page, in order,
    # that AppTest lists there); the animation itself floats over the whole app.  A new
    # nonce per call makes the browser replay the animation on every call.
    return add_element(kind, {"show": True, "nonce": next(_nonce)})
