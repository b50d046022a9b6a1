"""Click a page link -> the new page drawn, in headless Chromium: nbstream in Voila beside
`streamlit run` of the same two-page app, in this one run.

    python benchmarks/page_switch.py            # 30 switches each
    python benchmarks/page_switch.py --quick    # 10

Each switch is timed in the page: from the link's click() to the DOM showing the other
page's text with the first page's gone (median; switches 250 ms apart).  Streamlit is run
from `STREAMLIT_PYTHON`, else /tmp/st-venv, else this interpreter if it imports streamlit.
A benchmark, not a test: it prints figures and exits 0.  Target: at most half of Streamlit's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from e2e_helpers import ARGS, CHROMIUM, start_voila, write_app  # noqa: E402
from streamlit_server import streamlit_python, streamlit_server  # noqa: E402

APP = """
def page_a():
    st.write("Showing page A")
    st.page_link(b, label="Go to B")

def page_b():
    st.write("Showing page B")
    st.page_link(a, label="Go to A")

a = st.Page(page_a, title="A")
b = st.Page(page_b, title="B")
st.navigation([a, b]).run()
"""

SWITCHES_JS = """
async ([n, scope, gap]) => {
  const root = () => document.querySelector(scope) || document.body;
  const text = () => root().textContent;
  const showing = () => (text().match(/Showing page ([AB])/) || [])[1];
  const link = (label) => [...root().querySelectorAll("a")].find((a) => a.textContent.trim() === label);
  const times = [];
  for (let i = 0; i < n; i++) {
    const now = showing();
    const next = now === "A" ? "B" : "A";
    const done = () => text().includes(`Showing page ${next}`) && !text().includes(`Showing page ${now}`);
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (done()) { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(root(), { subtree: true, childList: true, characterData: true });
    });
    const t0 = performance.now();
    link(`Go to ${next}`).click();
    times.push((await shown) - t0);
    await new Promise((r) => setTimeout(r, gap));
  }
  return times;
}
"""


def switches(browser, url: str, scope: str, n: int) -> float:
    page = browser.new_context().new_page()
    page.goto(url)
    page.wait_for_function(
        "() => document.body && document.body.textContent.includes('Showing page A')", timeout=120_000
    )
    page.wait_for_timeout(500)
    page.evaluate(SWITCHES_JS, [4, scope, 100])  # warm up
    times = page.evaluate(SWITCHES_JS, [n, scope, 250])
    page.goto("about:blank")
    page.wait_for_timeout(1000)
    page.context.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    n = 10 if parser.parse_args().quick else 30

    from playwright.sync_api import sync_playwright

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work = Path(tmp)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        apps = work / "apps"
        apps.mkdir()
        write_app(apps, "pages", APP)
        voila = start_voila(apps, work)
        try:
            results["voila page switch"] = switches(
                browser, f"{voila.url}voila/render/pages.ipynb", ".nbs-main", n
            )
        finally:
            voila.stop()
        python = streamlit_python()
        if python:
            with streamlit_server(work, python, APP, name="streamlit_pages.py") as url:
                results["streamlit page switch"] = switches(browser, url, "body", n)
        browser.close()

    print(f"Click a page link -> the other page drawn (median of {n}), ms")
    for name, value in results.items():
        print(f"  {name:<28} {value:8.1f} ms")
    if "streamlit page switch" in results:
        ratio = results["voila page switch"] / results["streamlit page switch"]
        print(f"Ratio nbstream / Streamlit: {ratio:.2f} (target <= 0.5)")
    else:
        print("(streamlit not installed: no ratio)")


if __name__ == "__main__":
    main()
