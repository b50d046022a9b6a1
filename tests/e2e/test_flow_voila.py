"""Forms, fragments, live elements and the shared cache, in Voila: a form reruns only on
submit, a fragment's rerun leaves the rest of the page untouched, a run_every fragment
ticks by itself, a progress bar advances during a long run, and two tabs (two kernels)
share a st.cache_data entry."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, app_text, close_page, open_voila_app, start_voila, wait_text, write_app

FORM = """
st.session_state.runs = st.session_state.get("runs", 0) + 1
st.write(f"Runs: {st.session_state.runs}")
with st.form("order"):
    name = st.text_input("Name")
    level = st.slider("Level", 0, 10, 3)
    sent = st.form_submit_button("Send")
st.write(f"Sent {name} at level {level}: {sent}")
"""

FRAGMENT = """
import time
st.write(f"Page drawn at {time.time_ns()}")
log = st.container()

@st.fragment
def part():
    if st.button("Bump"):
        st.session_state.bumps = st.session_state.get("bumps", 0) + 1
    st.write(f"Bumps: {st.session_state.get('bumps', 0)}")
    log.write("written by the fragment")

part()
"""

TICKER = """
@st.fragment(run_every=0.3)
def ticker():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.write(f"Tick {st.session_state.ticks}")

ticker()
"""

PROGRESS = """
import time
if st.button("Start"):
    bar = st.progress(0, text="0%")
    for step in range(1, 6):
        time.sleep(0.4)
        bar.progress(step * 20, text=f"{step * 20}%")
    st.write("Finished")
"""

CACHED = """
import os

@st.cache_data
def slow_double(x):
    with open(os.environ["NBS_E2E_CALLS"], "a") as f:
        f.write("computed\\n")
    return 2 * x

st.write(f"Result {slow_double(21)}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    for name, script in [("form", FORM), ("fragment", FRAGMENT), ("ticker", TICKER), ("progress", PROGRESS),
                         ("cached", CACHED)]:  # fmt: skip
        write_app(apps, name, script)
    env = {"NBSTREAM_CACHE_DIR": str(workdir / "cache"), "NBS_E2E_CALLS": str(workdir / "calls.txt")}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        server = start_voila(apps, workdir)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str):
    return open_voila_app(chromium, voila.url, name)


def test_a_form_reruns_only_when_submitted(chromium, voila):
    page = open_app(chromium, voila, "form")
    try:
        wait_text(page, "Runs: 1")
        box = page.get_by_role("textbox", name="Name")
        box.fill("Ada")
        box.press("Tab")  # leaving a text input commits it: outside a form that reruns
        slider = page.get_by_role("slider", name="Level")
        slider.focus()
        slider.press("ArrowRight")
        slider.press("ArrowRight")
        page.get_by_role("button", name="Send").click()
        wait_text(page, "Sent Ada at level 5: True")
        assert "Runs: 2" in app_text(page), "the form's changes caused no run of their own"
        box.fill("Grace")
        box.press("Enter")  # Enter in a form's text input submits the form
        wait_text(page, "Sent Grace at level 5: True")
        assert "Runs: 3" in app_text(page)
    finally:
        close_page(page)


def test_a_fragment_rerun_leaves_the_rest_of_the_page_untouched(chromium, voila):
    page = open_app(chromium, voila, "fragment")
    try:
        wait_text(page, "Bumps: 0")
        stamp = page.get_by_text("Page drawn at").inner_text()
        page.get_by_role("button", name="Bump").click()
        wait_text(page, "Bumps: 1")
        page.get_by_role("button", name="Bump").click()
        wait_text(page, "Bumps: 2")
        assert page.get_by_text("Page drawn at").inner_text() == stamp
        # What the fragment writes outside its body accumulates until a full run.
        assert page.get_by_text("written by the fragment").count() == 3
    finally:
        close_page(page)


def test_a_run_every_fragment_ticks_by_itself(chromium, voila):
    page = open_app(chromium, voila, "ticker")
    try:
        wait_text(page, "Tick 4", timeout=20_000)
    finally:
        close_page(page)


def test_a_progress_bar_advances_while_the_run_goes_on(chromium, voila):
    page = open_app(chromium, voila, "progress")
    try:
        page.get_by_role("button", name="Start").click()
        wait_text(page, "40%")
        assert "Finished" not in app_text(page)
        wait_text(page, "Finished")
        assert "100%" in app_text(page)
    finally:
        close_page(page)


def test_two_tabs_share_a_cache_data_entry(chromium, voila, workdir):
    calls = workdir / "calls.txt"
    first = open_app(chromium, voila, "cached")
    try:
        wait_text(first, "Result 42")
        second = open_app(chromium, voila, "cached")
        try:
            wait_text(second, "Result 42")
        finally:
            close_page(second)
    finally:
        close_page(first)
    assert calls.read_text().splitlines() == ["computed"], (
        "the second tab's kernel read the first one's entry"
    )
