"""The newer widgets and layouts in Voila: pills and segmented_control rerun the app with
the clicked option, datetime_input sends the moment typed, a horizontal container lays
its elements out in a row, badge and space draw, and st.context is filled from the
browser (the app reruns when it arrives)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

WIDGETS = """
tags = st.pills("Tags", ["Red", "Green", ":material/star: Star"], selection_mode="multi", key="tags")
st.text(f"tags={tags}")
mode = st.segmented_control("Mode", ["Fast", "Safe"], default="Safe", required=True)
st.text(f"mode={mode}")
when = st.datetime_input("When", value="2025-03-04 10:17")
st.text(f"when={when.isoformat()}")
st.badge("Beta", color="orange")
row = st.container(horizontal=True, gap="small")
row.button("Left")
row.button("Right")
st.space("large")
st.text(f"tz={st.context.timezone} locale={st.context.locale} theme={st.context.theme.type}")
"""


TRACKED = """
if "switches" not in st.session_state:
    st.session_state.switches = 0
def switched():
    st.session_state.switches += 1
tabs = st.tabs(["Sales", "Costs"], key="tab", on_change=switched)
st.text(f"tab={st.session_state.tab} switches={st.session_state.switches} open={[t.open for t in tabs]}")
with tabs[1]:
    if tabs[1].open:
        st.text("costs computed")
pop = st.popover("Filters", key="pop", on_change="rerun")
pop.text("inside the popover")
st.text(f"popover open={pop.open}")
page = st.pagination(9, default=2)
st.text(f"page={page}")
choice = st.menu_button("Export", ["CSV", "JSON"])
st.text(f"export={choice}")
grid = st.grid(2)
for i in range(4):
    grid.text(f"cell {i}")
"""


PLOTLY = """
import plotly.express as px
fig = px.scatter(x=[1, 2, 3, 4], y=[1, 2, 3, 4])
event = st.plotly_chart(fig, on_select="rerun", selection_mode="box", key="scatter")
st.text(f"selected={event.selection.point_indices}")
"""


ALTAIR = """
import altair as alt
import pandas as pd

df = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [1.0, 2.0, 3.0, 4.0], "c": [1.0, 2.0, 3.0, 4.0]})
point_selector = alt.selection_point("point_selection")
interval_selector = alt.selection_interval("interval_selection")
chart = (
    alt.Chart(df)
    .mark_circle(size=200)
    .encode(x="a", y="b", color="c",
            fillOpacity=alt.condition(point_selector, alt.value(1), alt.value(0.3)))
    .add_params(point_selector, interval_selector)
)
event = st.altair_chart(chart, key="alt_chart", on_select="rerun")
st.text(f"interval={dict(event.selection.interval_selection)}")
st.text(f"points={event.selection.point_selection}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "widgets2", WIDGETS)
    write_app(apps, "tracked", TRACKED)
    write_app(apps, "plotly_select", PLOTLY)
    write_app(apps, "altair_select", ALTAIR)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str):
    return open_voila_app(chromium, voila.url, name, locale="de-DE", timezone_id="Europe/Berlin")


@pytest.fixture
def page(chromium, voila):
    page = open_app(chromium, voila, "widgets2")
    yield page
    close_page(page)


def test_a_tracked_tab_switch_reruns_with_the_callback_and_open_tabs(chromium, voila):
    page = open_app(chromium, voila, "tracked")
    try:
        wait_text(page, "tab=Sales switches=0 open=[True, False]")
        assert "costs computed" not in page.locator(".nbs-main").inner_text()
        page.get_by_role("tab", name="Costs").click()
        wait_text(page, "tab=Costs switches=1 open=[False, True]")
        wait_text(page, "costs computed")
        assert page.get_by_role("tab", name="Costs").get_attribute("aria-selected") == "true"
        page.get_by_role("button", name="Filters").click()
        wait_text(page, "popover open=True")
        assert page.get_by_role("dialog").is_visible()
        page.keyboard.press("Escape")
        wait_text(page, "popover open=False")
    finally:
        close_page(page)


def test_pagination_menu_button_and_grid(chromium, voila):
    page = open_app(chromium, voila, "tracked")
    try:
        wait_text(page, "page=2")
        page.get_by_role("button", name="Next page").click()
        wait_text(page, "page=3")
        page.get_by_role("button", name="Page 9").click()
        wait_text(page, "page=9")
        page.get_by_role("button", name="Export").click()
        page.get_by_role("menuitem", name="JSON").click()
        wait_text(page, "export=JSON")
        cells = [page.get_by_text(f"cell {i}", exact=True).bounding_box() for i in range(4)]
        assert all(cells)
        assert abs(cells[0]["y"] - cells[1]["y"]) < 2 and cells[1]["x"] > cells[0]["x"]  # two per row
        assert cells[2]["y"] > cells[0]["y"] and abs(cells[2]["x"] - cells[0]["x"]) < 2
    finally:
        close_page(page)


def test_pills_and_segmented_control_rerun_with_the_clicked_options(page):
    wait_text(page, "tags=[]")
    wait_text(page, "mode=Safe")
    pills = page.locator(".nbs-pills")
    pills.get_by_role("button", name="Green").click()
    wait_text(page, "tags=['Green']")
    pills.get_by_role("button", name="Star").click()
    wait_text(page, "tags=['Green', ':material/star: Star']")
    pills.get_by_role("button", name="Green").click()
    wait_text(page, "tags=[':material/star: Star']")
    assert pills.get_by_role("button", name="Star").get_attribute("aria-pressed") == "true"
    control = page.locator(".nbs-segmented-control")
    control.get_by_role("button", name="Fast").click()
    wait_text(page, "mode=Fast")
    control.get_by_role("button", name="Fast").click()  # required: stays selected
    page.wait_for_timeout(500)
    wait_text(page, "mode=Fast")


def test_datetime_input_sends_the_moment(page):
    wait_text(page, "when=2025-03-04T10:17:00")
    field = page.locator(".nbs-datetime-input input")
    field.fill("2026-01-02T08:30")
    field.dispatch_event("change")
    wait_text(page, "when=2026-01-02T08:30:00")


def test_layout_badge_and_context(page):
    wait_text(page, "tz=Europe/Berlin locale=de-DE theme=light")
    left = page.get_by_role("button", name="Left").bounding_box()
    right = page.get_by_role("button", name="Right").bounding_box()
    assert left and right and abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"]
    badge = page.locator(".nbs-main").get_by_text("Beta", exact=True)
    assert badge.count() == 1
    space = page.locator("[data-kind=space]").bounding_box()
    assert space and space["height"] > 40


def test_a_box_selection_on_a_plotly_chart_reruns_with_the_points(chromium, voila):
    pytest.importorskip("plotly")
    page = open_app(chromium, voila, "plotly_select")
    try:
        wait_text(page, "selected=[]")
        page.wait_for_selector(".nbs-plotly-chart[data-drawn='1'] .nsewdrag", timeout=60_000)
        area = page.locator(".nbs-plotly-chart .nsewdrag").first.bounding_box()
        assert area
        # Drag a box over the upper right half of the plot: the points (3, 3) and (4, 4).
        x0, y0 = area["x"] + area["width"] * 0.55, area["y"] + area["height"] * 0.02
        x1, y1 = area["x"] + area["width"] * 0.99, area["y"] + area["height"] * 0.45
        page.mouse.move(x0, y0)
        page.mouse.down()
        page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=5)
        page.mouse.move(x1, y1, steps=5)
        page.mouse.up()
        wait_text(page, "selected=[2, 3]", timeout=20_000)
    finally:
        close_page(page)


def test_the_docs_altair_selections_report_in_the_browser(chromium, voila):
    pytest.importorskip("altair")
    page = open_app(chromium, voila, "altair_select")
    try:
        wait_text(page, "interval={}")
        page.wait_for_selector(".nbs-vega-chart svg .mark-symbol path", timeout=60_000)
        marks = page.locator(".nbs-vega-chart svg .mark-symbol path")
        boxes = [marks.nth(i).bounding_box() for i in range(marks.count())]
        assert len(boxes) == 4 and all(boxes)
        # A click on the last point selects it...
        last = boxes[-1]
        page.mouse.click(last["x"] + last["width"] / 2, last["y"] + last["height"] / 2)
        # The selected row's fields (JSON numbers: 4.0 arrives as 4).
        wait_text(page, "points=[{'c': 4, 'a': 4, 'b': 4}]", timeout=20_000)
        # ...and, once the rerun has redrawn the chart, a drag from left of the first point
        # to right of the second draws an interval.
        page.wait_for_selector(".nbs-vega-chart:not([data-pending])", timeout=20_000)
        page.wait_for_timeout(300)
        first, second = boxes[0], boxes[1]
        x0, y0 = first["x"] - 10, first["y"] + first["height"] + 10
        x1, y1 = second["x"] + second["width"] + 10, second["y"] - 10
        page.mouse.move(x0, y0)
        page.mouse.down()
        page.mouse.move(x1, y1, steps=8)
        page.mouse.up()
        page.wait_for_function(
            "document.querySelector('.nbs-main').innerText.includes(\"interval={'a': [\")", timeout=20_000
        )
    finally:
        close_page(page)
