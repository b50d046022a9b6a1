"""st.write_stream of 2,000 tokens with no delay: bytes sent per token and time to the last token.

    python benchmarks/write_stream.py              # nbstream in Voila, and streamlit run
    python benchmarks/write_stream.py --tokens 500

The same script runs as an nbstream notebook in Voila and -- when `streamlit` is
installed -- under `streamlit run`, in this one run.  In headless Chromium a click on
"Go" streams the tokens; measured in the page's websocket(s): every byte the server sent
from the click until the last token is on screen, divided by the number of tokens, and
the time from the click to the last token drawn.  Streamlit is run from
`STREAMLIT_PYTHON`, else /tmp/st-venv, else this interpreter if it can import it.

Target: at most 3x a token's own length plus 100 bytes per token (nbstream sends each
token as an append to the text shown; Streamlit re-sends the growing message).  A
benchmark, not a test: it prints figures and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from e2e_helpers import ARGS, CHROMIUM, start_voila, write_app  # noqa: E402
from streamlit_server import streamlit_python, streamlit_server  # noqa: E402

APP = """
def tokens(n):
    for i in range(n):
        yield f"tok{{i:04d}} "

if st.button("Go"):
    with st.chat_message("assistant"):
        st.write_stream(tokens({n}))
"""

LAST_JS = """
([scope, last]) => new Promise((resolve) => {
  const root = () => document.querySelector(scope) || document.body;
  const t0 = performance.now();
  const check = () => {
    if (root().textContent.includes(last)) { resolve(performance.now() - t0); return true; }
    return false;
  };
  [...root().querySelectorAll("button")].find((b) => b.textContent.trim() === "Go").click();
  if (check()) return;
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})
"""


def measure(browser, url: str, scope: str, ready: str, n: int) -> tuple[int, float]:
    """(bytes the server sent from the click to the last token, ms until it was drawn)."""
    page = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
    counting = [False]
    received = [0]

    def frame(data: object) -> None:
        if counting[0]:
            received[0] += len(data.encode() if isinstance(data, str) else data)  # type: ignore[arg-type]

    page.on("websocket", lambda ws: ws.on("framereceived", frame))
    page.goto(url)
    page.wait_for_selector(ready, timeout=120_000)
    page.get_by_role("button", name="Go").wait_for(timeout=60_000)
    page.wait_for_timeout(1000)  # let the first render's messages finish
    counting[0] = True
    ms = page.evaluate(LAST_JS, [scope, f"tok{n - 1:04d}"])
    page.wait_for_timeout(500)  # the messages that end the run
    counting[0] = False
    page.goto("about:blank")
    time.sleep(1)
    page.context.close()
    return received[0], ms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=2000)
    n = parser.parse_args().tokens
    script = APP.format(n=n)
    token_chars = sum(len(f"tok{i:04d} ") for i in range(n)) / n
    target = 3 * token_chars + 100
    from playwright.sync_api import sync_playwright

    results: dict[str, tuple[int, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work = Path(tmp)
        apps = work / "apps"
        apps.mkdir()
        write_app(apps, "stream", script)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        server = start_voila(apps, work)
        try:
            url = f"{server.url}voila/render/stream.ipynb"
            results["nbstream (Voila)"] = measure(
                browser, url, ".nbs-main", ".nbs-app .nbs-main > [data-kind]", n
            )
        finally:
            server.stop()
        python = streamlit_python()
        if python:
            with streamlit_server(work, python, script, name="streamlit_stream.py") as url:
                results["streamlit run"] = measure(browser, url, "section.main, .stMain, body", "button", n)
        browser.close()
    print(f"{n} tokens of {token_chars:.1f} characters; target <= {target:.0f} bytes per token")
    for name, (sent, ms) in results.items():
        print(
            f"{name:>18}: {sent / n:10.1f} bytes/token ({sent:,} bytes), last token drawn after {ms:7.0f} ms"
        )
    if "streamlit run" not in results:
        print("(streamlit not installed: nbstream only)")


if __name__ == "__main__":
    main()
