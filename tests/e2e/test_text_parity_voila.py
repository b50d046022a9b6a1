"""Streamlit 1.67's arguments of the text group, in a real browser over Voila: one-line
text truncates with an ellipsis, alignment and pixel widths, heading icons, code height,
alert titles, status/expander types, toast durations, st.html's scripts and
st.write_stream's cursor."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

VIEWPORT = {"width": 1100, "height": 900}
LONG = "A sentence that goes on " * 20

LOOKS = f"""
st.markdown("{LONG}", wrap=False, help="more")
st.markdown("Centered words", text_alignment="center", width=400)
st.caption("Right", text_alignment="right")
st.title("Fire", icon="🔥")
st.header("{LONG}", wrap=False)
st.divider(width=120)
st.code("\\n".join(f"line {{i}}" for i in range(40)), height=100)
st.error("The body", title="A *title*", width=300)
with st.expander("Compact one", type="compact"):
    st.write("inside compact")
with st.status("Step one", type="step", expanded=True):
    st.write("did one")
with st.status("Step two", type="step"):
    st.write("did two")
st.html("<div id='safe-html'>safe</div><script>document.body.dataset.safeRan = '1'</script>")
st.html("<div id='js-html'>js</div><script>document.body.dataset.jsRan = '1'</script>",
        unsafe_allow_javascript=True)
with st.container(horizontal=True):
    st.popover("{LONG}", wrap=False)
with st.container(horizontal=True, key="row"):
    st.info("stretches")
    st.warning("fixed", width=200)
st.toast("forever", duration="infinite")
st.toast("brief", duration=1)
st.write("LOOKS READY")
"""

STREAM = """
import time

def words():
    for w in ["Once ", "upon ", "a ", "time"]:
        time.sleep(0.8)
        yield w

if st.button("Go"):
    text = st.write_stream(words, cursor="▌")
    st.write(f"DONE: {text}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "looks", LOOKS)
    write_app(apps, "stream", STREAM)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def box(page, selector: str) -> dict:
    return page.evaluate(
        """(sel) => {
            const el = document.querySelector(sel);
            const r = el.getBoundingClientRect();
            const cs = getComputedStyle(el);
            return {width: r.width, height: r.height, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth,
                    scrollHeight: el.scrollHeight, clientHeight: el.clientHeight,
                    textOverflow: cs.textOverflow, whiteSpace: cs.whiteSpace, textAlign: cs.textAlign,
                    fontWeight: cs.fontWeight, borderTopWidth: cs.borderTopWidth};
        }""",
        selector,
    )


def test_the_layout_arguments_show(chromium, voila, workdir):
    page = open_voila_app(chromium, voila.url, "looks", viewport=VIEWPORT)
    try:
        wait_text(page, "LOOKS READY")
        md = '[data-kind="markdown"]'
        one_line = box(page, f"{md}:nth-child(1) .nbs-markdown-body")
        assert one_line["whiteSpace"] == "nowrap" and one_line["textOverflow"] == "ellipsis"
        assert one_line["scrollWidth"] > one_line["clientWidth"]  # truncated, not wrapped
        assert one_line["height"] < 40
        centered = box(page, f"{md}:nth-child(2)")
        assert centered["width"] == pytest.approx(400, abs=1)
        assert box(page, f"{md}:nth-child(2) .nbs-markdown-body")["textAlign"] == "center"
        assert box(page, '[data-kind="caption"] .nbs-markdown-body')["textAlign"] == "right"

        icon = page.locator('[data-kind="title"] h1 > .nbs-heading-icon')
        assert icon.text_content() == "🔥"
        assert page.locator('[data-kind="title"] h1').get_attribute("id") == "fire"
        header = box(page, '[data-kind="header"] .nbs-heading-text')
        assert header["textOverflow"] == "ellipsis" and header["scrollWidth"] > header["clientWidth"]

        assert box(page, '[data-kind="divider"]')["width"] == pytest.approx(120, abs=1)
        code = box(page, '[data-kind="code"] .nbs-code-block')
        assert code["height"] <= 101 and code["scrollHeight"] > code["clientHeight"]

        assert box(page, '[data-kind="error"]')["width"] == pytest.approx(300, abs=1)
        title = page.locator('[data-kind="error"] .nbs-alert-title')
        assert (
            title.inner_text() == "A title"
            and int(box(page, '[data-kind="error"] .nbs-alert-title')["fontWeight"]) >= 600
        )

        assert box(page, '[data-kind="expander"][data-type="compact"]')["borderTopWidth"] == "0px"
        steps = page.locator('[data-kind="status"][data-type="step"]')
        assert steps.count() == 2
        line = page.evaluate(
            "() => getComputedStyle(document.querySelector('[data-kind=\"status\"][data-type=\"step\"]'), '::after').content"
        )
        assert line == '""'  # the first step draws the line down to the next

        assert page.locator("#safe-html").text_content() == "safe"
        assert page.locator("#js-html").text_content() == "js"
        ran = page.evaluate(
            "() => [document.body.dataset.safeRan ?? null, document.body.dataset.jsRan ?? null]"
        )
        assert ran == [None, "1"]

        row = box(page, ".st-key-row")
        stretched, fixed = (
            box(page, '.st-key-row [data-kind="info"]'),
            box(page, '.st-key-row [data-kind="warning"]'),
        )
        assert fixed["width"] == pytest.approx(200, abs=1)
        assert stretched["width"] > row["width"] - 200 - 60  # the rest of the row, less the gap

        label = box(page, '[data-kind="popover"] .nbs-button-label')
        assert label["whiteSpace"] == "nowrap" and label["scrollWidth"] > label["clientWidth"]

        time.sleep(5)  # past "short" (4 s) and 1 s
        toasts = page.evaluate(
            "() => [...document.querySelectorAll('.nbs-toast')].map(t => [t.textContent.trim(), t.classList.contains('nbs-toast--gone')])"
        )
        assert ["forever", False] in [[text.replace("close", "").strip(), gone] for text, gone in toasts]
        assert ["brief", True] in [[text.replace("close", "").strip(), gone] for text, gone in toasts]
        page.screenshot(path=str(workdir / "text-parity.png"), full_page=True)
    finally:
        close_page(page)


def test_write_stream_shows_its_cursor_until_the_text_is_complete(chromium, voila):
    page = open_voila_app(chromium, voila.url, "stream", viewport=VIEWPORT)
    try:
        page.click("button:has-text('Go')")
        page.wait_for_selector(".nbs-stream-cursor", timeout=30_000)
        assert page.locator(".nbs-stream-cursor").first.text_content() == "▌"
        wait_text(page, "DONE: Once upon a time", timeout=30_000)
        assert page.locator(".nbs-stream-cursor").count() == 0
        assert "Once upon a time" in page.locator('[data-kind="markdown"]').first.inner_text()
    finally:
        close_page(page)
