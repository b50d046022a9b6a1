"""Public exception classes (``from nbstream.errors import StreamlitAPIException``)."""

from nbstream.runtime.errors import (
    DuplicateWidgetID,
    Error,
    NoSessionContext,
    StreamlitAPIException,
    StreamlitAPIWarning,
    StreamlitValueAssignmentNotAllowedError,
)

__all__ = [
    "DuplicateWidgetID",
    "Error",
    "NoSessionContext",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitValueAssignmentNotAllowedError",
]
