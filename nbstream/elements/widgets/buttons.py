"""Buttons: st.button (a trigger: True only in the run its click started); st.download_button
is in download.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements.delta_generator import command, current
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue

BUTTON_TYPES = ("primary", "secondary", "tertiary")


class TriggerSerde:
    """A click is an event, not a value: the browser never sends a button a value."""

    def serialize(self, value: Any) -> bool:
        return bool(value)

    def deserialize(self, wire: Any) -> bool:
        raise InvalidWireValue("a button takes clicks, not values")


TRIGGER = TriggerSerde()


def check_not_in_form(kind: str) -> None:
    """st.button and st.download_button cannot be in a form: only the submit button can."""
    if current(context.require()).form_id is not None:
        raise StreamlitAPIException(
            f"`st.{kind}()` can't be used in an `st.form()`.\n\n"
            "For more information, refer to the [documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
        )


def check_button_type(kind: str, type: str) -> None:
    if type not in BUTTON_TYPES:
        raise StreamlitAPIException(
            f'The type argument to st.{kind} must be "primary", "secondary", or "tertiary". \n'
            f'The argument passed was "{type}".'
        )


@command
def button(
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> bool:
    """Display a button.

    A button does not keep state: it returns True in the run its click starts and False
    in every other run.  To remember a click, set a value in ``st.session_state`` from an
    ``on_click`` callback.

    Parameters
    ----------
    label : str
        The button's label (Markdown).
    key : str, int or None
        A unique key; the button's value is then readable as ``st.session_state[key]``.
        A button's value cannot be set through Session State.
    help : str or None
        A tooltip shown on hover.
    on_click : callable or None
        Called when the button is clicked, before the script reruns.
    args, kwargs : tuple and dict
        Arguments for ``on_click``, taken when the button is drawn.
    type : "primary", "secondary" or "tertiary"
        The button's emphasis.
    icon : str or None
        An emoji or ``:material/icon_name:`` shown next to the label.
    disabled : bool
        Disable the button.
    use_container_width : bool
        Stretch the button to the width of its parent.

    Returns
    -------
    bool
        True if the button was clicked in the interaction that started this run.
    """
    check_button_type("button", type)
    check_not_in_form("button")
    props = widget_props(
        label, help, disabled, "visible", type=type, icon=icon, use_container_width=bool(use_container_width)
    )
    identity = {
        "label": props["label"],
        "help": help,
        "type": type,
        "icon": icon,
        "ucw": bool(use_container_width),
    }
    return add_widget(
        "button",
        props,
        serde=TRIGGER,
        default=False,
        identity=identity,
        key=key,
        on_change=on_click,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
