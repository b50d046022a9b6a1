"""Each widget kind's serde: Python value <-> wire, and the validator of browser input.

A value from the browser is untrusted: ``deserialize`` must reject anything the widget
could not have sent with ``InvalidWireValue`` (never crash, never return a wrong type).
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from nbstream.elements.widgets._options import IndexSerde, IndicesSerde
from nbstream.elements.widgets.buttons import TRIGGER
from nbstream.elements.widgets.numeric import NumberSerde
from nbstream.elements.widgets.sliders import OptionRangeSerde, SliderSerde
from nbstream.elements.widgets.textual import MAX_TEXT_CHARS, ColorSerde, TextSerde
from nbstream.elements.widgets.time import DateSerde, TimeSerde
from nbstream.elements.widgets.toggles import BOOL
from nbstream.runtime.widgets import InvalidWireValue

D = dt.date
T = dt.time
DT = dt.datetime


def round_trip(serde, value):
    return serde.deserialize(serde.serialize(value))


# ---- accepted values round-trip ------------------------------------------------------------


@pytest.mark.parametrize(
    ("serde", "value"),
    [
        (BOOL, True),
        (BOOL, False),
        (IndexSerde(["a", "b", "c"]), "b"),
        (IndexSerde(["a", "b"]), None),
        (IndicesSerde(["a", "b", "c"]), ["c", "a"]),
        (IndicesSerde(["a", "b"]), []),
        (SliderSerde("int", False, 0, 100, None), 42),
        (SliderSerde("float", False, 0.0, 1.0, None), 0.25),
        (SliderSerde("int", True, 0, 10, None), (2, 8)),
        (SliderSerde("date", False, D(2020, 1, 1), D(2021, 1, 1), None), D(2020, 6, 15)),
        (SliderSerde("time", False, T(0, 0), T(23, 59), None), T(8, 45)),
        (
            SliderSerde("datetime", True, DT(2020, 1, 1), DT(2020, 2, 1), None),
            (DT(2020, 1, 2, 3, 4), DT(2020, 1, 30)),
        ),
        (OptionRangeSerde(["Jan", "Feb", "Mar"], False), "Feb"),
        (OptionRangeSerde(["Jan", "Feb", "Mar"], True), ("Jan", "Mar")),
        (NumberSerde(True, 0, 10), 7),
        (NumberSerde(False, None, None), -3.5),
        (NumberSerde(True, None, None), None),
        (TextSerde(None), "hello"),
        (TextSerde(5), "12345"),
        (TextSerde(None), None),
        (ColorSerde(), "#A1b2C3"),
        (ColorSerde(), "#fff"),
        (DateSerde(False, D(2000, 1, 1), D(2030, 1, 1)), D(2024, 2, 29)),
        (DateSerde(False, D(2000, 1, 1), D(2030, 1, 1)), None),
        (DateSerde(True, D(2000, 1, 1), D(2030, 1, 1)), (D(2024, 1, 1), D(2024, 1, 5))),
        (DateSerde(True, D(2000, 1, 1), D(2030, 1, 1)), (D(2024, 1, 1),)),
        (DateSerde(True, D(2000, 1, 1), D(2030, 1, 1)), ()),
        (TimeSerde(), T(12, 30)),
        (TimeSerde(), T(12, 30, 15)),
        (TimeSerde(), None),
    ],
)
def test_values_round_trip(serde, value):
    assert round_trip(serde, value) == value


def test_round_trip_keeps_the_python_types():
    assert type(round_trip(SliderSerde("int", False, 0, 10, None), 3)) is int
    assert type(round_trip(SliderSerde("float", False, 0.0, 10.0, None), 3.0)) is float
    assert type(SliderSerde("float", False, 0.0, 10.0, None).deserialize(3)) is float
    assert type(NumberSerde(True, None, None).deserialize(3.0)) is int
    assert type(NumberSerde(False, None, None).deserialize(3)) is float
    assert (
        type(round_trip(SliderSerde("date", False, D(2020, 1, 1), D(2021, 1, 1), None), D(2020, 3, 1))) is D
    )


def test_option_serdes_return_the_option_objects():
    options = [object(), object()]
    assert IndexSerde(options).deserialize(1) is options[1]
    assert IndicesSerde(options).deserialize([1, 0]) == [options[1], options[0]]


def test_time_slider_keeps_the_timezone():
    tz = dt.timezone(dt.timedelta(hours=2))
    serde = SliderSerde("time", False, T(0, 0, tzinfo=tz), T(23, 0, tzinfo=tz), tz)
    assert round_trip(serde, T(9, 30, tzinfo=tz)) == T(9, 30, tzinfo=tz)


def test_float_slider_tolerates_rounding_at_the_ends():
    serde = SliderSerde("float", False, 0.1, 0.3, None)
    assert serde.deserialize(0.30000000000000004) == 0.3


# ---- malformed wire values are rejected ------------------------------------------------------


@pytest.mark.parametrize(
    ("serde", "wire"),
    [
        (BOOL, 1),
        (BOOL, "true"),
        (BOOL, None),
        (TRIGGER, True),
        (IndexSerde(["a", "b"]), 2),
        (IndexSerde(["a", "b"]), -1),
        (IndexSerde(["a", "b"]), True),
        (IndexSerde(["a", "b"]), 1.0),
        (IndexSerde(["a", "b"]), "1"),
        (IndexSerde([]), 0),
        (IndicesSerde(["a", "b"]), 1),
        (IndicesSerde(["a", "b"]), [0, 0]),
        (IndicesSerde(["a", "b"]), [0, 5]),
        (IndicesSerde(["a", "b"]), [False]),
        (IndicesSerde(["a", "b"]), "01"),
        (IndicesSerde(["a", "b", "c"], max_selections=1), [0, 1]),
        (SliderSerde("int", False, 0, 10, None), 11),
        (SliderSerde("int", False, 0, 10, None), -1),
        (SliderSerde("int", False, 0, 10, None), 2.5),
        (SliderSerde("int", False, 0, 10, None), True),
        (SliderSerde("int", False, 0, 10, None), "5"),
        (SliderSerde("int", False, 0, 10, None), None),
        (SliderSerde("float", False, 0.0, 1.0, None), math.nan),
        (SliderSerde("float", False, 0.0, 1.0, None), math.inf),
        (SliderSerde("int", True, 0, 10, None), 5),
        (SliderSerde("int", True, 0, 10, None), [1]),
        (SliderSerde("int", True, 0, 10, None), [1, 2, 3]),
        (SliderSerde("int", True, 0, 10, None), [8, 2]),
        (SliderSerde("int", True, 0, 10, None), (1, 2)),
        (SliderSerde("date", False, D(2020, 1, 1), D(2021, 1, 1), None), 1.5),
        (SliderSerde("date", False, D(2020, 1, 1), D(2021, 1, 1), None), "2020-05-01"),
        (OptionRangeSerde(["a", "b"], False), 2),
        (OptionRangeSerde(["a", "b"], False), [0, 1]),
        (OptionRangeSerde(["a", "b"], True), [1, 0]),
        (OptionRangeSerde(["a", "b"], True), 0),
        (NumberSerde(True, 0, 10), 11),
        (NumberSerde(True, 0, 10), -0.5),
        (NumberSerde(True, None, None), 1.5),
        (NumberSerde(True, None, None), 2**60),
        (NumberSerde(False, None, None), math.nan),
        (NumberSerde(False, None, None), -math.inf),
        (NumberSerde(False, None, None), "3"),
        (NumberSerde(False, None, None), True),
        (TextSerde(None), 5),
        (TextSerde(None), ["a"]),
        (TextSerde(3), "abcd"),
        (TextSerde(None), "x" * (MAX_TEXT_CHARS + 1)),
        (ColorSerde(), "red"),
        (ColorSerde(), "#12345"),
        (ColorSerde(), "#GGGGGG"),
        (ColorSerde(), None),
        (ColorSerde(), "#ffffff; background: url(x)"),
        (DateSerde(False, D(2000, 1, 1), D(2030, 1, 1)), "2031-01-01"),
        (DateSerde(False, D(2000, 1, 1), D(2030, 1, 1)), "2024-02-30"),
        (DateSerde(False, D(2000, 1, 1), D(2030, 1, 1)), "not a date"),
        (DateSerde(False, D(2000, 1, 1), D(2030, 1, 1)), 20240101),
        (DateSerde(False, D(2000, 1, 1), D(2030, 1, 1)), "2024-01-01T00:00:00"),
        (DateSerde(True, D(2000, 1, 1), D(2030, 1, 1)), ["2024-01-05", "2024-01-01"]),
        (DateSerde(True, D(2000, 1, 1), D(2030, 1, 1)), ["2024-01-01"] * 3),
        (DateSerde(True, D(2000, 1, 1), D(2030, 1, 1)), "2024-01-01"),
        (TimeSerde(), "25:00"),
        (TimeSerde(), "noon"),
        (TimeSerde(), 1230),
        (TimeSerde(), "12:30:00.000000+05:00"),
    ],
)
def test_malformed_wire_values_are_rejected(serde, wire):
    with pytest.raises(InvalidWireValue):
        serde.deserialize(wire)


def test_invalid_wire_value_is_a_value_error():
    assert issubclass(InvalidWireValue, ValueError)


def test_serialize_refuses_a_value_that_is_not_an_option():
    with pytest.raises(ValueError):
        IndexSerde(["a"]).serialize("b")
    with pytest.raises(ValueError):
        IndicesSerde(["a"]).serialize(["a", "z"])
