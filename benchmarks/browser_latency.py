"""Click -> updated text, and time to first render, in headless Chromium.

    python benchmarks/browser_latency.py            # Voila, JupyterLab and Streamlit
    python benchmarks/browser_latency.py --quick    # fewer clicks and page loads
    python benchmarks/browser_latency.py --no-lab   # skip JupyterLab (slow to start)

The same counter app runs as an nbstream notebook in Voila (the bundle as a cached
static file, and inline in the widget state), in JupyterLab (with and without the
TCP_NODELAY server extension), and -- when `streamlit` is installed -- under
`streamlit run`, all in this one run.  Click -> update is measured in the page: from
`button.click()` to the DOM showing the new count (median of 30), with clicks 250 ms
apart (a person's pace) and 30 ms apart (a burst: small websocket messages then meet
Nagle's algorithm and delayed ACKs, which nbstream's TCP_NODELAY setting removes).  First render is
navigation start -> the count on screen (median of several fresh tabs; in Voila that
includes starting the tab's kernel, running the notebook and loading Voila's own page
code), and for Voila the app's own share: from the page's first widget output to the
count (loading nbstream's front end and drawing).

Streamlit is run from the `STREAMLIT_PYTHON` interpreter, else /tmp/st-venv, else this
one if it can import streamlit.  A benchmark, not a test: it prints figures and exits 0.
Target: click -> update at most half of Streamlit's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from e2e_helpers import ARGS, CHROMIUM, Server, start_lab, start_voila, write_app  # noqa: E402
from streamlit_server import streamlit_python, streamlit_server  # noqa: E402

APP = """
if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Click me"):
    st.session_state.count += 1
st.write(f"Count: {st.session_state.count}")
"""

# In the page: click the button n times, `gap` ms apart; each time, the ms until the count shows + 1.
CLICKS_JS = """
async ([n, scope, gap]) => {
  const root = () => document.querySelector(scope) || document.body;
  const count = () => { const m = root().textContent.match(/Count: (\\d+)/); return m ? Number(m[1]) : null; };
  const button = () => [...root().querySelectorAll("button")].find((b) => b.textContent.trim() === "Click me");
  const times = [];
  for (let i = 0; i < n; i++) {
    const before = count();
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (count() === before + 1) { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(root(), { subtree: true, childList: true, characterData: true });
    });
    const t0 = performance.now();
    button().click();
    times.push((await shown) - t0);
    await new Promise((r) => setTimeout(r, gap));
  }
  return times;
}
"""

# Installed before the page loads: note when "Count: 0" first appears, and (Voila) when
# the page starts drawing widget outputs, so the front end's own share shows.
FIRST_RENDER_JS = """
new MutationObserver((_, observer) => {
  if (window.__outputAt === undefined && document.querySelector(".jp-OutputArea-output")) {
    window.__outputAt = performance.now();
  }
  if (document.body && document.body.textContent.includes("Count: 0")) {
    window.__firstRender = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


GAPS = {"paced": 250, "rapid": 30}  # ms between clicks: a person's pace, and a burst


def click_series(page, scope: str, n: int) -> dict[str, float]:
    page.evaluate(CLICKS_JS, [3, scope, 100])  # warm up
    return {name: med(page.evaluate(CLICKS_JS, [n, scope, gap])) for name, gap in GAPS.items()}


def clicks(browser, url: str, scope: str, n: int, ready: str) -> dict[str, float]:
    page = browser.new_context().new_page()
    page.goto(url)
    page.wait_for_function(
        "t => document.body && document.body.textContent.includes(t)", arg=ready, timeout=120_000
    )
    page.wait_for_timeout(500)
    times = click_series(page, scope, n)
    page.goto("about:blank")
    page.wait_for_timeout(1000)
    page.context.close()
    return times


def first_render(browser, url: str, loads: int, pause: float = 0) -> tuple[list[float], list[float]]:
    """ms from navigation to the count on screen, over fresh tabs (one browser cache), and
    ms from the page's first widget output to the count (the app's own start)."""
    context = browser.new_context()
    times, own = [], []
    for _ in range(loads):
        time.sleep(pause)
        page = context.new_page()
        page.add_init_script(FIRST_RENDER_JS)
        page.goto(url)
        page.wait_for_function("() => window.__firstRender !== undefined", timeout=120_000)
        first, output = page.evaluate("() => [window.__firstRender, window.__outputAt]")
        times.append(first)
        if output is not None:
            own.append(first - output)
        page.goto("about:blank")
        page.wait_for_timeout(1000)
        page.close()
    context.close()
    return times, own


def lab_clicks(browser, lab: Server, n: int) -> dict[str, float]:
    page = browser.new_context(viewport={"width": 1300, "height": 1000}).new_page()
    page.goto(f"{lab.url}lab/tree/bench.ipynb?reset")
    page.wait_for_function(
        "() => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'",
        timeout=180_000,
    )
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        "() => (document.querySelector('.nbs-main')?.textContent || '').includes('Count: 0')", timeout=120_000
    )
    page.wait_for_timeout(500)
    times = click_series(page, ".nbs-main", n)
    page.context.close()
    return times


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-lab", action="store_true")
    args = parser.parse_args()
    n, loads = (10, 3) if args.quick else (30, 5)

    from playwright.sync_api import sync_playwright

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work = Path(tmp)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        apps = work / "apps"
        apps.mkdir()
        write_app(apps, "bench", APP)

        for mode in ("static", "inline", "preheated"):
            os.environ["NBSTREAM_ESM"] = "inline" if mode == "inline" else "static"
            home = work / f"voila-{mode}"
            home.mkdir()
            extra = ["--preheat_kernel=True", "--pool_size=1"] if mode == "preheated" else []
            voila = start_voila(apps / "bench.ipynb" if extra else apps, home, extra)
            try:
                url = voila.url if extra else f"{voila.url}voila/render/bench.ipynb"
                if mode == "static":
                    for pace, value in clicks(browser, url, ".nbs-main", n, "Count: 0").items():
                        results[f"voila click ({pace})"] = value
                # A preheated pool refills in the background: give it time between tabs.
                total, own = first_render(browser, url, loads, pause=6 if extra else 0)
                results[f"voila first render ({mode})"] = med(total)
                results[f"  of which the app's start ({mode})"] = med(own)
            finally:
                voila.stop()
        os.environ.pop("NBSTREAM_ESM", None)

        if not args.no_lab:
            for nodelay in (True, False):
                home = work / f"lab-{nodelay}"
                home.mkdir()
                os.environ["NBSTREAM_TCP_NODELAY"] = "1" if nodelay else "0"
                lab = start_lab(apps, home)
                os.environ.pop("NBSTREAM_TCP_NODELAY")
                try:
                    label = "lab click" if nodelay else "lab click, TCP_NODELAY off"
                    for pace, value in lab_clicks(browser, lab, n).items():
                        results[f"{label} ({pace})"] = value
                finally:
                    lab.stop()

        python = streamlit_python()
        if python:
            with streamlit_server(work, python, APP) as url:
                for pace, value in clicks(browser, url, "body", n, "Count: 0").items():
                    results[f"streamlit click ({pace})"] = value
                results["streamlit first render"] = med(first_render(browser, url, loads)[0])
        browser.close()

    print(f"Click -> updated text (median of {n}; paced: clicks 250 ms apart, rapid: 30 ms apart)")
    print(f"and first render (median of {loads} tabs), ms")
    for name, value in results.items():
        print(f"  {name:<40} {value:8.1f} ms")
    if "streamlit click (paced)" in results:
        print("Ratios, nbstream / Streamlit (click target: <= 0.5)")
        for pace in GAPS:
            st_click = results[f"streamlit click ({pace})"]
            for name in (f"voila click ({pace})", f"lab click ({pace})"):
                if name in results:
                    print(f"  {name:<40} {results[name] / st_click:8.2f}")
        st_first = results["streamlit first render"]
        for name in (
            "voila first render (static)",
            "voila first render (inline)",
            "voila first render (preheated)",
        ):
            print(f"  {name:<40} {results[name] / st_first:8.2f}")
    else:
        print("(streamlit not installed: no ratios)")


if __name__ == "__main__":
    main()
