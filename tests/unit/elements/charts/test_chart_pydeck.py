"""st.pydeck_chart: deck JSON, defaults, errors, and selections."""

from __future__ import annotations

import json

import pytest

from nbstream.elements.charts.pydeck import PydeckSelectionSerde
from nbstream.runtime.widgets import InvalidWireValue
from tests.unit.elements.charts.chart_helpers import run_app

# A stand-in for pydeck.Deck: what st.pydeck_chart reads of it.
DECK = """
import json
class Deck:
    _tooltip = {"text": "{name}"}
    def to_json(self):
        return json.dumps({
            "initialViewState": {"latitude": 0, "longitude": 0, "zoom": 3},
            "layers": [{"@@type": "ScatterplotLayer", "id": "pts", "data": [{"lon": 0, "lat": 0, "name": "a"}],
                        "getPosition": "@@=[lon, lat]", "pickable": True}],
            "mapStyle": "https://basemaps.cartocdn.com/gl/dark-matter-gl-style/style.json",
        })
"""


def test_none_draws_an_empty_world_with_streamlits_defaults(chart):
    c = chart("st.pydeck_chart()")
    assert c.type == "deck_gl_json_chart"  # as Streamlit's AppTest names it
    assert c.spec == {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
    p = c.proto
    assert (p["width"], p["height"], p["tooltip"], p["alt"], p["selection_mode"]) == (
        "stretch",
        500,
        None,
        None,
        None,
    )


def test_a_deck_travels_as_its_json_with_its_tooltip():
    at = run_app(
        DECK
        + "r = st.pydeck_chart(Deck(), height=300, width=400, alt='Points')\nst.session_state.r = type(r).__name__"
    )
    (c,) = at.get("deck_gl_json_chart")  # Streamlit's AppTest name for it
    assert c.spec["layers"][0]["id"] == "pts"
    assert c.proto["tooltip"] == {"text": "{name}"}
    assert (c.proto["height"], c.proto["width"], c.proto["alt"]) == (300, 400, "Points")
    assert at.session_state.r == "DeltaGenerator"
    assert at.get("pydeck_chart")[0].spec == c.spec


def test_a_real_pydeck_deck():
    pytest.importorskip("pydeck")
    at = run_app(
        """
        import pydeck as pdk
        layer = pdk.Layer("ScatterplotLayer", data=[{"lon": 1, "lat": 2}], get_position="[lon, lat]", id="dots")
        st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=2, longitude=1), tooltip=True))
        """
    )
    c = at.get("pydeck_chart")[0]
    assert c.spec["layers"][0]["@@type"] == "ScatterplotLayer"
    assert c.proto["tooltip"] is True


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.pydeck_chart(None, height='content')",
            "Invalid height value: 'content'. Height must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            "st.pydeck_chart(None, width='content')",
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            "st.pydeck_chart(None, on_select='x')",
            "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        (
            "st.pydeck_chart(None, on_select='rerun', selection_mode='x')",
            "Invalid `selection_mode` value. Supported values: 'multi-object', 'single-object'.",
        ),
        (
            "st.pydeck_chart(None, on_select='rerun', selection_mode=['single-object'])",
            "Selection mode must be a single value.",
        ),
        ("st.pydeck_chart({'layers': []})", "st.pydeck_chart expects a pydeck.Deck (or None), not dict."),
    ],
)
def test_errors(error, call, message):
    assert message in error(call)


def test_selection_mode_is_only_checked_with_on_select(chart):
    assert chart("st.pydeck_chart(None, selection_mode='x')").proto["selection_mode"] is None


def test_on_select_returns_the_state_and_a_selection_reruns_with_it():
    at = run_app(
        DECK
        + """
event = st.pydeck_chart(Deck(), on_select="rerun", selection_mode="multi-object", key="map")
st.session_state.picked = event.selection.objects.get("pts", [])
"""
    )
    chart = at.get("pydeck_chart")[0]
    assert chart.selection == {"selection": {"indices": {}, "objects": {}}}
    assert chart.proto["selection_mode"] == "multi-object"
    chart.set_selection(
        {"indices": {"pts": [0]}, "objects": {"pts": [{"lon": 0, "lat": 0, "name": "a"}]}}
    ).run()
    assert at.session_state.picked == [{"lon": 0, "lat": 0, "name": "a"}]
    assert at.session_state.map.selection.indices == {"pts": [0]}


@pytest.mark.parametrize(
    "wire",
    [
        None,
        {"indices": {}},
        {"indices": {"a": [0]}, "objects": {}},
        {"indices": {"a": [-1]}, "objects": {"a": [{}]}},
        {"indices": {"a": [0, 1]}, "objects": {"a": [{}]}},
        {"indices": {"a": [0]}, "objects": {"a": ["x"]}},
        {"indices": {"a": [0], "b": [0]}, "objects": {"a": [{}], "b": [{}]}},  # two in single mode
    ],
)
def test_bad_selections_from_the_browser_are_refused(wire):
    with pytest.raises(InvalidWireValue):
        PydeckSelectionSerde("single-object").deserialize(wire)


def test_multi_object_takes_several():
    state = PydeckSelectionSerde("multi-object").deserialize(
        {"indices": {"a": [0, 2]}, "objects": {"a": [{"n": 1}, {"n": 3}]}}
    )
    assert json.loads(json.dumps(state)) == {
        "selection": {"indices": {"a": [0, 2]}, "objects": {"a": [{"n": 1}, {"n": 3}]}}
    }
