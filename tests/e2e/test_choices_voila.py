"""Streamlit 1.67's newer arguments of the choice widgets in a real browser (Voila): a
checkbox's width and one-line label, a label that wraps, a selectbox's icon and a value
typed with accept_new_options, a multiselect's "Select all", a slider's pixel width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

LONG = "A rather long label that cannot possibly fit on one line of a narrow checkbox " * 2

CHOICES = f"""
st.checkbox({LONG!r}, key="cut", width=220, wrap=False)
st.checkbox({LONG!r}, key="wrapped", width=220, wrap=True)
left, right = st.columns(2)
left.toggle({LONG!r}, key="in_column")
fruit = st.selectbox("Fruit", ["Apple", "Banana"], icon="🍎", accept_new_options=True)
st.text(f"fruit={{fruit}}")
tags = st.multiselect("Tags", ["red", "green", "blue"])
st.text(f"tags={{tags}}")
st.slider("Level", 0, 10, 3, width=250)
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "choices", CHOICES)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(chromium, voila):
    page = open_voila_app(chromium, voila.url, "choices", viewport={"width": 1000, "height": 1200})
    yield page
    close_page(page)


def _box(page, selector: str) -> dict:
    box = page.locator(selector).bounding_box()
    assert box is not None
    return box


def test_checkbox_width_and_wrap(page):
    wait_text(page, "fruit=Apple")
    cut = page.locator(".nbs-checkbox").nth(0)
    wrapped = page.locator(".nbs-checkbox").nth(1)
    assert abs(cut.bounding_box()["width"] - 220) < 1
    assert abs(wrapped.bounding_box()["width"] - 220) < 1
    cut_text = cut.locator(".nbs-widget-label-text")
    line = cut_text.bounding_box()["height"]
    assert line < 30  # one line, cut short
    assert cut_text.evaluate("el => el.scrollWidth > el.clientWidth")
    assert wrapped.locator(".nbs-widget-label-text").bounding_box()["height"] > 3 * line
    cut_text.hover()
    assert cut_text.get_attribute("title") == LONG
    # wrap=None directly in a column: one line.
    in_column = page.locator(".nbs-column .nbs-toggle .nbs-widget-label-text")
    assert in_column.bounding_box()["height"] < 30


def test_selectbox_icon_and_a_typed_option(page):
    wait_text(page, "fruit=Apple")
    box = page.locator(".nbs-selectbox")
    assert box.locator(".nbs-select-icon").inner_text() == "🍎"
    combo = box.get_by_role("combobox")
    combo.click()
    combo.fill("Mango")
    assert page.get_by_role("option", name="Add: Mango").is_visible()
    combo.press("Enter")
    wait_text(page, "fruit=Mango")
    assert combo.input_value() == "Mango"


def test_multiselect_select_all_and_slider_width(page):
    wait_text(page, "tags=[]")
    combo = page.locator(".nbs-multiselect").get_by_role("combobox")
    combo.click()
    page.get_by_role("option", name="Select all").click()
    wait_text(page, "tags=['red', 'green', 'blue']")
    assert abs(_box(page, ".nbs-slider")["width"] - 250) < 1
