"""Forms: st.form and st.form_submit_button.

Widget changes inside a form are held (see runtime/forms.py) and sent together, in
one run, when the form's submit button is clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_block, add_widget, normalize_key, widget_props
from nbstream.elements._button_options import button_options, identity_of
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.delta_generator import DeltaGenerator, command, current
from nbstream.elements.widgets.buttons import TRIGGER, check_button_type
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException


@command
def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: int | str = "stretch",
    height: int | str = "content",
) -> DeltaGenerator:
    """Create a form that batches its widgets' values behind a submit button.

    Changing a widget inside the form does not rerun the app; clicking the form's
    ``st.form_submit_button`` reruns it once with all the new values.  Until then the
    form's widgets return their previous values (their defaults at first).

    Parameters
    ----------
    key : str
        A key that identifies the form; unique in the app.
    clear_on_submit : bool
        Reset every widget in the form to its default after a submit.
    enter_to_submit : bool
        Submit when the user presses Enter in a text or number input of the form
        (Ctrl/Cmd+Enter in a text area).
    border : bool
        Draw a border around the form.
    width : "stretch", "content" or int
        As wide as its parent (the default), as wide as its content, or a fixed number of
        pixels (at most the parent's width).
    height : "content", "stretch" or int
        As tall as its content (the default), as tall as its parent when that is taller,
        or a fixed number of pixels, scrolling what does not fit.

    Every form needs a submit button; ``st.button`` and ``st.download_button`` cannot be
    in a form, forms cannot be nested, and only the submit button may have a callback.
    """
    ctx = context.require()
    width = check_width(width)
    height = check_height(height)
    form_key = normalize_key(key)
    if not form_key:
        raise StreamlitAPIException("A form requires a unique, non-empty `key`.")
    if current(ctx).form_id is not None:
        raise StreamlitAPIException("Forms cannot be nested in other forms.")
    if form_key in ctx.forms:
        raise StreamlitAPIException(
            f"There are multiple identical forms with `key='{form_key}'`. "
            "To fix this, please make sure that the `key` argument is unique for each `st.form` you create."
        )
    props = {
        "form_id": form_key,
        "clear_on_submit": bool(clear_on_submit),
        "enter_to_submit": bool(enter_to_submit),
        "border": bool(border),
        "width": width,
        "height": height,
        "has_submit_button": False,
    }
    dg = add_block("form", props)
    assert dg._block is not None
    ctx.forms[form_key] = dg._block
    return dg


@command
def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    key: str | int | None = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a form's submit button.

    Clicking it sends every value changed in its form, in one rerun.

    Parameters
    ----------
    label : str
        The button's label (Markdown).
    help : str or None
        A tooltip shown on hover.
    on_click : callable or None
        Called when the form is submitted, before the rerun; it sees the submitted values
        through ``st.session_state``.
    args, kwargs : tuple and dict
        Arguments for ``on_click``.
    key : str, int or None
        A unique key; the button's value (True in the run its click started) is then
        readable as ``st.session_state[key]``.
    type, icon, icon_position, disabled, use_container_width, width, shortcut
        As for ``st.button``; a shortcut submits the form.
    wrap : bool or None
        As for ``st.button``; with None a submit button wraps its label, since the form is
        a layout boundary even when the form is in a column.

    Returns
    -------
    bool
        True in the run its click started.
    """
    ctx = context.require()
    form_id = current(ctx).form_id
    if form_id is None:
        raise StreamlitAPIException("`st.form_submit_button()` must be used inside an `st.form()`.")
    check_button_type("form_submit_button", type)
    options = button_options(
        icon_position=icon_position,
        width=width,
        use_container_width=use_container_width,
        shortcut=shortcut,
        wrap=wrap,
    )
    props = widget_props(
        label,
        help,
        disabled,
        "visible",
        type=type,
        icon=icon,
        **options,
        is_form_submitter=True,
        form_id=form_id,
    )
    identity = {
        "label": props["label"],
        "help": help,
        "type": type,
        "icon": icon,
        "submitter": True,
        **identity_of(options),
    }
    # Shows up as a button (AppTest's at.button), as in Streamlit.
    submitted = add_widget(
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
        submits_form=True,
    )
    block = ctx.forms.get(form_id)
    if block is not None:
        block.props["has_submit_button"] = True
        if submitted and block.props.get("clear_on_submit"):
            ctx.forms_to_clear.add(form_id)
    return submitted
