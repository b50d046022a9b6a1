"""The serdes of a selectbox/multiselect with accept_new_options: what the browser may
send (an option index, or text it typed) and what the script gets; bad input is refused."""

from __future__ import annotations

import pytest

from nbstream.elements.widgets._select_args import (
    MAX_NEW_OPTION,
    NewOptionSerde,
    NewOptionsSerde,
    check_icon,
    check_wrap,
)
from nbstream.runtime.errors import StreamlitAPIException, StreamlitInvalidParameterTypeError
from nbstream.runtime.widgets import InvalidWireValue

OPTIONS = [10, 20, 30]
LABELS = ["Ten", "Twenty", "Thirty"]


def test_selectbox_wire_is_an_index_or_typed_text():
    serde = NewOptionSerde(OPTIONS, str, LABELS)
    assert serde.deserialize(1) == 20
    assert serde.deserialize(None) is None
    assert serde.deserialize("Forty") == "Forty"
    # Text naming an option's label in another case is that option.
    assert serde.deserialize("twenty") == 20
    assert serde.serialize(30) == 2
    assert serde.serialize("Forty") == "Forty"


@pytest.mark.parametrize("wire", ["", "   ", "x" * (MAX_NEW_OPTION + 1), 7, True, 1.5, ["a"]])
def test_selectbox_refuses_bad_wire_values(wire):
    with pytest.raises(InvalidWireValue):
        NewOptionSerde(OPTIONS, str, LABELS).deserialize(wire)


def test_multiselect_wire_mixes_indices_and_text():
    serde = NewOptionsSerde(OPTIONS, None, str, LABELS)
    assert serde.deserialize([2, "Forty", "TEN"]) == [30, "Forty", 10]
    assert serde.serialize([30, "Forty"]) == [2, "Forty"]


@pytest.mark.parametrize(
    "wire",
    [
        "Forty",  # not a list
        [0, 0],
        [0, "ten"],  # the same option twice, once typed
        ["pink", "PINK"],  # the same new option twice
        [9],
        [""],
        [False],
    ],
)
def test_multiselect_refuses_bad_wire_values(wire):
    with pytest.raises(InvalidWireValue):
        NewOptionsSerde(OPTIONS, None, str, LABELS).deserialize(wire)


def test_multiselect_keeps_max_selections_for_typed_values():
    with pytest.raises(InvalidWireValue):
        NewOptionsSerde(OPTIONS, 1, str, LABELS).deserialize([0, "pink"])


def test_icons_and_wrap():
    assert check_icon("🚨") == "🚨"
    assert check_icon("👩‍💻") == "👩‍💻"
    assert check_icon(":material/thumb_up:") == ":material/thumb_up:"
    assert check_icon("spinner") == "spinner"
    for bad in ("ab", "🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥", ":material/"):
        with pytest.raises(StreamlitAPIException):
            check_icon(bad)
    assert check_wrap(None) is None
    assert check_wrap(1) is True
    with pytest.raises(StreamlitInvalidParameterTypeError):
        check_wrap("yes")
