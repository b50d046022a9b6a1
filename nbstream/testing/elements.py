"""AppTest's view of the element tree: generic element and block wrappers.

``at.<kind>`` is generic: any kind the app draws can be listed.  Wrapper classes exist
only for kinds with actions (a button's ``click``, a slider's ``set_range``), and every
action returns the element so ``at.button[0].click().run()`` chains.  A value set in a
test reaches the app through the widget's serde, exactly as a browser's value would.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from nbstream.runtime.tree import Node

if TYPE_CHECKING:
    from nbstream.testing.apptest import AppTest

# Accessor names that differ from the element kind they list.
ACCESSOR_KINDS = {"columns": "column", "tabs": "tab"}
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

    def __init__(self, node: Node, root: AppTest) -> None:
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

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app (with any values set on widgets); returns the AppTest."""
        return self.root.run(timeout=timeout)

    def __eq__(self, other: object) -> bool:
        # Two lookups of the same element are equal (each lookup makes a new wrapper).
        return isinstance(other, Element) and other._node is self._node

    def __hash__(self) -> int:
        return id(self._node)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, value={self.value!r})"


class ExceptionElement(Element):
    @property
    def message(self) -> str:
        return self._node.props["message"]

    @property
    def stack_trace(self) -> list[str]:
        return list(self._node.props.get("traceback", []))

    @property
    def is_markdown(self) -> bool:
        return False


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


class Button(Widget):
    def click(self) -> Button:
        """Click the button: in the next run it returns True."""
        self.root._click(self)
        return self

    def set_value(self, value: Any) -> Button:
        if value:
            self.click()
        return self

    @property
    def value(self) -> bool:
        if self.id in self.root._pending_clicks:
            return True
        return bool(self._node.value)


class Checkbox(Widget):
    def check(self) -> Checkbox:
        return self.set_value(True)  # type: ignore[return-value]

    def uncheck(self) -> Checkbox:
        return self.set_value(False)  # type: ignore[return-value]


class _Options(Widget):
    @property
    def options(self) -> list[str]:
        return list(self._node.props.get("options", []))

    def _option_at(self, index: int) -> Any:
        meta = self.root._widget_meta(self)
        return meta.serde.deserialize(index)


class Selectbox(_Options):
    @property
    def index(self) -> int | None:
        if self.id not in self.root._pending_values:
            return self._node.props.get("value")  # the position the browser shows
        value = self.value
        if value is None:
            return None
        return self.root._serialize(self, value)

    @property
    def placeholder(self) -> str:
        return self._node.props.get("placeholder", "")

    def select(self, value: Any) -> Selectbox:
        return self.set_value(value)  # type: ignore[return-value]

    def select_index(self, index: int | None) -> Selectbox:
        """Select the option at ``index`` (None clears the selection)."""
        if index is None:
            return self.set_value(None)  # type: ignore[return-value]
        option = self._option_at(index)
        # The position itself travels, as from the browser: equal options stay apart.
        self.root._pending_wire[self.id] = index
        self.root._pending_values[self.id] = option
        return self


class Radio(Selectbox):
    pass


class Multiselect(_Options):
    @property
    def indices(self) -> list[int]:
        if self.id not in self.root._pending_values:
            return list(self._node.props.get("value") or [])  # the positions the browser shows
        return list(self.root._serialize(self, self.value))

    @property
    def placeholder(self) -> str:
        return self._node.props.get("placeholder", "")

    def select(self, value: Any) -> Multiselect:
        """Add an option to the selection."""
        current = list(self.value)
        if value not in current:
            current.append(value)
        return self.set_value(current)  # type: ignore[return-value]

    def unselect(self, value: Any) -> Multiselect:
        """Remove an option from the selection."""
        return self.set_value([v for v in self.value if v != value])  # type: ignore[return-value]


class NumberInput(Widget):
    def increment(self) -> NumberInput:
        """Add one ``step`` (not beyond ``max_value``)."""
        return self._step(+1)

    def decrement(self) -> NumberInput:
        """Subtract one ``step`` (not below ``min_value``)."""
        return self._step(-1)

    def _step(self, sign: int) -> NumberInput:
        props = self._node.props
        value = self.value
        step = props.get("step") or 1
        new = (value if value is not None else 0) + sign * step
        if props.get("max_value") is not None:
            new = min(new, props["max_value"])
        if props.get("min_value") is not None:
            new = max(new, props["min_value"])
        self.set_value(new)
        return self


class _Range(Widget):
    def set_range(self, lower: Any, upper: Any) -> _Range:
        """Set a range slider's two ends."""
        return self.set_value((lower, upper))  # type: ignore[return-value]


class Slider(_Range):
    pass


class SelectSlider(_Range):
    @property
    def options(self) -> list[str]:
        return list(self._node.props.get("options", []))


class TextInput(Widget):
    def input(self, value: str) -> TextInput:
        """Type ``value`` into the input (replacing its text)."""
        return self.set_value(value)  # type: ignore[return-value]

    @property
    def placeholder(self) -> str:
        return self._node.props.get("placeholder") or ""

    @property
    def max_chars(self) -> int | None:
        return self._node.props.get("max_chars")


class TextArea(TextInput):
    pass


class ColorPicker(Widget):
    def pick(self, color: str) -> ColorPicker:
        """Pick a color (``"#RRGGBB"``)."""
        return self.set_value(color)  # type: ignore[return-value]


class DateInput(Widget):
    @property
    def min(self) -> dt.date:
        return dt.date.fromisoformat(self._node.props["min_value"])

    @property
    def max(self) -> dt.date:
        return dt.date.fromisoformat(self._node.props["max_value"])


class TimeInput(Widget):
    def increment(self) -> TimeInput:
        """One ``step`` later (the default step is 15 minutes)."""
        return self._shift(+1)

    def decrement(self) -> TimeInput:
        """One ``step`` earlier."""
        return self._shift(-1)

    def _shift(self, sign: int) -> TimeInput:
        step = int(self._node.props.get("step", 900))
        value = self.value or dt.time(0, 0)
        moved = dt.datetime.combine(dt.date(2000, 1, 1), value) + sign * dt.timedelta(seconds=step)
        self.set_value(moved.time())
        return self


class Toggle(Checkbox):
    pass


WIDGET_CLASSES: dict[str, type[Element]] = {
    "button": Button,
    "checkbox": Checkbox,
    "toggle": Toggle,
    "radio": Radio,
    "selectbox": Selectbox,
    "multiselect": Multiselect,
    "slider": Slider,
    "select_slider": SelectSlider,
    "number_input": NumberInput,
    "text_input": TextInput,
    "text_area": TextArea,
    "color_picker": ColorPicker,
    "date_input": DateInput,
    "time_input": TimeInput,
    "exception": ExceptionElement,
}


def wrap(node: Node, root: AppTest) -> Element:
    if node.is_block:
        return Block(node, root)
    cls = WIDGET_CLASSES.get(node.kind)
    if cls is None:
        cls = Widget if node.id else Element
    return cls(node, root)


E = TypeVar("E", bound=Element)


class ElementList(Sequence[E]):
    """The elements of one kind, in display order; ``at.button("key")`` finds one by key."""

    def __init__(self, items: list[E]) -> None:
        self._items = items

    def __getitem__(self, index: int) -> E:  # type: ignore[override]
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[E]:
        return iter(self._items)

    def __call__(self, key: str | None = None, **kwargs: Any) -> E:
        key = kwargs.get("key", key)
        for item in self._items:
            if item.key == key:
                return item
        raise KeyError(f"No element with key {key!r}")

    @property
    def values(self) -> list[Any]:
        return [e.value for e in self._items]

    def __repr__(self) -> str:
        return f"ElementList({self._items!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._items == other._items
        return list(self._items) == other


class Container(abc.ABC):
    """What ``at`` and every block share: element lists by kind, within a subtree."""

    root: AppTest

    @abc.abstractmethod
    def _scope(self) -> Node:
        """The node whose subtree this container lists."""

    def get(self, kind: str) -> ElementList[Element]:
        """Every element of ``kind`` in this container, in display order."""
        kind = ACCESSOR_KINDS.get(kind, kind)
        scope = self._scope()
        nodes = [n for n in scope.walk() if n.kind == kind and n is not scope]
        return ElementList([wrap(n, self.root) for n in nodes])

    def __getattr__(self, name: str) -> ElementList[Element]:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.get(name)

    @property
    def children(self) -> dict[int, Element]:
        """The direct children by position, as Streamlit's AppTest has them."""
        return {i: wrap(n, self.root) for i, n in enumerate(self._scope().children or [])}

    def __iter__(self) -> Iterator[Element]:
        """This container and everything in it, in display order."""
        return (wrap(n, self.root) for n in self._scope().walk())

    def get_by_key(self, key: str) -> Element:
        """The element with this key anywhere in the container; KeyError if there is none."""
        for node in self._scope().walk():
            if node.key == key:
                return wrap(node, self.root)
        raise KeyError(key)


class Block(Container, Element):
    """A container element (column, tab, expander, sidebar, ...) with ``at``'s accessors."""

    def __init__(self, node: Node, root: AppTest) -> None:
        Element.__init__(self, node, root)

    def _scope(self) -> Node:
        return self._node

    def __len__(self) -> int:
        return len(self._node.children or [])

    def __getitem__(self, index: int) -> Element:
        return self.children[index]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._node.props:
            return self._node.props[name]
        return self.get(name)

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app; for a fragment block, rerun only that fragment."""
        if self.type == "fragment":
            return self.root.run_fragment(self._node.props["fragment_id"], timeout=timeout)
        return self.root.run(timeout=timeout)

    @property
    def weight(self) -> float | None:
        return self._node.props.get("weight")

    @property
    def label(self) -> str | None:
        return self._node.props.get("label")

    @property
    def value(self) -> Any:
        return None

    def __repr__(self) -> str:
        return f"Block({self.type!r}, {len(self._node.children or [])} children)"


# The data elements' wrappers live in their own module (they import this one).
from nbstream.testing.data_elements import DATA_CLASSES  # noqa: E402

WIDGET_CLASSES.update(DATA_CLASSES)
