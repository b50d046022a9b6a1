"""The data group's Streamlit 1.67 arguments in a real browser (one Voila server).

One app: a metric with an icon, a format, a description and a sparkline; a table with
horizontal borders, no header and a fixed height; a dataframe with a placeholder and an
accessible name; a linked image with alt text; and a chat input with
``submit_mode="disable"`` whose script takes a moment, so the box is seen locked while
the run goes on and open again after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import close_page, open_page, start_voila, wait_text, write_app

APP = """\
import time
import numpy as np
import pandas as pd

st.metric("Revenue", 1234.567, -12.3, icon="🔥", format="dollar",
          delta_description="month over month", chart_data=[3, 1, 4, 1, 5], chart_type="bar")
st.table(pd.DataFrame({"a": range(30)}), border="horizontal", hide_header=True, height=150, alt="Thirty rows")
st.dataframe(pd.DataFrame({"s": ["x", None]}), placeholder="-", alt="Missing values")
st.image(np.zeros((8, 8, 3), dtype=np.uint8), link="https://streamlit.io", alt="A picture")
msg = st.chat_input("Say", submit_mode="disable")
if msg:
    st.text(f"got {msg}")
    time.sleep(3)
    st.text("run over")
"""


@pytest.fixture(scope="module")
def page(chromium, workdir: Path) -> Iterator[object]:
    server = start_voila(write_app(workdir, "data_params", APP), workdir)
    page = open_page(chromium, server.url, "[data-kind=metric]")
    yield page
    close_page(page)
    server.stop()


def test_metric_shows_formatted_values_icon_description_and_sparkline(page):
    metric = page.locator("[data-kind=metric]")
    assert metric.locator(".nbs-metric-value").inner_text() == "$1,234.57"
    assert metric.locator(".nbs-metric-delta-text").inner_text() == "-$12.30"
    assert metric.locator(".nbs-metric-label").inner_text().startswith("🔥")
    assert metric.locator(".nbs-metric-delta-description").inner_text() == "month over month"
    assert metric.locator(".nbs-metric-chart rect").count() == 5
    # the sparkline takes the delta's (red) color
    colors = metric.evaluate(
        "el => [getComputedStyle(el.querySelector('.nbs-metric-chart svg')).color,"
        " getComputedStyle(el.querySelector('.nbs-metric-delta')).color]"
    )
    assert colors[0] == colors[1]


def test_table_scrolls_inside_its_height_without_a_header(page):
    table = page.locator("[data-kind=table]")
    box = table.bounding_box()
    assert 140 <= box["height"] <= 160
    assert table.locator("thead").count() == 0
    assert table.locator("table").get_attribute("aria-label") == "Thirty rows"
    assert table.evaluate("el => el.scrollHeight > el.clientHeight")
    first = table.locator("tbody td").first
    assert first.evaluate("el => getComputedStyle(el).borderLeftStyle") == "none"
    assert first.evaluate("el => getComputedStyle(el).borderBottomStyle") == "solid"


def test_dataframe_placeholder_and_name(page):
    grid = page.locator("[data-kind=dataframe]")
    assert grid.locator("[role=grid]").get_attribute("aria-label") == "Missing values"
    assert grid.locator(".nbs-df-none").inner_text() == "-"


def test_image_is_a_link_with_alt_text(page):
    link = page.locator("[data-kind=image] a")
    assert link.get_attribute("href") == "https://streamlit.io"
    assert link.locator("img").get_attribute("alt") == "A picture"


def test_chat_input_is_locked_while_the_run_goes_on(page):
    field = page.locator("[data-kind=chat_input] textarea")
    field.fill("hello")
    field.press("Enter")
    wait_text(page, "got hello")
    assert field.is_disabled()
    wait_text(page, "run over", timeout=20_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-kind=chat_input] textarea').disabled", timeout=10_000
    )
