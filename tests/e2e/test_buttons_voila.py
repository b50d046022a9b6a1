"""Streamlit 1.67's button options in a real browser (Voila): a keyboard shortcut clicks
its button, a width in pixels sizes it, wrap=False keeps a long label on one line, a
link_button with on_click="rerun" opens its link and reruns, a form's submit shortcut
pressed while typing sends what was typed, and a dialog with position="right" is a
full-height drawer on the window's right side."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

BUTTONS = """
st.session_state.setdefault("hits", 0)
def hit():
    st.session_state.hits += 1
st.button("Save", shortcut="Ctrl+K", on_click=hit, width=240, icon=":material/save:", icon_position="right")
st.text_input("Notes")
st.button("A label long enough that it cannot fit on one line of a narrow button at all", width=160, wrap=False)
st.button("A label long enough that it has to wrap onto more lines of a narrow button", width=160, wrap=True)
st.write(f"Hits: {st.session_state.hits}")
"""

LINKS = """
st.session_state.setdefault("opened", 0)
def opened():
    st.session_state.opened += 1
st.link_button("Open the docs", "about:blank", on_click=opened, shortcut="L")
st.write(f"Opened: {st.session_state.opened}")
"""

FORM = """
with st.form("note"):
    text = st.text_input("Note")
    sent = st.form_submit_button("Send", shortcut="Ctrl+Enter")
st.write(f"Sent: {sent} {text}")
"""

DRAWER = """
@st.dialog("Settings", position="right", icon="🔧")
def settings():
    st.write("Inside the drawer")
settings()
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    for name, script in [("buttons", BUTTONS), ("links", LINKS), ("form", FORM), ("drawer", DRAWER)]:
        write_app(apps, name, script)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def test_shortcut_width_and_wrap(chromium, voila):
    page = open_voila_app(chromium, voila.url, "buttons", viewport={"width": 1000, "height": 900})
    try:
        wait_text(page, "Hits: 0")
        save = page.get_by_role("button", name="Save")
        assert save.get_attribute("aria-keyshortcuts") == "Control+K"
        assert "K" in save.locator("kbd").inner_text()
        assert round(save.bounding_box()["width"]) == 240
        # The icon is after the label.
        assert save.evaluate(
            "b => b.lastElementChild.previousElementSibling.classList.contains('nbs-prop-icon')"
        )
        page.locator(".nbs-main").click(position={"x": 5, "y": 5})
        page.keyboard.press("Control+k")
        wait_text(page, "Hits: 1")
        # A shortcut with Ctrl works while typing in a field; a bare key would type.
        page.get_by_role("textbox", name="Notes").click()
        page.keyboard.press("Control+k")
        wait_text(page, "Hits: 2")
        cut = page.get_by_role("button", name="A label long enough that it cannot")
        grown = page.get_by_role("button", name="A label long enough that it has to wrap")
        cut_label = cut.locator(".nbs-button-label")
        assert cut_label.evaluate("l => l.scrollWidth > l.clientWidth"), "wrap=False cuts the label"
        assert cut.bounding_box()["height"] < 60
        assert grown.bounding_box()["height"] > cut.bounding_box()["height"] * 1.5, (
            "wrap=True grows the button"
        )
        cut.hover()
        assert cut_label.get_attribute("title", timeout=5_000).startswith("A label long enough")
    finally:
        close_page(page)


def test_a_link_button_that_reruns_opens_its_link_and_reports(chromium, voila):
    page = open_voila_app(chromium, voila.url, "links")
    try:
        wait_text(page, "Opened: 0")
        with page.context.expect_page() as popup:
            page.get_by_role("link", name="Open the docs").click()
        popup.value.close()
        wait_text(page, "Opened: 1")
        page.bring_to_front()
        page.locator(".nbs-main").click(position={"x": 5, "y": 5})
        with page.context.expect_page() as popup:
            page.keyboard.press("l")
        popup.value.close()
        wait_text(page, "Opened: 2")
    finally:
        close_page(page)


def test_a_submit_shortcut_pressed_while_typing_sends_what_was_typed(chromium, voila):
    page = open_voila_app(chromium, voila.url, "form")
    try:
        wait_text(page, "Sent: False")
        box = page.get_by_role("textbox", name="Note")
        box.fill("Ada")
        box.press("Control+Enter")
        wait_text(page, "Sent: True Ada")
        assert (
            page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.id")
            is not None
        )
    finally:
        close_page(page)


def test_a_right_dialog_is_a_full_height_drawer(chromium, voila):
    page = open_voila_app(chromium, voila.url, "drawer", viewport={"width": 1200, "height": 800})
    try:
        box = page.get_by_role("dialog", name="Settings")
        box.get_by_text("Inside the drawer").wait_for(timeout=15_000)
        assert box.locator(".nbs-st-dialog-icon").inner_text() == "🔧"
        rect = box.bounding_box()
        assert abs(rect["x"] + rect["width"] - 1200) <= 2 and rect["height"] >= 790
        assert round(rect["width"]) == 500
        edge = box.locator(".nbs-st-dialog-edge")
        edge_box = edge.bounding_box()
        page.mouse.move(edge_box["x"] + 2, edge_box["y"] + 100)
        page.mouse.down()
        page.mouse.move(edge_box["x"] - 98, edge_box["y"] + 100, steps=5)
        page.mouse.up()
        assert round(box.bounding_box()["width"]) == 600
    finally:
        close_page(page)
