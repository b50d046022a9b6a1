"""Public exception classes (``from nbstream.errors import StreamlitAPIException``)."""

from nbstream.runtime.errors import (
    CachedWidgetWarning,
    CacheReplayClosureError,
    DuplicateWidgetID,
    Error,
    NoSessionContext,
    StreamlitAPIException,
    StreamlitAPIWarning,
    StreamlitBadTimeStringError,
    StreamlitPageNotFoundError,
    StreamlitValueAssignmentNotAllowedError,
    UnhashableParamError,
    UnserializableReturnValueError,
    UserHashError,
)

__all__ = [
    "CacheReplayClosureError",
    "CachedWidgetWarning",
    "DuplicateWidgetID",
    "Error",
    "NoSessionContext",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitBadTimeStringError",
    "StreamlitPageNotFoundError",
    "StreamlitValueAssignmentNotAllowedError",
    "UnhashableParamError",
    "UnserializableReturnValueError",
    "UserHashError",
]
