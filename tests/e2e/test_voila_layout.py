"""The page Voila serves is laid out like Streamlit's: the app starts at the window's top
edge, a one-app page fills the window, several apps are each as tall as their content,
and the sidebar collapses.  Each test saves a screenshot beside its temporary files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(
        apps,
        "side",
        'st.sidebar.write("In the sidebar")\nst.title("Main")\nst.write("short")\nst.slider("Level", 0, 10, 3)',
    )
    write_app(apps, "two", 'st.write("first app")', cells=['%%stapp second\nst.write("second app")'])
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str, text: str):
    page = open_voila_app(chromium, voila.url, name, viewport=VIEWPORT)
    wait_text(page, text, scope="body")
    return page


def app_boxes(page) -> list[dict[str, float]]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.nbs-app')].map(a => a.getBoundingClientRect().toJSON())"
    )


def test_one_app_fills_the_window_from_its_top_edge(chromium, voila, workdir):
    page = open_app(chromium, voila, "side", "short")
    try:
        page.wait_for_function("document.querySelector('.nbs-app').getBoundingClientRect().top === 0")
        (box,) = app_boxes(page)
        assert box["top"] == 0  # no strip of the output wrapper above the app
        assert box["height"] >= VIEWPORT["height"]
        page.screenshot(path=str(workdir / "voila-one-app.png"))
    finally:
        close_page(page)


def test_the_sidebar_collapses_and_opens_again(chromium, voila, workdir):
    page = open_app(chromium, voila, "side", "short")
    try:
        sidebar = page.locator(".nbs-sidebar")
        assert sidebar.bounding_box()["width"] > 200
        page.click(".nbs-sidebar-toggle")
        page.wait_for_function("document.querySelector('.nbs-sidebar').getBoundingClientRect().width < 60")
        assert not page.locator(".nbs-sidebar-content").is_visible()
        page.screenshot(path=str(workdir / "voila-sidebar-collapsed.png"))
        page.click(".nbs-sidebar-toggle")
        page.wait_for_function("document.querySelector('.nbs-sidebar').getBoundingClientRect().width > 200")
        assert page.locator(".nbs-sidebar-content").is_visible()
    finally:
        close_page(page)


def test_several_apps_are_each_as_tall_as_their_content(chromium, voila, workdir):
    page = open_app(chromium, voila, "two", "second app")
    try:
        page.wait_for_function("document.querySelectorAll('.nbs-app').length === 2")
        first, second = app_boxes(page)
        assert first["height"] < VIEWPORT["height"] / 2
        assert second["height"] < VIEWPORT["height"] / 2
        assert second["top"] == pytest.approx(first["top"] + first["height"], abs=1)
        page.screenshot(path=str(workdir / "voila-two-apps.png"))
    finally:
        close_page(page)


def test_slider_value_and_ends_use_the_text_font(chromium, voila):
    page = open_app(chromium, voila, "side", "short")
    try:
        for selector in (".nbs-slider-value", ".nbs-slider-ends"):
            family = page.locator(selector).first.evaluate("el => getComputedStyle(el).fontFamily")
            assert family.split(",")[0].strip().strip('"') == "Source Sans 3", selector
    finally:
        close_page(page)
