"""Exceptions raised by nbstream, with Streamlit's names and meanings.

The public module ``nbstream.errors`` re-exports these, so a Streamlit suite that
catches ``streamlit.errors.StreamlitAPIException`` works with only its import changed.
"""

from __future__ import annotations


class Error(Exception):
    """Base of every nbstream error."""


class StreamlitAPIException(Error):
    """A Streamlit (nbstream) command was used the wrong way.

    The message is shown in the app as an exception element and explains the fix.
    """

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class DuplicateWidgetID(StreamlitAPIException):
    """Two widgets of one run share an ID: same kind and arguments, or the same key."""


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    """A widget whose value only the user can set (a button) was given one through Session State."""

    def __init__(self, key: str, kind: str = "button") -> None:
        super().__init__(
            f'Values for the {kind} widget with key "{key}" cannot be set using `st.session_state`: '
            "buttons, download buttons and file uploaders only take their value from the user. "
            "Use a different key for the value you want to keep."
        )


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A use of the API that works but is probably not what the author meant."""


class NoSessionContext(Error):
    """An operation needs a running app session and there is none."""


class ScriptControl(BaseException):  # noqa: N818 - control flow, not an error
    """Base of the exceptions that steer a script run (stop, rerun, interrupt).

    They derive from BaseException so that a script's ``except Exception`` never swallows them.
    """


class StopScript(ScriptControl):
    """Raised by ``st.stop()``: the run ends here and keeps what it drew."""


class RerunScript(ScriptControl):
    """Raised by ``st.rerun()``: the run ends here and a new one starts at once."""

    def __init__(self, scope: str = "app") -> None:
        super().__init__(scope)
        self.scope = scope


class RunInterrupted(ScriptControl):
    """Raised at the next ``st.*`` call when newer user input superseded the run."""
