"""Multipage apps in Voila: the page is the URL's ``page`` parameter, so a page link
changes the page and the URL, a reload stays on the page, Back returns to the previous
page without reloading the kernel, and a page unknown to the navigation shows the
default page with "Page not found"; a hidden navigation with st.page_link works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

PAGES = """
def home():
    st.write("Home page")
    st.page_link(other_page, label="Go to the other page", query_params={"tab": "x"})

def other():
    st.write(f"Other page {st.query_params.to_dict()}")

def third():
    st.write(f"Third page, name {st.session_state.name!r}")

home_page = st.Page(home, title="Home", icon="🏠", default=True)
other_page = st.Page(other, title="Other")
third_page = st.Page(third, title="Third", icon=":material/star:")
pg = st.navigation({"Main": [home_page, other_page], "More": [third_page]})
st.sidebar.text_input("Name", key="name")
pg.run()
"""

HIDDEN = """
def first():
    st.write("First page")
def second():
    st.write("Second page")
pg = st.navigation([st.Page(first), st.Page(second)], position="hidden")
st.page_link("https://example.org", label="Outside", icon="🌎")
for p in (st.Page(first), st.Page(second)):
    st.page_link(p, label=f"Open {p.title}")
pg.run()
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "pages", PAGES)
    write_app(apps, "hidden", HIDDEN)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, path: str):
    return open_voila_app(chromium, voila.url, path)


def page_param(page) -> str | None:
    return page.evaluate("() => new URL(location.href).searchParams.get('page')")


def test_links_change_page_and_url_reload_stays_back_returns(chromium, voila):
    page = open_app(chromium, voila, "pages.ipynb")
    try:
        wait_text(page, "Home page")
        menu = page.locator(".nbs-sidebar nav[aria-label=Pages]")
        assert menu.locator(".nbs-nav-header").all_inner_texts() == ["Main", "More"]
        assert menu.locator("[aria-current=page]").inner_text().strip().endswith("Home")
        page.get_by_role("link", name="Go to the other page").click()
        wait_text(page, "Other page {'tab': 'x'}")
        assert page_param(page) == "other"
        assert "tab=x" in page.url
        page.wait_for_function("() => document.title === 'Other'")
        # A reload (a new kernel) opens the page the URL names.
        page.reload()
        wait_text(page, "Other page {'tab': 'x'}", timeout=60_000)
        page.evaluate("() => { window.__same_document = true; }")
        box = page.get_by_role("textbox", name="Name")
        box.fill("Ada")
        box.press("Enter")
        menu.get_by_role("link", name="Third").click()
        wait_text(page, "Third page, name 'Ada'")  # the frame's widget keeps its value
        assert page_param(page) == "third"
        page.go_back()
        wait_text(page, "Other page")
        assert page_param(page) == "other"
        assert page.evaluate("() => window.__same_document === true"), "Back reloaded the page"
        page.go_forward()
        wait_text(page, "Third page, name 'Ada'")
    finally:
        close_page(page)


def test_a_page_unknown_to_the_navigation_shows_the_default_page(chromium, voila):
    page = open_app(chromium, voila, "pages.ipynb?page=nowhere")
    try:
        wait_text(page, "Home page")
        alert = page.locator(".nbs-page-not-found")
        alert.wait_for(state="visible")
        assert "Page not found" in alert.inner_text() and "/nowhere" in alert.inner_text()
        page.wait_for_function("() => !new URL(location.href).searchParams.has('page')")
    finally:
        close_page(page)


def test_hidden_navigation_with_page_links(chromium, voila):
    page = open_app(chromium, voila, "hidden.ipynb")
    try:
        wait_text(page, "First page")
        assert page.locator(".nbs-nav:not([hidden])").count() == 0
        outside = page.get_by_role("link", name="Outside")
        assert outside.get_attribute("target") == "_blank"
        page.get_by_role("link", name="Open second").click()
        wait_text(page, "Second page")
        assert page_param(page) == "second"
        page.get_by_role("link", name="Open first").click()
        page.wait_for_function("() => !new URL(location.href).searchParams.has('page')")
        wait_text(page, "First page")
    finally:
        close_page(page)
