"""Data elements in a real browser: an app served by Voila, in Debian's Chromium.

One Voila server for the module.  The app shows a 200,000-row dataframe (only its first
rows travel with the page; the rest come from the kernel on scroll), a data editor whose
edits rerun the app, and a metric.  The tests scroll, sort (in the kernel), edit, and
check the timezone text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import close_page, open_page, start_voila, write_app

APP = """\
import numpy as np
import pandas as pd

big = pd.DataFrame({"n": np.arange(200_000), "sq": np.arange(200_000) * 2})
st.dataframe(big, hide_index=True)
df = pd.DataFrame({"command": ["st.selectbox", "st.balloons"], "rating": [4, 5]})
edited = st.data_editor(df, key="ed")
st.text(f"ratings={list(edited['rating'])}")
st.dataframe(pd.DataFrame({"when": pd.to_datetime(["2020-01-10 10:30"]).tz_localize("EST")}))
st.metric("Temperature", 70, 1.5)
"""


@pytest.fixture(scope="module")
def page(chromium, workdir: Path) -> Iterator[object]:
    server = start_voila(write_app(workdir, "data", APP), workdir)
    page = open_page(chromium, server.url, "[data-kind=dataframe] .nbs-df-row")
    yield page
    close_page(page)
    server.stop()


def _cells(page, nth: int, col: int) -> list[str]:
    grid = page.locator("[data-kind=dataframe]").nth(nth)
    return grid.locator(f".nbs-df-body .nbs-df-row .nbs-df-cell:nth-child({col + 1})").all_text_contents()


def test_scrolling_fetches_rows_from_the_kernel(page):
    grid = page.locator("[data-kind=dataframe]").first
    assert page.locator("[data-kind=dataframe] [role=grid]").first.get_attribute("aria-rowcount") == "200001"
    assert _cells(page, 0, 0)[:3] == ["0", "1", "2"]
    grid.locator(".nbs-df-scroller").evaluate(
        "el => { el.scrollTop = 35 * 150000; el.dispatchEvent(new Event('scroll')); }"
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-kind=dataframe] .nbs-df-body .nbs-df-cell')]"
        ".some(c => c.textContent === '150000')",
        timeout=20_000,
    )
    held = grid.evaluate("el => (el.__grid || el.querySelector('.nbs-df').__grid).store.held()")
    assert held < 5000


def test_sorting_happens_in_the_kernel(page):
    grid = page.locator("[data-kind=dataframe]").first
    grid.locator(".nbs-df-scroller").evaluate(
        "el => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); }"
    )
    header = grid.locator("[role=columnheader][data-field=f0]")
    header.click()
    header.click()
    page.wait_for_function(
        "() => document.querySelector('[data-kind=dataframe] .nbs-df-body .nbs-df-cell')?.textContent === '199999'",
        timeout=20_000,
    )
    assert grid.locator("[role=columnheader][data-field=f0]").get_attribute("aria-sort") == "descending"


def test_an_edit_reruns_the_app(page):
    editor = page.locator("[data-kind=data_editor]")
    cell = editor.locator(".nbs-df-body .nbs-df-row").nth(0).locator(".nbs-df-cell").nth(2)
    cell.dblclick()
    field = editor.locator("input.nbs-df-editor")
    field.fill("9")
    field.press("Enter")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-kind=text]')].some(t => t.textContent.includes('ratings=[9, 5]'))",
        timeout=20_000,
    )


def test_zoned_datetimes_show_in_their_own_zone(page):
    assert "2020-01-10 10:30:00-05:00" in _cells(page, 1, 1)


def test_metric(page):
    metric = page.locator("[data-kind=metric]")
    assert metric.locator(".nbs-metric-value").text_content() == "70"
    assert metric.locator(".nbs-metric-delta").get_attribute("data-color") == "green"
