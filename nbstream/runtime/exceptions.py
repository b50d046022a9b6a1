"""How an exception becomes an ``exception`` element (uncaught, or ``st.exception``)."""

from __future__ import annotations

import os
import traceback

from nbstream import config
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.tree import Node

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

REDACTED = (
    "This app has encountered an error. The original error message is redacted to prevent data leaks. "
    "Full error details have been recorded in the logs."
)


def _user_frames(exc: BaseException) -> list[str]:
    """The traceback without nbstream's own frames, so the user sees their code."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.startswith(_PACKAGE_DIR)]
    return traceback.format_list(frames)


def exception_node(exc: BaseException, *, uncaught: bool = False) -> Node:
    detail = config.show_error_details() if uncaught else "full"
    type_name = type(exc).__name__
    message = str(exc)
    trace = _user_frames(exc) if exc.__traceback__ is not None else []
    if detail == "none":
        type_name, message, trace = "", REDACTED, []
    elif detail == "type":
        message, trace = REDACTED, []
    elif detail == "stacktrace":
        message = REDACTED
    props = {
        "type": type_name,
        "message": message,
        "traceback": trace,
        "is_api_error": isinstance(exc, StreamlitAPIException),
    }
    return Node("exception", props, value=exc)
