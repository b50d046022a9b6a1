"""AppTest's element wrappers: the generic ``Element`` and ``Widget`` every kind builds on.

Wrapper classes exist only for kinds with actions (a button's ``click``, a slider's
``set_range``) or fields of their own; every action returns the element so
``at.button[0].click().run()`` chains.  A value set in a test reaches the app through the
widget's serde, exactly as a browser's value would.
"""

from __future__ import annotations

from typing import Any, Protocol

from nbstream.runtime.tree import Node
from nbstream.runtime.widgets import WidgetMeta


class AppDriver(Protocol):
    """What an element needs of the ``AppTest`` that found it (the wrappers sit below AppTest
    and never import it)."""

    _pending_values: dict[str, Any]
    _pending_wire: dict[str, Any]
    _pending_clicks: list[str]

    def run(self, *, timeout: float | None = None) -> Any: ...
    def run_fragment(self, fragment: str, *, timeout: float | None = None) -> Any: ...
    def _widget_meta(self, widget: Widget) -> WidgetMeta: ...
    def _serialize(self, widget: Widget, value: Any) -> Any: ...
    def _set_widget_value(self, widget: Widget, value: Any) -> None: ...
    def _click(self, widget: Widget) -> None: ...


# Streamlit's AppTest attribute names for props that nbstream names like the st.* arguments.
PROP_ALIASES = {
    "min": "min_value",
    "max": "max_value",
    "allow_html": "unsafe_allow_html",
    "show_line_numbers": "line_numbers",
}
TEXT_KINDS = {
    "markdown",
    "title",
    "header",
    "subheader",
    "caption",
    "code",
    "text",
    "latex",
    "success",
    "info",
    "warning",
    "error",
    "toast",
}


class Element:
    """One element of the app as AppTest sees it: its kind, props and value."""

    def __init__(self, node: Node, root: AppDriver) -> None:
        self._node = node
        self.root = root

    @property
    def type(self) -> str:
        return self._node.kind

    @property
    def key(self) -> str | None:
        return self._node.key

    @property
    def id(self) -> str:
        return self._node.id

    @property
    def proto(self) -> dict[str, Any]:
        """The element's props as sent to the browser."""
        return self._node.props

    @property
    def value(self) -> Any:
        kind, props = self._node.kind, self._node.props
        if kind in TEXT_KINDS:
            return props.get("body")
        if kind == "divider":
            return "---"
        if kind == "exception":
            return f"{props['type']}: {props['message']}" if props.get("type") else props["message"]
        if self._node.value is not None:
            return self._node.value
        return props.get("body")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        props = self._node.props
        name = name if name in props else PROP_ALIASES.get(name, name)
        if name in props:
            return props[name]
        raise AttributeError(f"{type(self).__name__} ({self.type}) has no attribute {name!r}")

    def run(self, *, timeout: float | None = None) -> Any:
        """Run the app (with any values set on widgets); returns the AppTest."""
        return self.root.run(timeout=timeout)

    def __eq__(self, other: object) -> bool:
        # Two lookups of the same element are equal (each lookup makes a new wrapper).
        return isinstance(other, Element) and other._node is self._node

    def __hash__(self) -> int:
        return id(self._node)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, value={self.value!r})"


class Widget(Element):
    """An input widget: ``.value`` is what the app got; ``set_value`` changes it for the next run."""

    @property
    def value(self) -> Any:
        pending = self.root._pending_values
        if self.id in pending:
            return pending[self.id]
        return self._node.value

    @property
    def label(self) -> str:
        return self._node.props.get("label", "")

    @property
    def help(self) -> str | None:
        return self._node.props.get("help")

    @property
    def disabled(self) -> bool:
        return bool(self._node.props.get("disabled"))

    def set_value(self, value: Any) -> Widget:
        """Set the widget's value as a user would; it reaches the app on the next ``run()``."""
        self.root._set_widget_value(self, value)
        return self
