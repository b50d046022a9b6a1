"""st.chat_input: the message box of a chat app.

Its value is an event, like a button's click: the submitted text in the run the
submission starts, None in every other run.  In the app's main area it is pinned to the
bottom of the app; in any other container it is drawn where it is called.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget
from nbstream.elements.chat.messages import check_width
from nbstream.elements.delta_generator import command, current
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue

# A submission longer than this is not one a person typed (the bridge also caps messages).
MAX_SUBMISSION_CHARS = 1_000_000


class SubmissionSerde:
    """The browser sends the submitted text with the event; nothing is sent back to it
    (the box is empty after a submission)."""

    carries_value = True

    def __init__(self, max_chars: int | None) -> None:
        self.max_chars = max_chars

    def serialize(self, value: Any) -> None:
        return None

    def deserialize(self, wire: Any) -> str:
        if not isinstance(wire, str):
            raise InvalidWireValue(f"a chat message is text, not {type(wire).__name__}")
        limit = min(self.max_chars or MAX_SUBMISSION_CHARS, MAX_SUBMISSION_CHARS)
        if len(wire) > limit:
            raise InvalidWireValue(f"a chat message of {len(wire)} characters (at most {limit})")
        return wire


@command
def chat_input(
    placeholder: str = "Your message",
    *,
    key: str | int | None = None,
    max_chars: int | None = None,
    accept_file: bool | str = False,
    file_type: str | list[str] | None = None,
    disabled: bool = False,
    on_submit: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    width: int | str = "stretch",
) -> str | None:
    """Display a chat input widget.

    The user types a message and presses Enter (Shift+Enter makes a new line); the
    script reruns and this call returns the message, once.  In every other run it
    returns None, and the box is empty again.

    Parameters
    ----------
    placeholder : str
        The text shown while the box is empty.
    key : str, int or None
        A unique key; ``st.session_state[key]`` holds the submitted text in the run it
        starts (and in ``on_submit``).  It cannot be set through Session State.
    max_chars : int or None
        The most characters a message may have.
    accept_file : bool, "multiple" or "directory"
        Let the user attach files.  Not supported yet in nbstream: anything but False
        raises StreamlitAPIException.
    file_type : str, list of str or None
        The file extensions allowed with ``accept_file``.
    disabled : bool
        Disable the input.
    on_submit : callable or None
        Called when a message is submitted, before the script reruns.
    args, kwargs : tuple and dict
        Arguments for ``on_submit``.
    width : "stretch" or int
        The input's width.

    Returns
    -------
    str or None
        The message submitted in the interaction that started this run, else None.
    """
    if accept_file not in (False, None):
        raise StreamlitAPIException(
            "st.chat_input(accept_file=...) is not yet supported by nbstream: attaching files "
            "needs the file upload support that is still to come. Use accept_file=False for now."
        )
    if file_type is not None:
        raise StreamlitAPIException(
            "st.chat_input's file_type only applies with accept_file, which is not yet supported."
        )
    if max_chars is not None and (
        isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0
    ):
        raise StreamlitAPIException(f"max_chars of st.chat_input must be a positive int, not {max_chars!r}.")
    where = current(context.require())
    if where.form_id is not None:
        raise StreamlitAPIException("st.chat_input() can't be used in a st.form().")
    pinned = where.path == ("main",)  # in any container (a fragment too) it is inline
    props = {
        "placeholder": str(placeholder),
        "max_chars": max_chars,
        "disabled": bool(disabled),
        "position": "bottom" if pinned else "inline",
        "width": check_width(width, "chat_input"),
    }
    identity = {"placeholder": props["placeholder"], "max_chars": max_chars, "accept_file": False}
    return add_widget(
        "chat_input",
        props,
        serde=SubmissionSerde(max_chars),
        default=None,
        identity=identity,
        key=key,
        on_change=on_submit,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
