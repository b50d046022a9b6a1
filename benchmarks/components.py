"""Custom components and embedded Jupyter widgets: input -> updated text, in headless Chromium.

    python benchmarks/components.py            # 30 interactions each
    python benchmarks/components.py --quick    # 10

1. A declared component (``declare_component(path=...)``, Streamlit's protocol) that
   sends a value back (``setComponentValue``) -> the app's text shows it: the same
   script and the same component folder in Voila and under ``streamlit run``, in this
   one run.  The page asks the frame to send (a postMessage the component answers), so
   both servers are timed the same way: from that request to the text on screen.
2. An ipywidgets IntSlider embedded with ``st.widget``, moved with the arrow key -> the
   app reruns and its text shows the value; beside a plain ``st.slider`` moved the same
   way in the same app (Voila).  Timed in the page from the key press to the text.

Streamlit is run from the `STREAMLIT_PYTHON` interpreter, else /tmp/st-venv, else this
one if it can import streamlit.  A benchmark, not a test: it prints figures and exits 0.
Target: component round trip at most half of Streamlit's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from e2e_helpers import ARGS, CHROMIUM, start_voila, write_app  # noqa: E402
from streamlit_server import streamlit_python, streamlit_server  # noqa: E402

COMPONENT_HTML = """<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<p id="n">ready</p>
<script>
const post = (type, data) => parent.postMessage(Object.assign({ isStreamlitMessage: true, type }, data), "*");
let count = 0;
window.addEventListener("message", (ev) => {
  if (ev.data && ev.data.type === "streamlit:render") post("streamlit:setFrameHeight", { height: 40 });
  if (ev.data && ev.data.bench === "send") post("streamlit:setComponentValue", { value: ++count, dataType: "json" });
});
post("streamlit:componentReady", { apiVersion: 1 });
</script></body></html>
"""

COMPONENT_APP = """
import streamlit.components.v1 as components
bench = components.declare_component("bench", path={path!r})
value = bench(default=0, key="bench")
st.write(f"Value: {{value}}")
"""

SLIDERS_APP = """
import ipywidgets
w = st.widget(ipywidgets.IntSlider(value=0, max=1000, description="Embedded"), key="embedded")
st.write(f"Embedded: {w.value}")
plain = st.slider("Plain", 0, 1000, 0)
st.write(f"Plain: {plain}")
"""

# In the page: ask the component's frame to send n values; each time, the ms until the text shows it.
COMPONENT_JS = """
async ([n, gap]) => {
  const frame = () => document.querySelector("iframe");
  const value = () => { const m = document.body.textContent.match(/Value: (\\d+)/); return m ? Number(m[1]) : null; };
  const times = [];
  for (let i = 0; i < n; i++) {
    const before = value();
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (value() === before + 1) { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const t0 = performance.now();
    frame().contentWindow.postMessage({ bench: "send" }, "*");
    times.push((await shown) - t0);
    await new Promise((r) => setTimeout(r, gap));
  }
  return times;
}
"""

# Armed before a key press: resolves with the ms from the key down to `label: value` on screen.
ARM_JS = """
([label, want]) => {
  window.__shown = new Promise((resolve) => {
    let t0 = null;
    addEventListener("keydown", () => { if (t0 === null) t0 = performance.now(); }, { capture: true, once: true });
    const seen = () => (document.querySelector(".nbs-main")?.textContent || "").includes(`${label}: ${want}`);
    const observer = new MutationObserver(() => {
      if (t0 !== null && seen()) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
"""


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def component_clicks(browser, url: str, n: int) -> float:
    page = browser.new_context().new_page()
    page.goto(url)
    page.wait_for_function(
        "() => document.body && document.body.textContent.includes('Value: 0')", timeout=120_000
    )
    page.wait_for_function("() => !!document.querySelector('iframe')", timeout=60_000)
    page.wait_for_timeout(1500)  # the frame has loaded and announced itself
    page.evaluate(COMPONENT_JS, [3, 100])  # warm up
    times = page.evaluate(COMPONENT_JS, [n, 250])
    page.context.close()
    return med(times)


def slider_moves(page, handle, label: str, start: int, n: int) -> float:
    handle.focus()
    times = []
    for i in range(1, n + 1):
        page.evaluate(ARM_JS, [label, start + i])
        page.keyboard.press("ArrowRight")
        times.append(page.evaluate("() => window.__shown"))
        page.wait_for_timeout(250)
    return med(times)


def sliders(browser, url: str, n: int) -> dict[str, float]:
    page = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
    page.goto(url)
    page.wait_for_function(
        "() => (document.querySelector('.nbs-main')?.textContent || '').includes('Plain: 0')", timeout=120_000
    )
    embedded = page.locator(".nbs-jupyter-widget").get_by_role("slider")
    embedded.wait_for(timeout=60_000)
    plain = page.get_by_role("slider", name="Plain")
    page.wait_for_timeout(1000)
    out = {
        "st.widget(IntSlider) key -> text": slider_moves(page, embedded, "Embedded", 0, n),
        "st.slider key -> text": slider_moves(page, plain, "Plain", 0, n),
    }
    page.context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 10 if args.quick else 30

    from playwright.sync_api import sync_playwright

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work = Path(tmp)
        build = work / "bench_component"
        build.mkdir()
        (build / "index.html").write_text(COMPONENT_HTML)
        script = COMPONENT_APP.format(path=str(build))
        apps = work / "apps"
        apps.mkdir()
        write_app(apps, "component", script)
        write_app(apps, "sliders", SLIDERS_APP)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        voila = start_voila(apps, work)
        try:
            results["voila component value -> text"] = component_clicks(
                browser, f"{voila.url}voila/render/component.ipynb", n
            )
            results.update(sliders(browser, f"{voila.url}voila/render/sliders.ipynb", n))
        finally:
            voila.stop()
        python = streamlit_python()
        if python:
            with streamlit_server(work, python, script) as url:
                results["streamlit component value -> text"] = component_clicks(browser, url, n)
        browser.close()

    print(f"Input -> updated text (median of {n}, 250 ms apart), ms")
    for name, value in results.items():
        print(f"  {name:<40} {value:8.1f} ms")
    if "streamlit component value -> text" in results:
        ratio = results["voila component value -> text"] / results["streamlit component value -> text"]
        print(f"Component round trip, nbstream / Streamlit: {ratio:.2f} (target <= 0.5)")
    else:
        print("(streamlit not installed: no ratio)")
    embedded, plain = results["st.widget(IntSlider) key -> text"], results["st.slider key -> text"]
    print(f"Embedded ipywidget / plain st.slider: {embedded / plain:.2f}")


if __name__ == "__main__":
    main()
