"""``st.session_state`` and ``st.query_params``: views of the current session's data.

Both are module-level objects that resolve the session of the running script through
the run context, so one object serves every session.  AppTest gives a test the same
views bound to its own session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Any

from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.session import AppSession
from nbstream.runtime.state import SessionState

_INIT_HELP = (
    "Did you forget to initialize it? More info: "
    "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
)


def _current_session() -> AppSession:
    ctx = context.get()
    return ctx.session if ctx is not None else AppSession.bare()


class StateView(MutableMapping[str, Any]):
    """Session State with key and attribute access (``st.session_state.key``)."""

    __slots__ = ("_resolve",)

    def __init__(self, resolve: Callable[[], SessionState]) -> None:
        object.__setattr__(self, "_resolve", resolve)

    @property
    def _state(self) -> SessionState:
        return self._resolve()

    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __contains__(self, key: object) -> bool:
        return key in self._state

    def __iter__(self) -> Iterator[str]:
        return iter(self._state)

    def __len__(self) -> int:
        return len(self._state)

    def __getattr__(self, key: str) -> Any:
        try:
            return self._state[key]
        except KeyError:
            raise AttributeError(f'st.session_state has no attribute "{key}". {_INIT_HELP}') from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self._state[key]
        except KeyError:
            raise AttributeError(f'st.session_state has no attribute "{key}". {_INIT_HELP}') from None

    def clear(self) -> None:
        self._state.clear()

    def to_dict(self) -> dict[str, Any]:
        return self._state.to_dict()

    def __repr__(self) -> str:
        return repr(self.to_dict())

    def _repr_html_(self) -> str:  # shown nicely in a notebook cell
        import html

        return f"<code>{html.escape(repr(self))}</code>"


session_state = StateView(lambda: _current_session().state)


_EMBED_KEYS = ("embed", "embed_options")


class QueryParams(MutableMapping[str, str]):
    """The page URL's query parameters, as str values (``st.query_params``).

    ``qp["a"]`` is the last value given for ``a``; ``qp.get_all("a")`` all of them.
    Assigning a list stores repeated values (``?a=1&a=2``).
    """

    __slots__ = ("_bound", "_resolve")

    def __init__(
        self,
        resolve: Callable[[], dict[str, list[str]]],
        bound: Callable[[], list[str]] = list,
    ) -> None:
        object.__setattr__(self, "_resolve", resolve)
        object.__setattr__(self, "_bound", bound)  # the keys widgets are bound to (bind=)

    @property
    def _params(self) -> dict[str, list[str]]:
        return self._resolve()

    def _refuse_bound(self, key: str, action: str) -> None:
        if str(key) in self._bound():
            raise StreamlitAPIException(
                f"Cannot directly {action} query parameter '{key}' - it is bound to a widget. "
                "Modify the widget value instead."
            )

    def __getitem__(self, key: str) -> str:
        values = self._params.get(key)
        if values is None:
            raise KeyError(f'st.query_params has no key "{key}".')
        return values[-1] if values else ""  # ?key with no value

    def __setitem__(self, key: str, value: str | Iterable[str]) -> None:
        if isinstance(value, Mapping):
            raise StreamlitAPIException(f"You cannot set a query params key `{key}` to a dictionary.")
        self._refuse_bound(key, "set")
        if str(key).lower() in _EMBED_KEYS:
            raise StreamlitAPIException(
                "Query param embed and embed_options (case-insensitive) cannot be set programmatically."
            )
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            self._params[str(key)] = [_as_str(value)]
        else:
            self._params[str(key)] = [_as_str(v) for v in value]

    def __delitem__(self, key: str) -> None:
        if key not in self._params:
            raise KeyError(f'st.query_params has no key "{key}".')
        self._refuse_bound(key, "delete")
        del self._params[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._params))

    def __len__(self) -> int:
        return len(self._params)

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def get_all(self, key: str) -> list[str]:
        """All values of ``key`` (an empty list when absent)."""
        return list(self._params.get(key, []))

    def clear(self) -> None:
        """Remove every query parameter."""
        bound = self._bound()
        if bound:
            names = ", ".join(f"'{key}'" for key in bound)
            raise StreamlitAPIException(
                f"Cannot clear query parameters - the following are bound to widgets: {names}. "
                "Modify the widget values instead, or remove the bind parameter."
            )
        self._params.clear()

    def to_dict(self) -> dict[str, str]:
        """The parameters as a dict, with the last value of repeated keys."""
        return {k: (v[-1] if v else "") for k, v in self._params.items()}

    def from_dict(self, params: Mapping[str, str | Iterable[str]]) -> None:
        """Replace all parameters with ``params`` (lists become repeated keys)."""
        for key in params:
            self._refuse_bound(key, "set")
        bound = set(self._bound())
        for key in [k for k in self._params if k not in bound]:
            del self._params[key]
        for key, value in params.items():
            self[key] = value

    def __repr__(self) -> str:
        return repr(self.to_dict())


def _as_str(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _session_params() -> dict[str, list[str]]:
    session = _current_session()
    # A value the browser changed since its bound parameter was written reads as the new one.
    session.bindings.refresh(session.state, session.query_params)
    return session.query_params


def _bound_keys() -> list[str]:
    session = _current_session()
    return session.bindings.bound_keys(session.state)


query_params = QueryParams(_session_params, _bound_keys)
