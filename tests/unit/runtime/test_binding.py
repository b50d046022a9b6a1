"""runtime/binding.py: the text form of bound values, and the checks of bind/persist_state."""

from __future__ import annotations

import datetime as dt

import pytest

from nbstream.runtime.binding import check_bind, check_persist, from_url, to_url
from nbstream.runtime.errors import StreamlitMissingRequiredParameterError, StreamlitValueError
from nbstream.runtime.widgets import InvalidWireValue, WidgetMeta


@pytest.mark.parametrize(
    ("value", "texts"),
    [
        (True, ["true"]),
        (False, ["false"]),
        (7, ["7"]),
        (0.25, ["0.25"]),
        (dt.date(2025, 3, 4), ["2025-03-04"]),
        (dt.time(11, 30), ["11:30"]),
        (dt.time(11, 30, 5), ["11:30:05"]),
        (dt.datetime(2024, 5, 6, 7, 8), ["2024-05-06T07:08"]),
        (["a", "c d"], ["a", "c d"]),
        ((1, 9), ["1", "9"]),
        (None, []),
        ("#ff0000", ["#ff0000"]),
    ],
)
def test_values_take_streamlits_text_form(value, texts):
    assert to_url(value) == texts


class IntRange:
    """A serde holding whole numbers from 0 to 10 (a slider's)."""

    def serialize(self, value):
        return value

    def deserialize(self, wire):
        if isinstance(wire, bool) or not isinstance(wire, int) or not 0 <= wire <= 10:
            raise InvalidWireValue(repr(wire))
        return wire


def meta(serde) -> WidgetMeta:
    return WidgetMeta(id="w", kind="slider", key="k", serde=serde, default=0)


def test_a_text_becomes_a_value_only_when_the_serde_takes_it_unchanged():
    assert from_url(["7"], meta(IntRange()), 0) == (True, 7)
    assert from_url(["11"], meta(IntRange()), 0) == (False, None)
    assert from_url(["true"], meta(IntRange()), 0) == (False, None)  # no bool for a number
    assert from_url(["x"], meta(IntRange()), 0) == (False, None)
    assert from_url([], meta(IntRange()), 0) == (False, None)
    assert from_url(["3", "5"], meta(IntRange()), 0) == (True, 5)  # the last of repeated values


def test_bind_and_persist_state_are_checked():
    check_bind(None, None)
    check_bind("query-params", "k")
    check_persist(None, None)
    check_persist("session", "k")
    with pytest.raises(StreamlitValueError, match="Invalid `bind` value"):
        check_bind("url", "k")
    with pytest.raises(StreamlitMissingRequiredParameterError, match="bind='query-params'"):
        check_bind("query-params", None)
    with pytest.raises(StreamlitValueError, match="Invalid `persist_state` value"):
        check_persist("forever", "k")
    with pytest.raises(StreamlitMissingRequiredParameterError, match="When using persist_state"):
        check_persist("page", None)
