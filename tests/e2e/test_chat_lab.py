"""Chat in JupyterLab: the main area's chat_input is pinned at the bottom of the app's
output -- after every message even when the script calls it first, inside the app (the
next cell's output stays below it), and stuck to the bottom of the notebook's view
while the app is taller than that view, with the messages scrolling above it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import SHOWN, Server, current, open_lab, run_notebook, start_lab, write_app

CHAT = """
prompt = st.chat_input("Ask me")
for i in range(30):
    with st.chat_message("assistant" if i % 2 else "user"):
        st.write(f"Message {i}")
if prompt:
    with st.chat_message("user"):
        st.write(f"You said {prompt}")
"""


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    root.mkdir()
    write_app(root, "chat", CHAT, cells=["print('the next cell')"])
    server = start_lab(root, workdir)
    yield server
    server.stop()


def rect(locator) -> dict:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }"
    )


def test_the_chat_input_is_pinned_at_the_bottom_of_the_apps_output(chromium, lab):
    page = open_lab(chromium, lab)
    try:
        run_notebook(page, "chat")
        current(page, ".nbs-main [data-kind=chat_message]").nth(29).wait_for(timeout=30_000)
        current(page, ".jp-OutputArea-output:has-text('the next cell')").wait_for(timeout=30_000)
        chat = current(page, ".nbs-bottom .nbs-chat-input--bottom")  # the main area's input goes to st.bottom
        app = current(page, ".nbs-app").first
        last_message = current(page, ".nbs-main [data-kind=chat_message]").nth(29)
        next_cell = current(page, ".jp-OutputArea-output:has-text('the next cell')")
        scroller = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"

        # At the end of the app's output: below the last message, inside the app, above the next cell.
        page.evaluate(
            f"() => {{ const s = document.querySelector('{scroller}'); s.scrollTop = s.scrollHeight; }}"
        )
        page.wait_for_timeout(300)
        assert rect(chat)["top"] >= rect(last_message)["bottom"] - 1
        assert rect(chat)["bottom"] <= rect(app)["bottom"] + 1
        assert rect(next_cell)["top"] >= rect(chat)["bottom"] - 1

        # Scrolled up into the app (taller than the view): the input sticks to the bottom
        # of the notebook's view, over the messages, instead of scrolling away with them.
        view = page.evaluate(
            f"() => {{ const r = document.querySelector('{scroller}').getBoundingClientRect(); return {{top: r.top, bottom: r.bottom}}; }}"
        )
        app_top = page.evaluate(
            f"() => document.querySelector('{SHOWN}').getBoundingClientRect().top"
            f" - document.querySelector('{scroller}').getBoundingClientRect().top"
            f" + document.querySelector('{scroller}').scrollTop"
        )
        page.evaluate(f"t => {{ document.querySelector('{scroller}').scrollTop = t; }}", app_top + 200)
        page.wait_for_timeout(300)
        assert rect(app)["bottom"] > view["bottom"] + 100, "the app should overflow the view for this test"
        pinned = rect(chat)
        assert view["bottom"] - 150 < pinned["bottom"] <= view["bottom"] + 1, (pinned, view)
        assert rect(last_message)["top"] > pinned["bottom"], "the last message should be below, scrolled out"

        # And it works there: a message sent from the pinned box arrives.
        box = current(page, ".nbs-bottom textarea[aria-label='Ask me']")
        box.click()
        box.type("hello lab")
        box.press("Enter")
        current(page, ".nbs-main [data-kind=chat_message]:has-text('You said hello lab')").wait_for(
            timeout=30_000
        )
        assert box.input_value() == ""
    finally:
        page.context.close()
