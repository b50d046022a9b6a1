"""Exceptions raised by nbstream, with Streamlit's names and meanings.

The public module ``nbstream.errors`` re-exports these, so a Streamlit suite that
catches ``streamlit.errors.StreamlitAPIException`` works with only its import changed.
"""

from __future__ import annotations

import os


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


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    """Two elements of one run (widgets, keyed fragments) share a ``key``."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{key}'`. To fix this, please make sure "
            "that the `key` argument is unique for each element you create."
        )


class StreamlitInvalidLayoutContextError(StreamlitAPIException):
    """An element written where its context does not allow it (a parallel fragment's
    body writing outside itself, a dialog opened from one)."""


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    """A widget whose value only the user can set (a button) was given one through Session State."""

    def __init__(self, key: str, kind: str = "button") -> None:
        super().__init__(
            f'Values for the {kind} widget with key "{key}" cannot be set using `st.session_state`: '
            "buttons, download buttons and file uploaders only take their value from the user. "
            "Use a different key for the value you want to keep."
        )


class StreamlitPageNotFoundError(StreamlitAPIException):
    """``st.switch_page`` or ``st.page_link`` named a page the app does not have."""

    def __init__(
        self, page: str, main_script_directory: str | None = None, uses_pages_directory: bool = False
    ):
        if main_script_directory is None:
            message = f"Unable to create Page. The file `{page}` could not be found."
        elif uses_pages_directory:
            directory = os.path.basename(main_script_directory.rstrip(os.sep))
            message = (
                f"Could not find page: `{page}`. You must provide a file path relative to the "
                f"entrypoint file (from the directory `{directory}`). Only the entrypoint file and "
                "files in the `pages/` directory are supported."
            )
        else:
            message = (
                f"Could not find page: `{page}`. You must provide a `Page` object or file path "
                "relative to the entrypoint file. Only pages previously defined by `st.Page` and "
                "passed to `st.navigation` are allowed."
            )
        super().__init__(message)


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A use of the API that works but is probably not what the author meant."""


class StreamlitValueError(StreamlitAPIException):
    """An argument holds a value outside the ones the command supports."""

    def __init__(
        self, parameter: str, supported: list[str], got: object = None, *, show_got: bool = False
    ) -> None:
        message = f"Invalid `{parameter}` value. Supported values: {', '.join(supported)}."
        if show_got:
            message += f" Got {got!r}."
        super().__init__(message)


class StreamlitIncompatibleParametersError(StreamlitAPIException):
    """Two arguments that cannot be used together."""


class StreamlitDefaultNotInOptionsError(StreamlitAPIException):
    """A widget's default is not one of its options."""

    def __init__(self, value: object) -> None:
        super().__init__(
            f"The default value '{value}' is not part of the options. "
            "Please make sure that every default value also exists in the options."
        )


class StreamlitInvalidWidthError(StreamlitAPIException):
    """A ``width`` that is neither a positive number of pixels nor a named width."""


class StreamlitInvalidHeightError(StreamlitAPIException):
    """A ``height`` that is neither a positive number of pixels nor a named height."""


class StreamlitValueBelowMinError(StreamlitAPIException):
    """A widget's value is below its ``min_value``."""


class StreamlitValueAboveMaxError(StreamlitAPIException):
    """A widget's value is above its ``max_value``."""


class StreamlitInvalidMinMaxError(StreamlitAPIException):
    """A ``min_value`` above the ``max_value``."""


class StreamlitValueOutOfRangeError(StreamlitAPIException):
    """An argument outside the range the command takes."""


class StreamlitInvalidParameterTypeError(StreamlitAPIException):
    """An argument of a type the command does not take."""


class StreamlitMissingRequiredParameterError(StreamlitAPIException):
    """A parameter the command needs was left empty."""


class StreamlitAuthError(StreamlitAPIException):
    """``st.login``/``st.logout`` without a usable ``[auth]`` configuration."""


# ---- caching (st.cache_data, st.cache_resource) -------------------------------------


class StreamlitBadTimeStringError(StreamlitAPIException):
    """A ``ttl`` string that does not read as a duration."""

    def __init__(self, text: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, "
            f"for example. Got: {text}"
        )


class UnhashableParamError(StreamlitAPIException):
    """An argument of a cached function that nbstream cannot hash."""

    def __init__(self, arg_name: str, type_name: str, func_name: str, decorator: str = "cache_data") -> None:
        self.arg_name, self.type_name, self.func_name = arg_name, type_name, func_name
        super().__init__(
            f"Cannot hash argument '{arg_name}' (of type {type_name}) in '{func_name}'.\n\n"
            "To address this, you can tell nbstream not to hash this argument by adding a leading "
            "underscore to the argument's name in the function signature:\n\n"
            f"```\n@st.{decorator}\ndef {func_name}(_{arg_name}, ...):\n    ...\n```\n\n"
            "or pass `hash_funcs` to the decorator with a function that hashes this type."
        )


class UserHashError(StreamlitAPIException):
    """A function given in ``hash_funcs`` raised."""

    def __init__(
        self, error: BaseException, hash_func_name: str, type_name: str, func_name: str, decorator: str
    ) -> None:
        super().__init__(
            f"{error}\n\n"
            f"This error is likely due to a bug in `{hash_func_name}()`, a user-defined hash function "
            f"passed in `hash_funcs` to the `@st.{decorator}` decorator of `{func_name}()`. It failed "
            f"when hashing an object of type `{type_name}`."
        )


class UnserializableReturnValueError(Error):
    """``st.cache_data`` got a return value that pickle cannot serialize."""

    def __init__(self, func_name: str, type_name: str) -> None:
        super().__init__(
            f"Cannot serialize the return value (of type `{type_name}`) in `{func_name}()`. "
            "`st.cache_data` uses [pickle](https://docs.python.org/3/library/pickle.html) to "
            "serialize the function's return value and safely store it in the cache without "
            "mutating the original object. Please convert the return value to a "
            "pickle-serializable type. If you want to cache unserializable objects such as "
            "database connections or Tensorflow sessions, use `st.cache_resource` instead."
        )


class CacheReplayClosureError(StreamlitAPIException):
    """A cached function wrote into a container made outside it: its output cannot be replayed."""

    def __init__(self, func_name: str, decorator: str) -> None:
        super().__init__(
            f"While running `{func_name}()`, a streamlit element is called on some layout block "
            "created outside the function. This is incompatible with replaying the cached effect "
            "of that element, because the referenced block might not exist when the replay happens.\n\n"
            "How to fix this:\n"
            f"* Move the creation of that layout block inside `{func_name}()`.\n"
            f"* Move the call to the streamlit element outside of `{func_name}()`.\n"
            f"* Remove the `@st.{decorator}` decorator from `{func_name}()`."
        )


class CachedWidgetWarning(StreamlitAPIWarning):
    """A widget inside a cached function without ``experimental_allow_widgets=True``."""

    def __init__(self, decorator: str = "cache_data") -> None:
        super().__init__(
            "Your script uses a widget command in a cached function\n"
            f"(function decorated with `@st.{decorator}`).\n"
            'This code will only be called when we detect a cache "miss",\n'
            "which can lead to unexpected results.\n\n"
            "How to fix this:\n"
            "* Move all widget commands outside the cached function.\n"
            "* Or, if you know what you're doing, use `experimental_allow_widgets=True` in the cache "
            "decorator to enable widget replay and suppress this warning."
        )


class NoSessionContext(Error):
    """An operation needs a running app session and there is none."""


class ScriptControl(BaseException):
    """Base of the exceptions that steer a script run (stop, rerun, interrupt).

    They derive from BaseException so that a script's ``except Exception`` never swallows them.
    """


class StopScript(ScriptControl):
    """Raised by ``st.stop()``: the run ends here and keeps what it drew."""


class RerunScript(ScriptControl):
    """Raised by ``st.rerun()``: the run ends here and a new one starts at once.

    ``keys``: the fragments a widget callback asked to rerun instead of the interaction's
    own run (``st.rerun("charts")``).
    """

    def __init__(self, scope: str = "app", keys: tuple[str, ...] = ()) -> None:
        super().__init__(scope)
        self.scope = scope
        self.keys = keys


class SwitchPage(ScriptControl):
    """Raised by ``st.switch_page()``: the run ends here and the target page runs next."""

    def __init__(self, url_path: str | None = None, script_path: str | None = None) -> None:
        super().__init__(url_path or script_path)
        self.url_path = url_path
        self.script_path = script_path


class RunInterrupted(ScriptControl):
    """Raised at the next ``st.*`` call when newer user input superseded the run."""


class RunTimeLimitExceeded(Error):
    """A run went on longer than ``runner.maxRunSeconds`` and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"This run was stopped after {seconds:g} seconds, the longest a run may take here "
            "(the runner.maxRunSeconds option). Interact with the app to run it again."
        )
