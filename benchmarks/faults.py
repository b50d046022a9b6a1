"""When things go wrong: how fast the app answers, in Voila beside `streamlit run`.

    python benchmarks/faults.py            # 5 rounds of each
    python benchmarks/faults.py --rounds 3

Two figures, for the same script under nbstream (Voila) and Streamlit, in this one run:

* **click during a loop**: a "Start monitoring" button starts a run that loops forever
  (updating an `st.empty()` every 0.1 s); 2 s later another button is clicked: the time
  from that click to its answer on the page.
* **answer after a 6 s cut**: every connection of the page goes through a loopback TCP
  proxy, which drops them all and refuses new ones for 6 s; when the network is back,
  the button is clicked as soon as the page lets it be: the time from the network's
  return to the click's answer on the page.

Streamlit is run from the `STREAMLIT_PYTHON` interpreter, else /tmp/st-venv (as
browser_latency.py).  A benchmark, not a test: it prints medians and exits 0.
Targets: at most Streamlit's on both.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from e2e_helpers import ARGS, CHROMIUM, CuttableProxy, start_voila, write_app  # noqa: E402
from streamlit_server import streamlit_python, streamlit_server  # noqa: E402

APP = """
import time
if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Add"):
    st.session_state.count += 1
st.write(f"Count: {st.session_state.count}")
if st.button("Other"):
    st.write(f"Other answered {time.time_ns()}")
if st.button("Start monitoring"):
    slot = st.empty()
    n = 0
    while True:
        n += 1
        slot.write(f"tick {n}")
        time.sleep(0.1)
"""

# In the page: click the button labelled `label` once it is enabled; resolve with the
# ms from `since` (performance.now()) until `pattern` matches text that differs from before.
CLICK_JS = """
async ([label, pattern, since]) => {
  const text = () => document.body.innerText;
  const re = new RegExp(pattern);
  const before = (text().match(re) || [""])[0];
  const button = () => [...document.querySelectorAll("button")].find((b) => b.innerText.trim() === label);
  for (;;) {
    const b = button();
    if (b && !b.disabled) { b.click(); break; }
    await new Promise((r) => setTimeout(r, 20));
  }
  for (;;) {
    const m = text().match(re);
    if (m && m[0] !== before) return performance.now() - (since ?? 0);
    await new Promise((r) => setTimeout(r, 5));
  }
}
"""


def click_during_loop(page) -> float:
    page.evaluate(CLICK_JS, ["Start monitoring", r"tick \d+", None])
    time.sleep(2.0)
    start = page.evaluate("() => performance.now()")
    return page.evaluate(CLICK_JS, ["Other", r"Other answered \d+", start])


def answer_after_cut(page, proxy: CuttableProxy) -> float:
    page.evaluate(CLICK_JS, ["Add", r"Count: \d+", None])
    proxy.cut(6.0)
    time.sleep(6.0)
    start = page.evaluate("() => performance.now()")
    return page.evaluate(CLICK_JS, ["Add", r"Count: \d+", start])


def measure(browser, url: str, rounds: int, proxy: CuttableProxy) -> dict[str, float]:
    loops, cuts = [], []
    for _ in range(rounds):
        page = browser.new_context().new_page()
        page.goto(url)
        page.wait_for_function("() => /Count: \\d+/.test(document.body.innerText)", timeout=90_000)
        time.sleep(1.0)
        loops.append(click_during_loop(page))
        cuts.append(answer_after_cut(page, proxy))
        page.goto("about:blank")
        time.sleep(1.0)
        page.context.close()
    return {
        "click during a loop": statistics.median(loops),
        "answer after a 6 s cut": statistics.median(cuts),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work = Path(tmp)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        apps = work / "apps"
        apps.mkdir()
        write_app(apps, "faults", APP)
        voila = start_voila(apps, work)
        proxy = CuttableProxy(voila.port)
        try:
            results["nbstream (Voila)"] = measure(
                browser, f"{proxy.url}voila/render/faults.ipynb", args.rounds, proxy
            )
        finally:
            proxy.close()
            voila.stop()
        python = streamlit_python()
        if python:
            with streamlit_server(work, python, APP) as url:
                port = int(re.search(r":(\d+)/", url).group(1))
                proxy = CuttableProxy(port)
                try:
                    results["Streamlit"] = measure(browser, proxy.url, args.rounds, proxy)
                finally:
                    proxy.close()
        browser.close()
    for name, figures in results.items():
        print(name)
        for what, ms in figures.items():
            print(f"  {what:<24} {ms:8.0f} ms")
    if "Streamlit" in results:
        for what in results["Streamlit"]:
            ratio = results["nbstream (Voila)"][what] / results["Streamlit"][what]
            print(f"{what}: nbstream / Streamlit = {ratio:.2f}")
    else:
        print("(streamlit not installed: no comparison)")


if __name__ == "__main__":
    main()
