"""AppTest's element wrappers: the generic ``Element`` and ``Widget`` every kind builds on.

Wrapper classes exist only for kinds with actions (a button's ``click``, a slider's
``set_range``) or fields of their own; every action returns the element so
``at.button[0].click().run()`` chains.  A value set in a test reaches the app through the
widget's serde, exactly as a browser's value would.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from nbstream.runtime.tree import Node
from nbstream.runtime.widgets import WidgetMeta
from nbstream.testing.errors import AppTestError
from nbstream.testing.kinds import streamlit_type, unknown_name


class AppDriver(Protocol):
    """What an element needs of the ``AppTest`` that found it (the wrappers sit below AppTest
    and never import it)."""

    _pending_values: dict[str, Any]
    _pending_wire: dict[str, Any]
    _pending_clicks: list[str]
    _pending_files: dict[str, list[Any]]

    def run(self, *, timeout: float | None = None) -> Any: ...
    def run_fragment(self, fragment: str, *, timeout: float | None = None) -> Any: ...
    def _widget_meta(self, widget: Widget) -> WidgetMeta: ...
    def _serialize(self, widget: Widget, value: Any) -> Any: ...
    def _set_widget_value(self, widget: Widget, value: Any) -> None: ...
    def _click(self, widget: Widget) -> None: ...


# Streamlit's protobuf field names for props that nbstream names like the st.* arguments.
PROTO_FIELDS = {
    "min": "min_value",
    "max": "max_value",
    "allow_html": "unsafe_allow_html",
    "show_line_numbers": "line_numbers",
    "code_text": "body",
    "doc_string": "doc",
    "stack_trace": "traceback",
    "show_border": "border",
}
# Elements whose value is their ``body`` text.
TEXT_KINDS = {
    "markdown",
    "title",
    "header",
    "subheader",
    "caption",
    "code",
    "text",
    "success",
    "info",
    "warning",
    "error",
    "toast",
    "html",
}


class ProtoView(Mapping[str, Any]):
    """An element's props as Streamlit's AppTest exposes its protobuf message: by key
    (``proto["label"]``) and by field name (``proto.label``, ``proto.min`` for ``min_value``)."""

    __slots__ = ("_props",)

    def __init__(self, props: dict[str, Any]) -> None:
        self._props = props

    def __getitem__(self, key: str) -> Any:
        return self._props[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._props)

    def __len__(self) -> int:
        return len(self._props)

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("_"):
            for key in (name, PROTO_FIELDS.get(name)):
                if key is not None and key in self._props:
                    return self._props[key]
        raise AttributeError(f"The element's message has no field {name!r}")

    def __repr__(self) -> str:
        return f"ProtoView({self._props!r})"


class Element:
    """One element of the app as AppTest sees it.

    ``type`` is the node type Streamlit's AppTest reports (``vega_lite_chart`` for a line
    chart); ``kind`` is the st.* command that drew it.  The element's parameters read as
    attributes (``at.button[0].label``, ``at.slider[0].min``), as on Streamlit's elements;
    a name that is neither raises ``AttributeError``.  Iterating an element yields itself.
    """

    def __init__(self, node: Node, root: AppDriver) -> None:
        self._node = node
        self.root = root

    @property
    def type(self) -> str:
        return streamlit_type(self._node)

    @property
    def kind(self) -> str:
        """The nbstream element kind (the st.* command), e.g. ``"line_chart"``."""
        return self._node.kind

    @property
    def key(self) -> str | None:
        return self._node.key

    @property
    def id(self) -> str:
        return self._node.id

    @property
    def proto(self) -> ProtoView:
        """The element's message: its props as sent to the browser, by key or field name."""
        return ProtoView(self._node.props)

    @property
    def value(self) -> Any:
        kind, props = self._node.kind, self._node.props
        if kind in TEXT_KINDS:
            return props.get("body")
        if self._node.value is not None:
            return self._node.value
        return props.get("body")

    def __iter__(self) -> Iterator[Element]:
        yield self

    def _key_part(self) -> str:
        return f" (key={self.key!r})" if self.key else ""

    def _unsupported(self, method: str) -> Any:
        def interaction(*_args: Any, **_kwargs: Any) -> Any:
            raise AppTestError(
                f"{method}() is not supported for {self.type}{self._key_part()}. AppTest can inspect this "
                "element but does not implement interactions for it. Set its value through "
                "at.session_state if it has a key, or use a browser test."
            )

        return interaction

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in ("set_value", "click"):
            # As Streamlit's AppTest: present on every element, an error where it means nothing.
            return self._unsupported(name)
        props = self._node.props
        for key in (name, PROTO_FIELDS.get(name)):
            if key is not None and key in props:
                return props[key]
        raise unknown_name(type(self).__name__, name, [*dir(type(self)), *props, *PROTO_FIELDS], kinds=False)

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

    @property
    def form_id(self) -> str:
        """The ``key`` of the form the widget is in ("" outside forms)."""
        if not self.id:  # an element that takes no input here (a dataframe without on_select)
            return ""
        return self.root._widget_meta(self).form_id or ""

    def _assert_can_interact(self) -> None:
        """A test cannot do what a browser user cannot: change a disabled widget."""
        if self._node.props.get("disabled"):
            raise AppTestError(
                f"Cannot update a disabled {self.type} widget{self._key_part()}. "
                "A browser user cannot interact with a disabled widget."
            )

    def set_value(self, value: Any) -> Widget:
        """Set the widget's value as a user would; it reaches the app on the next ``run()``."""
        if not self.id:
            return self._unsupported("set_value")(value)  # type: ignore[no-any-return]
        self._assert_can_interact()
        self.root._set_widget_value(self, value)
        return self
