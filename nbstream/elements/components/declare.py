"""``components.declare_component``: a component whose front end speaks Streamlit's
component protocol from an iframe (``path=`` a build folder, or ``url=`` a dev server).

Calling the declared component places a ``component_instance`` widget: its value is the
``default`` until the frame sends one with ``Streamlit.setComponentValue``, which reruns
the app like any widget change.  Values live in session state under the key and follow
the widget rules (identity, clean-up, callbacks).
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from typing import Any

from nbstream.elements._base import add_widget
from nbstream.elements.components import registry
from nbstream.elements.components.frames import check_tab_index
from nbstream.elements.components.values import COMPONENT, MarshallComponentException, marshall_args
from nbstream.elements.delta_generator import DeltaGenerator
from nbstream.runtime.errors import StreamlitAPIException

KIND = "component_instance"


class CustomComponent:
    """A declared component; call it to place an instance and get its value."""

    def __init__(
        self, name: str, path: str | None = None, url: str | None = None, module_name: str | None = None
    ):
        if (path is None) == (url is None):
            raise StreamlitAPIException("Either 'path' or 'url' must be set, but not both.")
        self.name = name
        self.path = None if path is None else os.path.abspath(os.fspath(path))
        self.url = url
        self.module_name = module_name
        self._cid: str | None = None

    def __repr__(self) -> str:
        where = f"path={self.path!r}" if self.path is not None else f"url={self.url!r}"
        return f"CustomComponent(name={self.name!r}, {where})"

    def _source(self) -> dict[str, Any]:
        if self.url is not None:
            return {"url": self.url}
        if self._cid is None:
            assert self.path is not None
            self._cid = registry.register(self.name, self.path)
        return {"cid": self._cid}

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | int | None = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Place an instance of the component; return its current value.

        Keyword arguments go to the front end (JSON values, bytes, DataFrames).  ``default``
        is the value until the front end sends one; ``key`` identifies the instance (its
        value is ``st.session_state[key]``; without a key, changing an argument makes a new
        instance); ``on_change`` is called when the front end sends a new value.
        """
        return self.create_instance(
            *args, default=default, key=key, on_change=on_change, tab_index=tab_index, **kwargs
        )

    def create_instance(
        self,
        *args: Any,
        default: Any = None,
        key: str | int | None = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        _dg: DeltaGenerator | None = None,
        **kwargs: Any,
    ) -> Any:
        """What calling the component does (Streamlit's name for it, which some packages use)."""
        if args:
            raise MarshallComponentException(f"Argument '{args[0]}' needs to be named.")
        json_args, dfs = marshall_args(kwargs)
        try:
            COMPONENT.serialize(default)
        except ValueError as exc:
            raise MarshallComponentException(f"Could not convert component default to JSON: {exc}") from exc
        tab = check_tab_index(tab_index)
        props: dict[str, Any] = {
            "name": self.name,
            "source": self._source(),
            "args": json_args,
            "dfs": dfs,
            "tab_index": tab,
            "disabled": False,
        }
        # Without a key the arguments are the instance's identity (Streamlit: "if the
        # component's arguments are changed, the component will be re-mounted").
        identity: dict[str, Any] = {"name": self.name, "source": repr(props["source"])}
        if key is None:
            identity.update(args=repr(json_args), dfs=repr([d["data"] for d in dfs]), default=repr(default))
        if _dg is not None:
            with _dg:
                return self._add(props, identity, default, key, on_change)
        return self._add(props, identity, default, key, on_change)

    def _add(
        self,
        props: dict[str, Any],
        identity: dict[str, Any],
        default: Any,
        key: str | int | None,
        on_change: Callable[..., Any] | None,
    ) -> Any:
        return add_widget(
            KIND,
            props,
            serde=COMPONENT,
            default=default,
            identity=identity,
            key=key,
            on_change=on_change,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CustomComponent) and (self.name, self.path, self.url) == (
            other.name,
            other.path,
            other.url,
        )

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.url))


def declare_component(
    name: str, path: str | os.PathLike[str] | None = None, url: str | None = None
) -> CustomComponent:
    """Declare a custom component and return the function that places it.

    Parameters
    ----------
    name : str
        The component's name, unique within its module.  The component is registered as
        ``"<calling module>.<name>"``, as in Streamlit.
    path : str, path-like or None
        The component's build folder (with ``index.html``); nbstream's Jupyter server
        extension serves it under the server's base URL.
    url : str or None
        The URL of a dev server that serves the component's front end.

    Exactly one of ``path`` and ``url`` must be given.

    Returns
    -------
    CustomComponent
        Call it with keyword arguments (sent to the front end) and optional ``default``,
        ``key``, ``on_change`` and ``tab_index``; it returns the component's value.
    """
    frame = inspect.currentframe()
    caller = frame.f_back if frame is not None else None
    module = caller.f_globals.get("__name__", "__main__") if caller is not None else "__main__"
    full_name = name if module == "__main__" else f"{module}.{name}"
    return CustomComponent(
        full_name, path=None if path is None else os.fspath(path), url=url, module_name=module
    )
