"""Buttons: st.button (a trigger: True only in the run its click started); st.download_button
is in download.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._button_options import TRIGGER, button_options, identity_of
from nbstream.elements.delta_generator import command, current
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException

BUTTON_TYPES = ("primary", "secondary", "tertiary")


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
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
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
    icon_position : "left" or "right"
        Which side of the label the icon is on.
    disabled : bool
        Disable the button.
    use_container_width : bool or None
        Deprecated: True is ``width="stretch"``, False ``width="content"``.
    width : "content", "stretch" or int
        As wide as its label (never wider than its parent), as wide as its parent, or a
        fixed number of pixels (at most the parent's width).
    shortcut : str or None
        A keyboard shortcut that clicks the button: a letter or digit ("K"), a function
        key ("F4") or a special key ("Enter", "Esc", "Tab", "Space", "Up", "PageDown",
        ...), with modifiers ("Ctrl+K", "Cmd+Shift+O"; Ctrl, Cmd, Meta and Mod all mean
        the platform's command key, Alt and Option the same key).  C and R are reserved.
        The shortcut shows on the button; it does not fire while typing in a text field
        unless it has a modifier.
    wrap : bool or None
        True lets a long label wrap onto more lines; False keeps one line and ends it with
        an ellipsis (the full label shows on hover when there is no ``help``); None wraps
        except in a horizontal container or directly in a column.

    Returns
    -------
    bool
        True if the button was clicked in the interaction that started this run.
    """
    check_button_type("button", type)
    check_not_in_form("button")
    options = button_options(
        icon_position=icon_position,
        width=width,
        use_container_width=use_container_width,
        shortcut=shortcut,
        wrap=wrap,
    )
    props = widget_props(label, help, disabled, "visible", type=type, icon=icon, **options)
    identity = {
        "label": props["label"],
        "help": help,
        "type": type,
        "icon": icon,
        **identity_of(options),
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
