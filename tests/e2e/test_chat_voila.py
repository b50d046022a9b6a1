"""Chat apps and dialogs in Voila: a message typed and sent with Enter appears with a
streamed answer that grows token by token while the input stays pinned at the bottom
and keeps focus; a dialog opens, takes input and closes with Escape; markup in chat
messages stays text unless the app allows HTML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, app_text, close_page, open_page, start_voila, wait_text, write_app

CHAT = """
import time

def model(prompt):
    for i in range(40):
        time.sleep(0.05)
        yield f"w{i} "

if "messages" not in st.session_state:
    st.session_state.messages = [
        {"role": "assistant", "content": f"Earlier answer {i}. " + "Long text. " * 20} for i in range(8)
    ]
for m in st.session_state.messages:
    with st.chat_message(m["role"]):
        st.markdown(m["content"])
if prompt := st.chat_input("Say something"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        answer = st.write_stream(model(prompt))
    st.session_state.messages.append({"role": "assistant", "content": answer})
"""

DIALOG = """
@st.dialog("Your name")
def ask():
    name = st.text_input("Name")
    st.write(f"Typed: {name}")
    if st.button("Save"):
        st.session_state.name = name
        st.rerun()

if st.button("Open dialog"):
    ask()
st.write(f"Saved: {st.session_state.get('name')}")
"""

XSS = """
payload = '<img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script>'
with st.chat_message("user"):
    st.markdown(payload)
with st.chat_message("assistant"):
    st.write(payload)
    st.markdown("<b class='trusted'>bold</b>", unsafe_allow_html=True)
st.write_stream(iter(["<img src=y ", 'onerror="window.__xss = 3">']))
if prompt := st.chat_input("Type"):
    with st.chat_message("user"):
        st.markdown(prompt)
"""


FILES = """
if prompt := st.chat_input("Ask about a file", accept_file="multiple", file_type=["txt", "csv"]):
    with st.chat_message("user"):
        st.markdown(prompt.text or "(no text)")
        for f in prompt.files:
            st.write(f"File {f.name}: {f.size} bytes, starts {f.read(5)!r}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    for name, script in [("chat", CHAT), ("dialog", DIALOG), ("xss", XSS), ("files", FILES)]:
        write_app(apps, name, script)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str):
    # An app of only a chat input has it in the bottom area (st.bottom), not in main.
    ready = ".nbs-app :is(.nbs-main, .nbs-bottom-content) > [data-kind]"
    return open_page(chromium, f"{voila.url}voila/render/{name}.ipynb", ready)


def test_a_message_and_its_streamed_answer_with_the_input_pinned_and_focused(chromium, voila):
    page = chromium.new_context(viewport={"width": 1000, "height": 900}).new_page()
    frames: list[str] = []  # what the kernel sends, to see how the tokens travel
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: frames.append(str(data))))
    page.goto(f"{voila.url}voila/render/chat.ipynb")
    page.wait_for_selector(".nbs-app .nbs-main > [data-kind]", timeout=90_000)
    try:
        wait_text(page, "Earlier answer 7")
        box = page.get_by_role("textbox", name="Say something")
        viewport = page.viewport_size["height"]

        def input_bottom() -> float:
            return box.bounding_box()["y"] + box.bounding_box()["height"]

        assert viewport - 120 < input_bottom() <= viewport, (
            "the chat input is not at the bottom of the window"
        )
        box.click()
        box.type("Hello there")
        box.press("Enter")
        wait_text(page, "Hello there")
        assert box.input_value() == ""
        # The answer grows token by token: sample its length while it streams.
        lengths: list[int] = []
        answer = page.locator("[data-kind=chat_message]").last
        for _ in range(60):
            text = answer.inner_text()
            lengths.append(len(text))
            if "w39" in text:
                break
            page.wait_for_timeout(50)
        assert "w39" in answer.inner_text()
        partial = [n for n in lengths if 0 < n < lengths[-1]]
        assert len(set(partial)) >= 3, f"the answer did not appear progressively: {lengths}"
        assert viewport - 120 < input_bottom() <= viewport, (
            "the input left the bottom while the answer streamed"
        )
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Say something"
        assert any('"append"' in f for f in frames), "no token arrived as an append"
        # Another message: history and the new exchange.
        box.type("Second")
        box.press("Enter")
        wait_text(page, "Second")
        page.wait_for_function(
            "() => document.querySelector('.nbs-main').innerText.split('w39').length === 3"
        )
        assert app_text(page).count("Hello there") == 1
    finally:
        close_page(page)


def test_a_dialog_opens_takes_input_and_closes_with_escape(chromium, voila):
    page = open_app(chromium, voila, "dialog")
    try:
        wait_text(page, "Saved: None")
        page.get_by_role("button", name="Open dialog").click()
        dialog = page.get_by_role("dialog", name="Your name")
        dialog.wait_for()
        field = dialog.get_by_role("textbox", name="Name")
        field.fill("Ada")
        field.press("Enter")
        wait_text(page, "Typed: Ada", scope=".nbs-st-dialog")
        dialog.press("Escape")
        dialog.wait_for(state="detached")
        # Opening it again and saving closes it through st.rerun().
        page.get_by_role("button", name="Open dialog").click()
        dialog.wait_for()
        dialog.get_by_role("textbox", name="Name").fill("Grace")
        dialog.get_by_role("textbox", name="Name").press("Enter")
        wait_text(page, "Typed: Grace", scope=".nbs-st-dialog")
        dialog.get_by_role("button", name="Save").click()
        wait_text(page, "Saved: Grace")
        dialog.wait_for(state="detached")
    finally:
        close_page(page)


def test_markup_in_chat_messages_stays_text(chromium, voila):
    page = open_app(chromium, voila, "xss")
    try:
        wait_text(page, "window.__xss = 2")
        box = page.get_by_role("textbox", name="Type")
        box.type('<img src=z onerror="window.__xss = 4">')
        box.press("Enter")
        wait_text(page, "window.__xss = 4")
        page.wait_for_timeout(500)
        assert page.evaluate("window.__xss") is None
        assert page.locator(".nbs-main img").count() == 0
        assert page.locator(".nbs-main script").count() == 0
        assert page.locator(".nbs-main b.trusted").inner_text() == "bold"
    finally:
        close_page(page)


def test_a_message_with_an_attached_file(chromium, voila):
    page = open_app(chromium, voila, "files")
    try:
        box = page.get_by_role("textbox", name="Ask about a file")
        attach = page.get_by_role("button", name="Attach files")
        assert attach.is_visible()
        picker = page.locator(".nbs-chat-input input[type=file]")
        assert picker.get_attribute("accept") == ".txt,.csv"
        # A refused type is shown with its reason and never leaves the browser.
        picker.set_input_files([{"name": "cat.png", "mimeType": "image/png", "buffer": b"png"}])
        page.get_by_text(".png files are not allowed.").wait_for()
        page.get_by_role("button", name="Remove cat.png").click()
        data = b"hello, world\n" * 100
        picker.set_input_files([{"name": "notes.txt", "mimeType": "text/plain", "buffer": data}])
        page.locator(".nbs-chat-input .nbs-upload-file--done[data-name='notes.txt']").wait_for()
        assert "1.3KB" in page.locator(".nbs-chat-input .nbs-upload-file").inner_text()
        box.click()
        box.type("What is in it?")
        box.press("Enter")
        wait_text(page, "What is in it?")
        wait_text(page, f"File notes.txt: {len(data)} bytes, starts b'hello'")
        assert page.locator(".nbs-chat-input .nbs-upload-file").count() == 0, "the attachment was not cleared"
        # Files alone make a message too.
        picker.set_input_files([{"name": "t.csv", "mimeType": "text/csv", "buffer": b"a,b\n1,2\n"}])
        page.locator(".nbs-chat-input .nbs-upload-file--done[data-name='t.csv']").wait_for()
        page.get_by_role("button", name="Send message").click()
        wait_text(page, "File t.csv: 8 bytes, starts b'a,b\\n1'")
    finally:
        close_page(page)
