"""Apps served by Voila: only the app shows, every interaction updates it, each tab is
its own session, a script error shows and the app recovers, long runs stream."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, app_text, close_page, open_voila_app, start_voila, wait_text, write_app

COUNTER = """
st.set_page_config(page_title="Counter app")
if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Add one"):
    st.session_state.count += 1
st.write(f"Count: {st.session_state.count}")
level = st.slider("Level", 0, 10, 3)
st.write(f"Level is {level}")
name = st.text_input("Your name", "nobody")
st.write(f"Hello {name}")
if level == 7:
    raise ValueError("level seven is cursed")
"""

STREAMING = """
import time
box = st.empty()
if st.button("Start"):
    for i in range(4):
        box.write(f"step {i}")
        time.sleep(0.5)
    st.write("done")
"""

QUIET = """
st.session_state.runs = st.session_state.get("runs", 0) + 1
quiet = st.checkbox("Quiet", on_change="ignore")
st.button("Apply")
st.write(f"quiet={quiet} runs={st.session_state.runs}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "counter", COUNTER)
    write_app(apps, "streaming", STREAMING)
    write_app(apps, "quiet", QUIET)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str, query: str = ""):
    return open_voila_app(chromium, voila.url, name, query=query)


def test_the_page_shows_only_the_app(chromium, voila):
    page = open_app(chromium, voila, "counter")
    try:
        assert page.locator(".jp-InputArea:visible").count() == 0
        assert page.locator(".nbs-app").count() == 1
        assert page.title() == "Counter app"
        assert "Count: 0" in app_text(page)
    finally:
        close_page(page)


def test_slider_typing_and_clicks_update_the_app(chromium, voila):
    page = open_app(chromium, voila, "counter")
    try:
        page.get_by_role("button", name="Add one").click()
        wait_text(page, "Count: 1")
        # 20 clicks in one burst: each is its own run, none merged or lost.
        page.get_by_role("button", name="Add one").evaluate(
            "b => { for (let i = 0; i < 20; i++) b.click(); }"
        )
        wait_text(page, "Count: 21")

        slider = page.get_by_role("slider", name="Level")
        slider.focus()
        slider.press("ArrowRight")
        slider.press("ArrowRight")
        wait_text(page, "Level is 5")

        box = page.get_by_role("textbox", name="Your name")
        box.fill("Ada")
        box.press("Enter")
        wait_text(page, "Hello Ada")
        assert "Count: 21" in app_text(page)
    finally:
        close_page(page)


def test_an_ignored_widget_waits_for_the_next_run(chromium, voila):
    page = open_app(chromium, voila, "quiet")
    try:
        wait_text(page, "quiet=False runs=1")
        page.get_by_role("checkbox", name="Quiet").check()
        page.wait_for_timeout(700)
        assert "quiet=False runs=1" in app_text(page)  # no rerun...
        assert page.get_by_role("checkbox", name="Quiet").is_checked()  # ...but it shows checked
        page.get_by_role("button", name="Apply").click()
        wait_text(page, "quiet=True runs=2")  # the held change rode with the click
    finally:
        close_page(page)


def test_each_tab_is_its_own_session(chromium, voila):
    first = open_app(chromium, voila, "counter")
    second = open_app(chromium, voila, "counter")
    try:
        for _ in range(3):
            first.get_by_role("button", name="Add one").click()
        wait_text(first, "Count: 3")
        box = second.get_by_role("textbox", name="Your name")
        box.fill("Grace")
        box.press("Enter")
        wait_text(second, "Hello Grace")
        assert "Count: 0" in app_text(second)
        assert "Hello nobody" in app_text(first)
    finally:
        close_page(first)
        close_page(second)


def test_a_script_error_shows_and_the_app_recovers(chromium, voila):
    page = open_app(chromium, voila, "counter")
    try:
        slider = page.get_by_role("slider", name="Level")
        slider.focus()
        for _ in range(4):
            slider.press("ArrowRight")
        wait_text(page, "level seven is cursed")
        assert page.locator("[data-kind=exception]").count() == 1
        slider.press("ArrowRight")
        wait_text(page, "Level is 8")
        assert page.locator("[data-kind=exception]").count() == 0
        page.get_by_role("button", name="Add one").click()
        wait_text(page, "Count: 1")
    finally:
        close_page(page)


def test_a_long_run_streams_into_the_page_while_it_runs(chromium, voila):
    page = open_app(chromium, voila, "streaming")
    try:
        page.get_by_role("button", name="Start").click()
        wait_text(page, "step 1")
        assert "done" not in app_text(page)
        assert page.locator(".nbs-status").is_visible()  # "Running…"
        wait_text(page, "done")
        assert "step 3" in app_text(page)
        page.wait_for_selector(".nbs-status", state="hidden")
    finally:
        close_page(page)


def test_theme_follows_voila_and_the_settings_menu_overrides_it(chromium, voila):
    page = open_app(chromium, voila, "counter", "?theme=dark")
    try:
        app = page.locator(".nbs-app")
        assert app.get_attribute("data-theme") == "dark"
        page.get_by_role("button", name="Main menu").click()
        items = page.get_by_role("menuitem")
        assert "Clear cache" not in " ".join(items.all_inner_texts())  # a viewer's menu
        page.get_by_role("menuitem", name="Settings").click()
        page.get_by_label("Theme").select_option("light")
        assert app.get_attribute("data-theme") == "light"
    finally:
        close_page(page)


def test_text_is_drawn_in_the_bundled_source_sans_with_no_network(chromium, voila):
    # The browser reaches no outside host (e2e settings), so a font that loads is ours.
    page = open_app(chromium, voila, "counter")
    try:
        wait_text(page, "Count: 0")
        family = page.locator(".nbs-app [data-kind='markdown']").first.evaluate(
            "el => getComputedStyle(el).fontFamily"
        )
        assert family.split(",")[0].strip().strip('"') == "Source Sans 3"
        loaded = page.evaluate(
            """async () => {
                await document.fonts.ready;
                await Promise.all([document.fonts.load('16px "Source Sans 3"'), document.fonts.load('600 16px "Source Sans 3"'),
                                   document.fonts.load('16px "Source Code Pro"')]);
                return [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replaceAll('"', ''));
            }"""
        )
        assert "Source Sans 3" in loaded
        assert "Source Code Pro" in loaded
    finally:
        close_page(page)
