"""The input widgets' Streamlit 1.67 arguments in Voila: a pixel width, an icon in the
field, text_input's validate (a bad value stays out of the app and says why) and live
(a pause in typing reruns the app), required in a form (the submit button is held back
until the field is filled), and time_input's 12-hour format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

INPUTS = """
import datetime
code = st.text_input("Code", validate=(r"^\\d{3}$", "Three digits, please."), icon="🔑", width=220)
st.text(f"code={code!r}")
query = st.text_input("Search", live="150ms", icon=":material/search:")
st.text(f"query={query!r}")
st.number_input("Amount", width=160)
alarm = st.time_input("Alarm", datetime.time(13, 45), format="12h")
st.text(f"alarm={alarm}")
with st.form("signup"):
    name = st.text_input("Name", required=True)
    sent = st.form_submit_button("Sign up")
st.text(f"sent={sent} name={name!r}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "inputs", INPUTS)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


@pytest.fixture
def page(chromium, voila):
    page = open_voila_app(chromium, voila.url, "inputs", viewport={"width": 1000, "height": 900})
    wait_text(page, "sent=False name=''")
    yield page
    close_page(page)


def test_width_and_icons_show(page):
    code = page.locator(".nbs-text-input").first
    assert abs(code.bounding_box()["width"] - 220) < 1
    amount = page.locator(".nbs-number-input")
    assert amount.bounding_box()["width"] == pytest.approx(160, abs=1)
    assert code.locator(".nbs-input-icon").inner_text() == "🔑"
    search = page.locator(".nbs-text-input").nth(1)
    assert search.locator(".nbs-input-icon svg").count() == 1
    assert search.bounding_box()["width"] > 500  # stretch: the container's width


def test_validate_keeps_a_bad_value_out_of_the_app(page):
    field = page.get_by_label("Code")
    field.fill("12")
    field.press("Enter")
    error = page.locator(".nbs-text-input").first.get_by_role("alert")
    assert error.inner_text() == "Three digits, please."
    assert field.get_attribute("aria-invalid") == "true"
    page.wait_for_timeout(300)
    assert "code=''" in page.locator(".nbs-main").inner_text()
    field.fill("123")
    field.press("Enter")
    wait_text(page, "code='123'")
    assert not error.is_visible()


def test_live_commits_after_a_pause_in_typing(page):
    page.get_by_label("Search").press_sequentially("cats", delay=20)
    wait_text(page, "query='cats'")


def test_time_input_shows_12_hours(page):
    wait_text(page, "alarm=13:45:00")
    assert page.get_by_label("Alarm").input_value() == "1:45 PM"


def test_required_holds_back_the_form_until_filled(page):
    page.get_by_role("button", name="Sign up").click()
    form = page.locator(".nbs-form")
    assert form.get_by_role("alert").inner_text() == "This field is required."
    page.wait_for_timeout(300)
    assert "sent=False" in page.locator(".nbs-main").inner_text()
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Sign up").click()
    wait_text(page, "sent=True name='Ada'")
