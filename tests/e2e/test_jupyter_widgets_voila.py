"""Jupyter widgets inside apps (st.widget) in Voila, in Chromium: an ipywidgets
IntSlider, a small custom anywidget and ipyleaflet's Map (a widget library from PyPI,
drawn with no tile layer) are drawn by the page's widget manager inside the app (no
iframe); the user's change reruns the app, whose text shows the value the script read
from the widget; the same instance survives the reruns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

SLIDER = """
import ipywidgets
st.session_state.setdefault("changes", 0)
def moved():
    st.session_state.changes += 1
s = st.widget(ipywidgets.IntSlider(value=3, max=10, description="Level"), key="level", on_change=moved)
st.text(f"level={s.value} squared={s.value ** 2} changes={st.session_state.changes}")
st.session_state.setdefault("first", s.model_id)
st.text(f"same instance: {s.model_id == st.session_state.first}")
def reset():
    st.session_state.level = 0
st.button("Reset", on_click=reset)
"""

COUNTER = """
import anywidget, traitlets

class Counter(anywidget.AnyWidget):
    _esm = '''
export default {
  render({ model, el }) {
    const b = document.createElement("button");
    b.className = "counter";
    const show = () => { b.textContent = "Count " + model.get("count"); };
    b.onclick = () => { model.set("count", model.get("count") + 1); model.save_changes(); };
    model.on("change:count", show);
    show();
    el.append(b);
  },
};
'''
    count = traitlets.Int(0).tag(sync=True)

c = st.widget(Counter(), trait="count", key="counter")
st.text(f"count={c.count}")
"""

LEAFLET = """
import ipyleaflet
m = st.widget(ipyleaflet.Map(center=(0, 0), zoom=3, layers=[], scroll_wheel_zoom=False), trait="zoom", key="map")
st.text(f"zoom={m.zoom}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "slider", SLIDER)
    write_app(apps, "counter", COUNTER)
    write_app(apps, "leaflet", LEAFLET)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str):
    return open_voila_app(chromium, voila.url, name, viewport={"width": 1000, "height": 900})


def test_an_ipywidgets_slider_reruns_the_app(chromium, voila):
    page = open_app(chromium, voila, "slider")
    try:
        wait_text(page, "level=3 squared=9 changes=0", timeout=30_000)
        widget = page.locator(".nbs-main .nbs-jupyter-widget")
        handle = widget.get_by_role("slider")
        handle.wait_for(timeout=30_000)
        assert widget.locator("iframe").count() == 0
        assert widget.locator(".widget-slider").count() == 1
        handle.focus()
        page.keyboard.press("ArrowRight")
        wait_text(page, "level=4 squared=16 changes=1")
        page.keyboard.press("ArrowRight")
        wait_text(page, "level=5 squared=25 changes=2")
        wait_text(page, "same instance: True")
        # The app sets the widget (Session State in a button's callback): the slider follows.
        page.get_by_role("button", name="Reset").click()
        wait_text(page, "level=0 squared=0")
        page.wait_for_function(
            "() => document.querySelector('.nbs-jupyter-widget .widget-readout')?.textContent.trim() === '0'",
            timeout=15_000,
        )
        assert widget.locator(".widget-slider").count() == 1  # one view, not one per run
    finally:
        close_page(page)


def test_a_custom_anywidget_reruns_the_app(chromium, voila):
    page = open_app(chromium, voila, "counter")
    try:
        wait_text(page, "count=0", timeout=30_000)
        button = page.locator(".nbs-jupyter-widget button.counter")
        button.wait_for(timeout=30_000)
        button.click()
        wait_text(page, "count=1")
        button.click()
        wait_text(page, "count=2")
        assert page.locator(".nbs-jupyter-widget button.counter").count() == 1
    finally:
        close_page(page)


def test_an_ipyleaflet_map_from_pypi_reruns_the_app(chromium, voila):
    page = open_app(chromium, voila, "leaflet")
    try:
        wait_text(page, "zoom=3", timeout=30_000)
        zoom_in = page.locator(".nbs-jupyter-widget .leaflet-control-zoom-in")
        zoom_in.wait_for(timeout=30_000)
        box = page.locator(".nbs-jupyter-widget .leaflet-container").bounding_box()
        assert box["height"] > 100 and box["width"] > 300
        zoom_in.click()
        wait_text(page, "zoom=4")
    finally:
        close_page(page)
