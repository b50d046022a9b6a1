"""st.chat_input: the message box of a chat app.

Its value is an event, like a button's click: the submitted text (with
``accept_file``, a ``ChatInputValue`` of text and files: ``files.py``) in the run the
submission starts, None in every other run.  Called in the app's main area it goes to the
bottom area (``st.bottom``, pinned to the bottom of the app), as in Streamlit; in any
other container it is drawn where it is called.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from nbstream.elements._base import add_widget
from nbstream.elements._sizing import check_height
from nbstream.elements.chat.files import ACCEPT_FILE, ChatFilesSerde, ChatInputValue
from nbstream.elements.chat.messages import check_width
from nbstream.elements.delta_generator import BOTTOM, command, current
from nbstream.elements.widgets.uploads import max_upload_bytes, normalize_types
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException, StreamlitValueError
from nbstream.runtime.uploads import UploadRules
from nbstream.runtime.widgets import InvalidWireValue

SUBMIT_MODES = ("submit", "disable", "stop")
SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, None)

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
    max_upload_size: int | None = None,
    accept_file: bool | str = False,
    file_type: str | Sequence[str] | None = None,
    accept_audio: bool = False,
    audio_sample_rate: int | None = 16000,
    disabled: bool = False,
    submit_mode: str = "submit",
    on_submit: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    width: int | str = "stretch",
    height: int | str = "content",
) -> str | ChatInputValue | None:
    """Display a chat input widget.

    The user types a message and presses Enter (Shift+Enter makes a new line); the
    script reruns and this call returns the message, once.  In every other run it
    returns None, and the box is empty again.

    Parameters
    ----------
    placeholder : str
        The text shown while the box is empty.
    key : str, int or None
        A unique key; ``st.session_state[key]`` holds the submitted value in the run it
        starts (and in ``on_submit``).  It cannot be set through Session State.
    max_chars : int or None
        The most characters a message may have.
    max_upload_size : int or None
        With ``accept_file``: the largest file in megabytes (None: the
        ``server.maxUploadSize`` option, 200 by default).
    accept_file : bool, "multiple" or "directory"
        Let the user attach files to a message (a paperclip button, or drop them on the
        box): True for one file, ``"multiple"`` for several, ``"directory"`` for every
        file of a folder (names keep their path inside it).  A message may then be
        files alone, with empty text.
    file_type : str, list of str or None
        The extensions allowed with ``accept_file`` (``"pdf"``, ``[".png", "jpg"]``;
        case-insensitive).  None allows any file.  Checked in the browser and again in
        the kernel.
    accept_audio : bool
        Show a microphone button: the user records a message (Stop ends the recording,
        which is attached to the next submission as a WAV file; a recording alone may be
        sent).  The value is then a ``ChatInputValue`` whose ``audio`` is an
        ``UploadedFile`` of type audio/wav (None for a message without one).
    audio_sample_rate : int or None
        The recording's sample rate in Hz: 8000, 11025, 16000 (the default, as speech
        recognition wants), 22050, 24000, 32000, 44100, 48000, or None for the browser's
        own rate.
    disabled : bool
        Disable the input.
    submit_mode : "submit", "disable" or "stop"
        What the box does while the run a message started is going on: stay enabled
        ("submit"), be disabled until the run ends ("disable"), or disable the text and
        turn the send button into a stop button that stops the script ("stop").
    on_submit : callable or None
        Called when a message is submitted, before the script reruns.
    args, kwargs : tuple and dict
        Arguments for ``on_submit``.
    width : "stretch" or int
        The input's width.
    height : "content", "stretch" or int
        The box's least height: one line growing with the text ("content"), the parent
        container's height ("stretch"), or that many pixels (still growing with the text).

    Returns
    -------
    None, str or ChatInputValue
        The message submitted in the interaction that started this run, else None.
        Without ``accept_file`` and ``accept_audio`` it is the text; with either a
        ``ChatInputValue``, a dict-like object with ``text``, ``files`` (with
        ``accept_file``: a list of ``UploadedFile``) and ``audio`` (with
        ``accept_audio``), read as ``value.text`` or ``value["files"]``.
    """
    if not (isinstance(accept_file, bool) or (isinstance(accept_file, str) and accept_file in ACCEPT_FILE)):
        raise StreamlitValueError(
            "accept_file", ["True", "False", "'multiple'", "'directory'"], accept_file, show_got=True
        )
    if max_chars is not None and (
        isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0
    ):
        raise StreamlitAPIException(f"max_chars of st.chat_input must be a positive int, not {max_chars!r}.")
    if max_upload_size is not None and (
        isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int) or max_upload_size <= 0
    ):
        raise StreamlitAPIException(
            "Invalid `max_upload_size` value. Supported values: a positive integer. Set it to None "
            "to fall back to the `server.maxUploadSize` configuration option."
        )
    if audio_sample_rate not in SAMPLE_RATES or isinstance(audio_sample_rate, bool):
        raise StreamlitValueError("audio_sample_rate", [str(r) for r in SAMPLE_RATES])
    accept_audio = bool(accept_audio)
    if submit_mode not in SUBMIT_MODES:
        raise StreamlitValueError("submit_mode", [f"'{m}'" for m in SUBMIT_MODES])
    height = check_height(height)
    ctx = context.require()
    where = current(ctx)
    if where.form_id is not None:
        raise StreamlitAPIException("st.chat_input() can't be used in a st.form().")
    # In any container (a fragment too) it is inline; in the main area it goes to the bottom.
    pinned = where.path in (("main",), ("bottom",))
    props: dict[str, Any] = {
        "placeholder": str(placeholder),
        "max_chars": max_chars,
        "disabled": bool(disabled),
        "position": "bottom" if pinned else "inline",
        "width": check_width(width, "chat_input"),
        "accept_file": accept_file,
        "submit_mode": submit_mode,
        "height": height,
        "accept_audio": accept_audio,
        "audio_sample_rate": audio_sample_rate,
    }
    identity: dict[str, Any] = {
        "placeholder": props["placeholder"],
        "max_chars": max_chars,
        "accept_file": accept_file,
        "accept_audio": accept_audio,
    }
    text = SubmissionSerde(max_chars)
    serde: Any = text
    if accept_file is not False or accept_audio:
        types = normalize_types(file_type, "`file_type` of st.chat_input") or None  # [] allows any
        rules = UploadRules(types, max_upload_bytes(max_upload_size))
        props["file_type"] = list(types) if types is not None else None
        props["max_bytes"] = rules.max_bytes
        identity.update(file_type=types, max_upload_size=max_upload_size)
        multiple = accept_file in ("multiple", "directory")
        serde = ChatFilesSerde(
            ctx.session.uploads,
            rules,
            multiple,
            text.deserialize,
            accept_file=accept_file is not False,
            accept_audio=accept_audio,
        )
    with BOTTOM if where.path == ("main",) else contextlib.nullcontext():
        return add_widget(
            "chat_input",
            props,
            serde=serde,
            default=None,
            identity=identity,
            key=key,
            on_change=on_submit,
            args=args,
            kwargs=kwargs,
            trigger=True,
        )
