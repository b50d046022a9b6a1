"""``nbstream.components.anywidget``: a component written the Jupyter way, as an
anywidget-style ES module (``export default { render({ model, el }) }``), drawn in the
app's page without an iframe.

The module's ``model`` holds the call's arguments (``model.get(name)``) and the
component's value (``model.get("value")``; ``model.set("value", v)`` then
``model.save_changes()`` sends it, which reruns the app).  Values follow the same rules
as ``declare_component``'s: ``default``, ``key``, ``on_change``, JSON validated in the
kernel.  The module runs in the page, as anywidget's do: use it for code you trust (your
app's own); use ``declare_component`` to sandbox third-party front ends.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from typing import Any

from nbstream.elements._base import add_widget
from nbstream.elements.components.values import COMPONENT, MarshallComponentException, marshall_args
from nbstream.runtime.errors import StreamlitAPIException

KIND = "anywidget_component"


def _source(value: str | os.PathLike[str] | None, what: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, os.PathLike):
        with open(value, encoding="utf-8") as handle:
            return handle.read()
    if not isinstance(value, str):
        raise StreamlitAPIException(f"`{what}` must be a string or a path, not {type(value).__name__}.")
    return value


class AnyWidgetComponent:
    """A component declared from an ES module; call it to place an instance."""

    def __init__(self, esm: str, css: str | None = None) -> None:
        self.esm = esm
        self.css = css
        self._digest = hashlib.blake2b(f"{esm}\0{css}".encode(), digest_size=8).hexdigest()

    def __repr__(self) -> str:
        return f"AnyWidgetComponent({self._digest})"

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | int | None = None,
        on_change: Callable[..., Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Place an instance; keyword arguments reach the module as ``model.get(name)``.
        Returns the value the module last saved, or ``default``."""
        if args:
            raise MarshallComponentException(f"Argument '{args[0]}' needs to be named.")
        json_args, dfs = marshall_args(kwargs)
        if dfs:
            raise MarshallComponentException(
                f"Argument '{dfs[0]['key']}' is a DataFrame: an ES-module component takes JSON and bytes."
            )
        try:
            COMPONENT.serialize(default)
        except ValueError as exc:
            raise MarshallComponentException(f"Could not convert component default to JSON: {exc}") from exc
        identity: dict[str, Any] = {"esm": self._digest}
        if key is None:
            identity.update(args=repr(json_args), default=repr(default))
        props = {"esm": self.esm, "css": self.css, "args": json_args}
        return add_widget(
            KIND, props, serde=COMPONENT, default=default, identity=identity, key=key, on_change=on_change
        )


def anywidget(esm: str | os.PathLike[str], css: str | os.PathLike[str] | None = None) -> AnyWidgetComponent:
    """Declare a component from an anywidget-style ES module, drawn without an iframe.

    Parameters
    ----------
    esm : str or path-like
        The module's source (or a path to a ``.js`` file).  Its default export has
        ``render({ model, el })`` (it may return a clean-up function), or is a function
        returning such an object, as in anywidget.
    css : str, path-like or None
        CSS added beside the component.

    Returns
    -------
    AnyWidgetComponent
        Call it with keyword arguments (``model.get(name)`` in the module) and optional
        ``default``, ``key`` and ``on_change``; it returns the component's value.
    """
    text = _source(esm, "esm")
    assert text is not None
    if "export default" not in text and "export {" not in text:
        raise StreamlitAPIException("The ES module of a component must have a default export.")
    return AnyWidgetComponent(text, _source(css, "css"))
