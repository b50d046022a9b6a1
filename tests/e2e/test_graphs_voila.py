"""The newer chart kinds and st.bottom in Voila: Graphviz, Mermaid, ECharts and pydeck
drawn offline by bundled renderers (fetched only by a page that has one) with selections
where Streamlit has them, height="stretch" filling fixed-height containers, a graph filling a
fixed-height container with height="stretch", and st.bottom pinned to the bottom of the
window while the main area scrolls, its button rerunning the app.  pydeck draws no base
map by default, and a configured map style (served here from 127.0.0.1) under the layers."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_page, start_voila, wait_text, write_app

pytestmark = pytest.mark.e2e

GRAPHS = """
st.title("Graphs")
st.graphviz_chart('''
    digraph {
        run -> intr
        intr -> runbl
        runbl -> run
        run -> kernel
    }
''')
with st.container(height=400, key="box"):
    st.graphviz_chart("graph { a -- b; b -- c; a -- c }", height="stretch")
st.mermaid_chart('''
    graph LR
        A[Start] --> B{Decision}
        B -->|Yes| C[OK]
        B -->|No| D["<img src=x onerror='window.__xss=1'>"]
''', alt="Decision flow")
for i in range(30):
    st.write(f"Line {i}")
if "clicks" not in st.session_state:
    st.session_state.clicks = 0
if st.bottom.button("Pinned button"):
    st.session_state.clicks += 1
st.bottom.write(f"Clicks: {st.session_state.clicks}")
"""

ECHARTS = """
option = {
    "xAxis": {"type": "category", "data": ["a", "b"]},
    "yAxis": {"type": "value"},
    "series": [{"type": "bar", "name": "Sales", "data": [1, 2], "selectedMode": "single"}],
}
event = st.echarts_chart(option, on_select="rerun", key="bars", renderer="svg", height=300)
st.write(f"Selected: {[g['data_indices'] for g in event.selection.selected]}")
with st.container(height=420, key="box"):
    st.echarts_chart({"series": [{"type": "pie", "data": [{"value": 1, "name": "x"}, {"value": 2, "name": "y"}]}]}, height="stretch")
"""

STRETCH = """
import pandas as pd
df = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
with st.container(height=600, key="line"):
    st.line_chart(df, x="x", y="y", height="stretch")
with st.container(height=300, key="map"):
    st.map(pd.DataFrame({"lat": [52.5, 48.8], "lon": [13.4, 2.3]}), height="stretch")
st.line_chart(df, x="x", y="y", height="stretch")
"""

PYDECK = """
import pydeck as pdk
points = [{"lon": -0.1, "lat": 51.5, "name": "London"}, {"lon": 2.35, "lat": 48.85, "name": "Paris"}]
layer = pdk.Layer("ScatterplotLayer", data=points, get_position="[lon, lat]", get_radius=60000,
                  get_fill_color=[255, 75, 75], pickable=True, id="cities")
deck = pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=50.2, longitude=1.1, zoom=5),
                tooltip={"text": "{name}"})
event = st.pydeck_chart(deck, on_select="rerun", key="cities", height=400)
st.write(f"Picked: {[o['name'] for o in event.selection.objects.get('cities', [])]}")
"""

# A MapLibre style with no external sources: a background of a colour nothing else uses,
# and a blue square west of Paris (inline GeoJSON) to see the map follow the view.
BACKGROUND = (20, 160, 90)
SQUARE = [[[-3, 49], [-1, 49], [-1, 50.5], [-3, 50.5], [-3, 49]]]
STYLE = {
    "version": 8,
    "sources": {"square": {"type": "geojson", "data": {"type": "Polygon", "coordinates": SQUARE}}},
    "layers": [
        {"id": "bg", "type": "background", "paint": {"background-color": "rgb(20, 160, 90)"}},
        {"id": "sq", "type": "fill", "source": "square", "paint": {"fill-color": "rgb(30, 60, 220)"}},
    ],
}

BASEMAP = """
import pydeck as pdk
points = [{"lon": -0.1, "lat": 51.5}, {"lon": 2.35, "lat": 48.85}]
layer = pdk.Layer("ScatterplotLayer", data=points, get_position="[lon, lat]", get_radius=60000,
                  get_fill_color=[255, 75, 75], id="cities")
view = pdk.ViewState(latitude=50.2, longitude=1.1, zoom=5)
st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view, map_style="STYLE_URL/style.json"),
                height=300, key="good")
st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view, map_style="STYLE_URL/missing.json"),
                height=300, key="missing")
st.write("Maps done")
"""


class StyleServer:
    """A tiny HTTP server on 127.0.0.1 serving ``/style.json``; it notes every path asked."""

    def __init__(self) -> None:
        requested: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requested.append(self.path)
                body = json.dumps(STYLE).encode() if self.path == "/style.json" else b"{}"
                self.send_response(200 if self.path == "/style.json" else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.requested = requested
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def style_server() -> Iterator[StyleServer]:
    server = StyleServer()
    yield server
    server.stop()


PLAIN = """
st.write("No graphs here")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path, style_server: StyleServer) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "graphs", GRAPHS)
    write_app(apps, "plain", PLAIN)
    write_app(apps, "echarts", ECHARTS)
    write_app(apps, "stretch", STRETCH)
    write_app(apps, "pydeck", PYDECK)
    write_app(apps, "basemap", BASEMAP.replace("STYLE_URL", style_server.url))
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str):
    page = open_page(chromium, f"{voila.url}voila/render/{name}.ipynb", ".nbs-app .nbs-main > [data-kind]")
    page.chunks = []
    page.on("request", lambda r: page.chunks.append(r.url) if "/chunks/" in r.url else None)
    return page


def test_graphviz_draws_offline_and_fills_a_fixed_height_container(chromium, voila):
    page = open_app(chromium, voila, "graphs")
    try:
        page.wait_for_selector(".nbs-graphviz[data-drawn=true] img", timeout=60_000)
        page.wait_for_function("document.querySelectorAll('.nbs-graphviz[data-drawn=true]').length === 2")
        first = page.locator(".nbs-graphviz img").first
        assert first.evaluate("img => img.complete && img.naturalWidth > 0"), (
            "the graph's SVG image did not load"
        )
        box = first.bounding_box()
        assert box["width"] > 40 and box["height"] > box["width"], box  # four nodes stacked by dot
        # The SVG is an image: its labels are not in the page's DOM, so they cannot run.
        assert page.locator(".nbs-graphviz svg").count() == 0
        # height="stretch": the graph takes the container's height (400 px less padding).
        filled = page.locator(".st-key-box .nbs-graphviz").bounding_box()
        assert 330 <= filled["height"] <= 400, filled
        # Voila's own page template asks a CDN for Font Awesome; nothing else may leave.
        ours = [u for u in page.outside if "fontawesome" not in u]
        assert ours == [], f"requests left the machine: {ours}"
    finally:
        close_page(page)


def test_mermaid_draws_offline_with_its_labels_as_text(chromium, voila):
    page = open_app(chromium, voila, "graphs")
    try:
        page.wait_for_selector(".nbs-mermaid[data-drawn=true] svg", timeout=60_000)
        figure = page.locator(".nbs-mermaid-figure")
        assert figure.get_attribute("aria-label") == "Decision flow"
        labels = page.locator(".nbs-mermaid-figure").text_content()
        assert "Start" in labels and "Decision" in labels and "OK" in labels
        box = page.locator(".nbs-mermaid svg").bounding_box()
        assert box["width"] > 200 and box["height"] > 40, box
        # A label that looks like HTML stays text: no element made from it, nothing ran.
        assert page.locator(".nbs-mermaid img, .nbs-mermaid script, .nbs-mermaid foreignObject").count() == 0
        assert page.evaluate("window.__xss") is None
        assert page.locator(".nbs-mermaid-source").count() == 0  # the source gave way to the diagram
        ours = [u for u in page.outside if "fontawesome" not in u]
        assert ours == [], f"requests left the machine: {ours}"
    finally:
        close_page(page)


def test_st_bottom_stays_at_the_bottom_of_the_window_and_its_button_reruns(chromium, voila):
    page = open_app(chromium, voila, "graphs")
    try:
        wait_text(page, "Line 29", timeout=60_000)
        viewport = page.viewport_size["height"]
        button = page.get_by_role("button", name="Pinned button")
        wait_text(page, "Clicks: 0", scope=".nbs-bottom")

        def bottom_edge() -> float:
            box = page.locator(".nbs-bottom").bounding_box()
            return box["y"] + box["height"]

        assert viewport - 60 < bottom_edge() <= viewport + 1, "st.bottom is not at the bottom of the window"
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(300)
        assert viewport - 60 < bottom_edge() <= viewport + 1, "st.bottom scrolled away with the page"
        assert "Line 29" not in page.locator(".nbs-bottom").inner_text()
        button.click()
        wait_text(page, "Clicks: 1", scope=".nbs-bottom")
        assert viewport - 60 < bottom_edge() <= viewport + 1
    finally:
        close_page(page)


def test_echarts_draws_and_a_click_on_a_bar_reruns_with_the_selection(chromium, voila):
    page = open_app(chromium, voila, "echarts")
    try:
        wait_text(page, "Selected: []", timeout=60_000)
        page.wait_for_selector(".nbs-echarts[data-drawn=true] svg path", state="attached", timeout=60_000)
        chart = page.locator(".nbs-echarts").first
        box = chart.bounding_box()
        assert 290 <= box["height"] <= 310, box
        # The default grid leaves 10% each side; bar "b" (the taller) is centred at 70%.
        page.mouse.click(box["x"] + box["width"] * 0.7, box["y"] + box["height"] - 80)
        wait_text(page, "Selected: [[1]]")
        # height="stretch" in a 420 px container: the pie fills it.
        filled = page.locator(".st-key-box .nbs-echarts").bounding_box()
        assert 360 <= filled["height"] <= 420, filled
        ours = [u for u in page.outside if "fontawesome" not in u]
        assert ours == [], f"requests left the machine: {ours}"
    finally:
        close_page(page)


def test_height_stretch_fills_fixed_height_containers(chromium, voila):
    page = open_app(chromium, voila, "stretch")
    try:
        page.wait_for_selector(".st-key-line [data-kind=line_chart] svg .role-mark", timeout=60_000)
        line = page.locator(".st-key-line [data-kind=line_chart]").bounding_box()
        assert 540 <= line["height"] <= 600, line  # not the default 350
        mapped = page.locator(".st-key-map [data-kind=map]").bounding_box()
        assert 240 <= mapped["height"] <= 300, mapped  # not the default 500
        # Outside a container of set height, "stretch" is the chart's own height (350 px).
        free = page.locator(".nbs-main > [data-kind=line_chart]").bounding_box()
        assert 300 <= free["height"] <= 420, free
    finally:
        close_page(page)


def test_pydeck_draws_layers_without_a_base_map_and_a_click_selects(chromium, voila):
    pytest.importorskip("pydeck")
    page = open_app(chromium, voila, "pydeck")
    try:
        wait_text(page, "Picked: []", timeout=60_000)
        page.wait_for_selector(".nbs-pydeck[data-drawn=true] canvas", timeout=60_000)
        chart = page.locator(".nbs-pydeck")
        box = chart.bounding_box()
        assert 390 <= box["height"] <= 410, box
        page.wait_for_timeout(1000)  # the first frame
        # The view is centred between the cities: Paris is right of and below the centre.
        cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        paris = None
        for dx in range(20, 200, 6):
            for dy in range(0, 160, 6):
                page.mouse.move(cx + dx, cy + dy)
                page.wait_for_timeout(30)
                tip = page.locator(".nbs-pydeck-tooltip")
                if tip.is_visible() and tip.inner_text() == "Paris":
                    paris = (cx + dx, cy + dy)
                    break
            if paris:
                break
        assert paris, "hovering never showed the Paris tooltip"
        page.mouse.click(*paris)
        wait_text(page, "Picked: ['Paris']")
        # pydeck's default style draws no base map: MapLibre is not even loaded.
        assert not [u for u in page.chunks if "maplibre" in u], page.chunks
        assert page.locator(".nbs-pydeck-basemap").count() == 0
        assert [u for u in page.outside if "fontawesome" not in u] == [], page.outside
    finally:
        close_page(page)


def rgb(png: bytes) -> list[list[tuple[int, int, int]]]:
    """A screenshot's pixels, row by row."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = image.size
    flat = image.tobytes()
    return [[tuple(flat[3 * (y * w + x) : 3 * (y * w + x) + 3]) for x in range(w)] for y in range(h)]


def is_background(pixel: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= 6 for a, b in zip(pixel, BACKGROUND, strict=True))


def is_layer(pixel: tuple[int, ...]) -> bool:
    r, g, b = pixel
    return r > 200 and g < 120 and b < 120


def is_square(pixel: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= 6 for a, b in zip(pixel, (30, 60, 220), strict=True))


def centre_x(shot: list[list[tuple[int, int, int]]], test) -> float:
    xs = [x for row in shot for x, p in enumerate(row) if test(p)]
    assert len(xs) > 100, "too few pixels of that colour"
    return sum(xs) / len(xs)


def test_pydeck_draws_a_configured_base_map_under_the_layers(chromium, voila, style_server):
    pytest.importorskip("pydeck")
    page = open_app(chromium, voila, "basemap")
    try:
        wait_text(page, "Maps done", timeout=60_000)
        page.wait_for_selector(".nbs-pydeck[data-basemap=loaded]", timeout=60_000)
        page.wait_for_selector(".nbs-pydeck[data-basemap=error] .nbs-pydeck-note", timeout=30_000)
        assert "/style.json" in style_server.requested and "/missing.json" in style_server.requested
        charts = page.locator(".nbs-pydeck")
        assert charts.count() == 2
        good, missing = charts.nth(0), charts.nth(1)
        assert good.get_attribute("data-basemap") == "loaded"
        assert missing.get_attribute("data-basemap") == "error"
        # The failed style is a quiet note; its layers are drawn, no error box.
        assert missing.locator(".nbs-pydeck-note").inner_text() == "Base map unavailable"
        assert missing.get_attribute("data-drawn") == "true"
        assert page.locator(".nbs-chart-error").count() == 0
        page.wait_for_timeout(1000)  # the first frames
        shot = rgb(good.screenshot())
        w, h = len(shot[0]), len(shot)
        assert is_background(shot[h // 2][8]), shot[h // 2][8]  # left edge, away from both cities
        pixels = [p for row in shot for p in row]
        assert sum(map(is_layer, pixels)) > 200, "the layers are not drawn over the base map"
        assert sum(map(is_background, pixels)) > 0.5 * w * h, "the base map does not fill the chart"
        # The failed style leaves the app's background, with the layers on it.
        other = [p for row in rgb(missing.screenshot()) for p in row]
        assert not any(map(is_background, other))
        assert sum(map(is_layer, other)) > 200
        # Dragging the view moves the base map with the layers.
        before = (centre_x(shot, is_square), centre_x(shot, is_layer))
        box = good.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + 20
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + 80, y, steps=8)
        page.mouse.up()
        page.wait_for_timeout(800)
        after = rgb(good.screenshot())
        moved = (centre_x(after, is_square) - before[0], centre_x(after, is_layer) - before[1])
        assert 60 <= moved[1] <= 100, moved  # the layers followed the drag
        assert abs(moved[0] - moved[1]) <= 4, moved  # and so did the base map
        assert [u for u in page.outside if "fontawesome" not in u] == [], page.outside
    finally:
        close_page(page)


def test_a_page_without_graphs_does_not_fetch_graphviz(chromium, voila):
    page = open_app(chromium, voila, "plain")
    try:
        wait_text(page, "No graphs here", timeout=60_000)
        page.wait_for_timeout(500)
        fetch = "u => fetch(u).then(r => r.text()).then(t => t.length)"
        large = [u for u in page.chunks if page.evaluate(fetch, u) > 500_000]
        assert large == [], f"a page without graphs fetched a renderer: {large}"
    finally:
        close_page(page)
