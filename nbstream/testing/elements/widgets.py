"""AppTest wrappers of the input widgets: buttons, choices, numbers and sliders, text, dates
and times (``nbstream/elements/widgets/``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from nbstream.testing.elements._base import Element, Widget


class Button(Widget):
    def click(self) -> Button:
        """Click the button: in the next run it returns True."""
        self._assert_can_interact()
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


class DownloadButton(Button):
    """st.download_button: a button, plus the file a click would save."""

    @property
    def file_name(self) -> str:
        return str(self._node.props["file_name"])

    @property
    def mime(self) -> str:
        return str(self._node.props["mime"])

    @property
    def data(self) -> bytes:
        """The file's bytes, as the browser would receive them (a callable is called)."""
        from nbstream.elements.widgets.download import file_bytes

        served = self._node.served
        return file_bytes(served() if callable(served) else served)


class Checkbox(Widget):
    def check(self) -> Checkbox:
        return self.set_value(True)  # type: ignore[return-value]

    def uncheck(self) -> Checkbox:
        return self.set_value(False)  # type: ignore[return-value]


class _Options(Widget):
    @property
    def options(self) -> list[str]:
        """The options as the browser shows them (``str(format_func(option))``)."""
        return list(self._node.props.get("options", []))

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """The ``format_func`` the app passed (``str`` by default)."""
        format_func: Callable[[Any], Any] = getattr(self.root._widget_meta(self).serde, "format_func", str)
        return format_func

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
        self._assert_can_interact()
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

    @property
    def values(self) -> list[str]:
        """The selected options as the browser shows them (a value the user typed, with
        ``accept_new_options``, as its text)."""
        options = self.options
        return [i if isinstance(i, str) else options[i] for i in self.indices]

    def select(self, value: Any) -> Multiselect:
        """Add an option to the selection."""
        current = list(self.value)
        if value not in current:
            current.append(value)
        return self.set_value(current)  # type: ignore[return-value]

    def unselect(self, value: Any) -> Multiselect:
        """Remove an option from the selection."""
        return self.set_value([v for v in self.value if v != value])  # type: ignore[return-value]


class ButtonGroup(_Options):
    """``st.pills`` and ``st.segmented_control`` (Streamlit's ``ButtonGroup``), in either mode."""

    @property
    def _multi(self) -> bool:
        return self._node.props.get("selection_mode") == "multi"

    @property
    def indices(self) -> list[int]:
        """The positions of the selected options (one or none in single mode)."""
        if self.id in self.root._pending_values:
            wire = self.root._serialize(self, self.value)
        else:
            wire = self._node.props.get("value")
        if wire is None:
            return []
        return list(wire) if isinstance(wire, list) else [wire]

    @property
    def formatted_values(self) -> list[str]:
        """The selected options as the browser shows them."""
        options = self.options
        return [options[i] for i in self.indices]

    def select(self, value: Any) -> ButtonGroup:
        """Select an option (multi mode: add it to the selection)."""
        if not self._multi:
            return self.set_value(value)  # type: ignore[return-value]
        current = list(self.value or [])
        if value not in current:
            current.append(value)
        return self.set_value(current)  # type: ignore[return-value]

    def unselect(self, value: Any) -> ButtonGroup:
        """Deselect an option (single mode: clear the selection if it is that option)."""
        if not self._multi:
            return self.set_value(None if self.value == value else self.value)  # type: ignore[return-value]
        return self.set_value([v for v in self.value or [] if v != value])  # type: ignore[return-value]


class Pagination(Widget):
    """``st.pagination``: ``select(page)`` goes to a page (1-based)."""

    def select(self, page: int) -> Pagination:
        return self.set_value(page)  # type: ignore[return-value]


class MenuButton(_Options):
    """``st.menu_button``: choosing an entry is an event; the next run gets it, the one after None."""

    def set_value(self, value: Any) -> MenuButton:
        self._assert_can_interact()
        if value is None:
            self.root._pending_wire.pop(self.id, None)
            self.root._pending_values.pop(self.id, None)
            return self
        meta = self.root._widget_meta(self)
        index = next((i for i, o in enumerate(meta.serde.options) if o == value), None)
        if index is None:
            raise ValueError(f"{value!r} is not one of the menu's options")
        return self.click_index(index)

    def click(self, value: Any) -> MenuButton:
        """Choose the entry ``value`` (an option, as the app passed it)."""
        return self.set_value(value)

    def click_index(self, index: int) -> MenuButton:
        """Choose the entry at ``index``."""
        self._assert_can_interact()
        option = self._option_at(index)
        self.root._pending_wire[self.id] = index
        self.root._pending_values[self.id] = option
        return self


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
    @property
    def options(self) -> list[str]:
        """Always empty for ``st.slider`` (``select_slider`` has options), as in Streamlit."""
        return list(self._node.props.get("options", []))


class SelectSlider(_Range, _Options):
    pass


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


class DateTimeInput(Widget):
    """``st.datetime_input``: ``set_value`` takes a datetime, a date, or an ISO string."""

    def set_value(self, value: Any) -> DateTimeInput:
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = dt.datetime.combine(value, dt.time(0, 0))
        super().set_value(value)
        return self


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


CLASSES: dict[str, type[Element]] = {
    "button": Button,
    "download_button": DownloadButton,
    "checkbox": Checkbox,
    "toggle": Toggle,
    "radio": Radio,
    "selectbox": Selectbox,
    "multiselect": Multiselect,
    "pills": ButtonGroup,
    "segmented_control": ButtonGroup,
    "slider": Slider,
    "select_slider": SelectSlider,
    "number_input": NumberInput,
    "text_input": TextInput,
    "text_area": TextArea,
    "color_picker": ColorPicker,
    "date_input": DateInput,
    "time_input": TimeInput,
    "datetime_input": DateTimeInput,
    "pagination": Pagination,
    "menu_button": MenuButton,
}
