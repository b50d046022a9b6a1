"""st.pydeck_chart base maps: which map styles reach the front end (none by default)."""

from __future__ import annotations

import pytest

from nbstream.elements.charts.pydeck_basemap import base_map
from tests.unit.elements.charts.chart_helpers import run_app

pdk = pytest.importorskip("pydeck")

CARTO = "https://basemaps.cartocdn.com/gl/"


@pytest.fixture(autouse=True)
def _no_mapbox_env(monkeypatch):
    monkeypatch.delenv("MAPBOX_API_KEY", raising=False)


def test_pydecks_default_style_draws_no_base_map():
    assert base_map(pdk.Deck()) is None
    assert base_map(pdk.Deck(map_provider=None)) is None
    assert base_map(pdk.Deck(map_provider="mapbox")) is None


def test_a_style_url_is_drawn():
    url = "http://127.0.0.1:8000/style.json"
    assert base_map(pdk.Deck(map_style=url)) == {"style": url, "mapbox_key": None}
    assert base_map(pdk.Deck(map_style=url, map_provider=None)) == {"style": url, "mapbox_key": None}


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("light", CARTO + "positron-gl-style/style.json"),
        ("road", CARTO + "voyager-gl-style/style.json"),
        ("light_no_labels", CARTO + "positron-nolabels-gl-style/style.json"),
        ("dark_no_labels", CARTO + "dark-matter-nolabels-gl-style/style.json"),
    ],
)
def test_carto_names_become_cartos_style_urls(name, url):
    assert base_map(pdk.Deck(map_style=name)) == {"style": url, "mapbox_key": None}
    assert base_map(pdk.Deck(map_style=name, map_provider="maplibre")) == {"style": url, "mapbox_key": None}


def test_mapbox_styles_need_a_key(monkeypatch):
    style = "mapbox://styles/mapbox/light-v9"
    assert base_map(pdk.Deck(map_style=style, map_provider="mapbox")) is None
    keyed = pdk.Deck(map_style=style, map_provider="mapbox", api_keys={"mapbox": "pk.abc"})
    assert base_map(keyed) == {"style": style, "mapbox_key": "pk.abc"}
    monkeypatch.setenv("MAPBOX_API_KEY", "pk.env")
    assert base_map(pdk.Deck(map_style="light", map_provider="mapbox")) == {
        "style": style,
        "mapbox_key": "pk.env",
    }


def test_a_style_dict_is_drawn_and_google_maps_is_not():
    style = {"version": 8, "sources": {}, "layers": [{"id": "bg", "type": "background"}]}
    assert base_map(pdk.Deck(map_style=style, map_provider="mapbox")) == {"style": style, "mapbox_key": None}
    assert base_map(pdk.Deck(map_style="road", map_provider="google_maps")) is None


def test_the_chart_sends_the_style_to_the_front_end():
    at = run_app(
        """
        import pydeck as pdk
        st.pydeck_chart(pdk.Deck(map_style="http://127.0.0.1:9/style.json"))
        st.pydeck_chart(pdk.Deck())
        st.pydeck_chart()
        st.pydeck_chart(pdk.Deck(map_style="light"), on_select="rerun", key="sel")
        """
    )
    styles = [c.proto["base_map"] for c in at.get("deck_gl_json_chart")]
    assert styles == [
        {"style": "http://127.0.0.1:9/style.json", "mapbox_key": None},
        None,
        None,
        {"style": CARTO + "positron-gl-style/style.json", "mapbox_key": None},
    ]
