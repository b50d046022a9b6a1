"""st.map: coordinates, colors and sizes, Streamlit's errors, the optional tile source."""

from __future__ import annotations

import pytest

from nbstream import config

POINTS = "pd.DataFrame({'lat': [52.5, 48.85], 'lon': [13.4, 2.35], 'r': [500, 900], 'k': ['#f00', '#00f']})"


def test_points_travel_as_arrow_with_fixed_names(chart):
    c = chart(f"st.map({POINTS})")
    assert c.data.to_dict("list") == {"lat": [52.5, 48.85], "lon": [13.4, 2.35]}
    assert c.spec == {
        "color": None,
        "size": 100.0,
        "zoom": None,
        "tiles": None,
        "width": "stretch",
        "height": 500,
        "alt": None,
    }


@pytest.mark.parametrize("names", [("LAT", "LON"), ("latitude", "longitude"), ("LATITUDE", "LONGITUDE")])
def test_coordinate_columns_are_found_by_name(chart, names):
    c = chart(f"st.map(pd.DataFrame({{'{names[0]}': [1.0], '{names[1]}': [2.0]}}))")
    assert c.data.iloc[0].tolist() == [1.0, 2.0]


def test_explicit_columns_colors_and_sizes(chart):
    c = chart(
        f"st.map({POINTS}.rename(columns={{'lat': 'y', 'lon': 'x'}}), latitude='y', longitude='x', color='k', size='r', zoom=4)"
    )
    assert c.data["color"].tolist() == ["#f00", "#00f"]
    assert c.data["size"].tolist() == [500, 900]
    assert c.spec["zoom"] == 4
    c = chart(f"st.map({POINTS}, color=(0, 128, 255), size=50)")
    assert (c.spec["color"], c.spec["size"]) == ("rgb(0, 128, 255)", 50.0)


def test_errors(error):
    assert error("st.map(df)") == (
        "Map data must contain a latitude column named: 'LAT', 'LATITUDE', 'lat', 'latitude'. "
        "Existing columns: 'a', 'b', 'c', 'h', 's'"
    )
    assert error("st.map(pd.DataFrame({'lat': [1.0, None], 'lon': [2.0, 3.0]}))") == (
        "Column lat is not allowed to contain null values, such as NaN, NaT, or None."
    )
    assert "must hold numbers" in error("st.map(pd.DataFrame({'lat': ['a'], 'lon': [2.0]}))")
    assert error(f"st.map({POINTS}, latitude='zz')").startswith('Data does not have a column named `"zz"`')
    assert error(f"st.map({POINTS}, zoom=99)").startswith("Invalid `zoom` value")
    assert error(f"st.map({POINTS}, height='content')").startswith("Invalid height value")


def test_a_configured_tile_source(chart, monkeypatch):
    monkeypatch.setenv("NBSTREAM_MAP_TILE_URL", "http://127.0.0.1:9/{z}/{x}/{y}.png")
    monkeypatch.setenv("NBSTREAM_MAP_TILE_ATTRIBUTION", "(c) local tiles")
    config.reload()
    c = chart(f"st.map({POINTS})")
    assert c.spec["tiles"] == {"url": "http://127.0.0.1:9/{z}/{x}/{y}.png", "attribution": "(c) local tiles"}
