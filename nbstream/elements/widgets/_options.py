"""Option lists shared by selectbox, radio, multiselect and select_slider.

Options may be any iterable (list, tuple, set, range, dict keys, an Enum class, a
pandas Series or the first column of a DataFrame, a NumPy array).  The browser sees
``str(format_func(option))``; the widget returns the option objects themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import Enum, EnumMeta
from typing import Any

from nbstream import config
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue


def as_options(options: Any) -> list[Any]:
    """Any supported options container as a plain list."""
    if options is None:
        return []
    if type(options) is list or type(options) is tuple:  # the usual case, before the slower checks
        return list(options)
    module = type(options).__module__
    if module.startswith("pandas"):
        import pandas as pd

        if isinstance(options, pd.DataFrame):
            return [] if options.shape[1] == 0 else options.iloc[:, 0].tolist()
        if isinstance(options, (pd.Series, pd.Index)):
            return options.tolist()
    if module.startswith("numpy"):
        return list(options.tolist()) if getattr(options, "ndim", 1) else [options.item()]
    if isinstance(options, dict):
        return list(options.keys())
    if isinstance(options, (str, bytes)):
        raise StreamlitAPIException(
            "Options must be a list or other iterable of values, not a single string."
        )
    if isinstance(options, (EnumMeta, Iterable)):
        return list(options)
    raise StreamlitAPIException(f"Options of type {type(options).__name__} are not iterable.")


def check_format_func(format_func: Any) -> Callable[[Any], Any]:
    if not callable(format_func):
        raise StreamlitAPIException(f"format_func must be callable, not {type(format_func).__name__}.")
    return format_func


def formatted(options: Sequence[Any], format_func: Callable[[Any], Any]) -> list[str]:
    return [str(format_func(o)) for o in options]


def index_of(options: Sequence[Any], value: Any) -> int:
    """The position of ``value`` among ``options`` (by equality, like ``list.index``)."""
    for i, option in enumerate(options):
        if option is value:
            return i
    for i, option in enumerate(options):
        try:
            if bool(option == value):
                return i
        except (ValueError, TypeError):
            continue
    # A member of another run's (or a test's) copy of the options' Enum class.
    coerce = enum_coercer(options) if isinstance(value, Enum) else None
    if coerce is not None and coerce(value) is not value:
        return index_of(options, coerce(value))
    raise ValueError(f"{value!r} is not one of the options")


def wire_index(wire: Any, size: int) -> int:
    """Validate an option index that came from the browser."""
    if isinstance(wire, bool) or not isinstance(wire, int) or not 0 <= wire < size:
        raise InvalidWireValue(f"option index {wire!r} out of range 0..{size - 1}")
    return wire


class IndexSerde:
    """One option (or None) travels as its index in the option list."""

    def __init__(self, options: Sequence[Any], format_func: Callable[[Any], Any] = str) -> None:
        self.options = options
        self.format_func = format_func  # read by AppTest (``at.selectbox[0].format_func``)

    def serialize(self, value: Any) -> int | None:
        return None if value is None else index_of(self.options, value)

    def deserialize(self, wire: Any) -> Any:
        return None if wire is None else self.options[wire_index(wire, len(self.options))]


class IndicesSerde:
    """Several options travel as a list of distinct indices."""

    def __init__(
        self,
        options: Sequence[Any],
        max_selections: int | None = None,
        format_func: Callable[[Any], Any] = str,
    ) -> None:
        self.options = options
        self.max_selections = max_selections
        self.format_func = format_func  # read by AppTest

    def serialize(self, value: Any) -> list[int]:
        return [index_of(self.options, v) for v in value]

    def deserialize(self, wire: Any) -> list[Any]:
        if not isinstance(wire, list):
            raise InvalidWireValue("expected a list of option indices")
        indices = [wire_index(i, len(self.options)) for i in wire]
        if len(set(indices)) != len(indices):
            raise InvalidWireValue("an option was selected twice")
        if self.max_selections is not None and len(indices) > self.max_selections:
            raise InvalidWireValue("more options than max_selections")
        return [self.options[i] for i in indices]


def enum_coercer(options: Sequence[Any]) -> Callable[[Any], Any] | None:
    """Map values from an earlier run's Enum class onto this run's class (``runner.enumCoercion``).

    A script that defines ``class Color(Enum)`` defines a new class on every run; without
    coercion the members a widget returns (made in the run before) would never equal this
    run's members.
    """
    if not options:
        return None
    classes = {type(o) for o in options}
    if len(classes) != 1:
        return None
    cls = classes.pop()
    if not issubclass(cls, Enum):
        return None
    # Read after the cheap checks: most option lists hold no Enum, and reading config takes a lock.
    mode = config.get_option("runner.enumCoercion")
    if mode == "off":
        return None

    def same_shape(old: type[Enum]) -> bool:
        if old.__qualname__ != cls.__qualname__:
            return False
        if mode == "nameAndValue":
            return {n: m.value for n, m in old.__members__.items()} == {
                n: m.value for n, m in cls.__members__.items()
            }
        return set(old.__members__) == set(cls.__members__)

    def one(value: Any) -> Any:
        if isinstance(value, Enum) and type(value) is not cls and same_shape(type(value)):
            return cls[value.name]
        return value

    def coerce(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return type(value)(one(v) for v in value)
        return one(value)

    return coerce
