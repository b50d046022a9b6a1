"""st.download_button: a button that saves a file the script made.

The file's bytes stay in the kernel, on the element's node (``Node.served``): the browser
asks for them when the button is clicked (``ctx.request``), so a large file nobody
downloads is never sent, and a rerun that keeps the file sends nothing.  The request is
answered from the session's own tree, so a download is scoped to its session.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, answers, widget_props
from nbstream.elements._button_options import button_options, identity_of
from nbstream.elements.delta_generator import command
from nbstream.elements.widgets.buttons import TRIGGER, check_button_type, check_not_in_form
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.tree import Node

ON_CLICK_WORDS = ("rerun", "ignore")


def file_bytes(data: Any) -> bytes:
    """The file's contents: text as UTF-8, bytes as they are, a file-like object read whole."""
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    read = getattr(data, "read", None)
    if callable(read):
        if callable(getattr(data, "seek", None)):
            data.seek(0)
        content = read()
        return content.encode("utf-8") if isinstance(content, str) else bytes(content)
    raise StreamlitAPIException(
        f"Invalid binary data format: {type(data).__name__}. "
        "st.download_button takes str, bytes, a file-like object (an open file, io.BytesIO) "
        "or a callable that returns one of them."
    )


def default_mime(data: Any) -> str:
    """Streamlit's MIME type for data given without one: text is text/plain."""
    if isinstance(data, (str, io.TextIOBase)):
        return "text/plain"
    return "application/octet-stream"


@answers("download_button")
def send_file(node: Node, payload: dict[str, Any]) -> tuple[Any, list[bytes]]:
    """The browser's request for a download button's file: ``{"file": true}``."""
    if set(payload) != {"file"} or payload["file"] is not True:
        raise ValueError("download_button answers only {'file': true}")
    if node.props.get("disabled"):
        raise ValueError("the download button is disabled")
    served = node.served
    content = file_bytes(served()) if callable(served) else file_bytes(served)
    return {"file_name": node.props["file_name"], "mime": node.props["mime"], "size": len(content)}, [content]


@command
def download_button(
    label: str,
    data: Any,
    file_name: str | None = None,
    mime: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | str | None = "rerun",
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
    """Display a button that downloads a file.

    The file is kept in the kernel and sent to the browser only when the button is
    clicked, so offering a large file costs nothing until someone downloads it.

    Parameters
    ----------
    label : str
        The button's label (Markdown).
    data : str, bytes, file-like or callable
        The file's contents: text is encoded as UTF-8, a file-like object (an open file,
        ``io.BytesIO``, ``io.StringIO``) is read from its start.  A callable returning
        one of these is called when the button is clicked, so the file is made only
        when someone asks for it.
    file_name : str or None
        The name the browser saves the file under ("download" when not given).
    mime : str or None
        The file's MIME type; "text/plain" for text and "application/octet-stream"
        otherwise when not given.
    key : str, int or None
        A unique key; the button's value is then ``st.session_state[key]``.
    help : str or None
        A tooltip shown on hover.
    on_click : "rerun", "ignore", callable or None
        "rerun" (the default) and None rerun the app after the download; "ignore"
        downloads without a rerun; a callable is a callback run before the rerun.
    args, kwargs : tuple and dict
        Arguments for an ``on_click`` callable.
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
        As wide as its label, as wide as its parent, or a fixed number of pixels.
    shortcut : str or None
        A keyboard shortcut that clicks the button ("D", "Ctrl+S", "F4"): see ``st.button``.
    wrap : bool or None
        Whether a long label wraps (True), is cut with an ellipsis (False) or follows the
        layout (None): see ``st.button``.

    Returns
    -------
    bool
        True in the run its click started (never with ``on_click="ignore"``).

    Examples
    --------
    >>> csv = df.to_csv(index=False)
    >>> st.download_button("Download CSV", csv, file_name="data.csv", mime="text/csv")
    """
    check_button_type("download_button", type)
    check_not_in_form("download_button")
    if on_click is not None and not callable(on_click) and on_click not in ON_CLICK_WORDS:
        raise StreamlitAPIException(
            f'on_click of st.download_button must be "rerun", "ignore", a callable or None, not {on_click!r}.'
        )
    options = button_options(
        icon_position=icon_position,
        width=width,
        use_container_width=use_container_width,
        shortcut=shortcut,
        wrap=wrap,
    )
    deferred = callable(data) and not callable(getattr(data, "read", None))
    served = data if deferred else file_bytes(data)
    props = widget_props(
        label,
        help,
        disabled,
        "visible",
        type=type,
        icon=icon,
        **options,
        file_name=file_name or "download",
        mime=mime or ("application/octet-stream" if deferred else default_mime(data)),
        size=None if deferred else len(served),
        ignore_click=on_click == "ignore",
    )
    identity = {
        "label": props["label"],
        "help": help,
        "file_name": file_name,
        "mime": props["mime"],
        "type": type,
        "icon": icon,
        "size": props["size"],
        **identity_of(options),
    }
    return add_widget(
        "download_button",
        props,
        serde=TRIGGER,
        default=False,
        identity=identity,
        key=key,
        on_change=on_click if callable(on_click) else None,
        args=args,
        kwargs=kwargs,
        trigger=True,
        served=served,
    )
