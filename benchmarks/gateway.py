"""`nbstream serve --gateway-url` beside `nbstream serve` with local kernels, same run:
click -> text latency and a new tab's first paint, plus a large image (inline through
the gateway, by URL locally).

    python benchmarks/gateway.py            # 20 clicks, 5 fresh tabs
    python benchmarks/gateway.py --quick    # 10 clicks, 3 fresh tabs

A real Jupyter Enterprise Gateway on 127.0.0.1 (its local process launcher, from
.venv-gateway or NBSTREAM_GATEWAY_VENV, as the browser tests start it) runs the kernel of
one server; the other server starts its kernel itself.  Both serve the counter app of
browser_latency.py to Chromium: click -> text is measured in the page (CLICKS_JS, paced
and rapid clicks, one tab alone and one of 10 open tabs), first paint is navigation -> the
count on screen in a fresh tab of a warm server (median), and the image is a 3 MB PNG of
noise (navigation -> the image decoded).  Here the gateway is on the same machine, so the
figures are the cost of the gateway's hop (its websocket relay and JSON re-encoding), not
of a network.  A benchmark, not a test: it prints figures and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser_latency import APP, GAPS, first_render, med  # noqa: E402
from e2e_helpers import ARGS, CHROMIUM, Server, free_port  # noqa: E402
from serve import Results, clicks_among, open_tabs  # noqa: E402

from tests.gateway_server import Gateway, gateway_binary  # noqa: E402

IMAGE = """
if st.query_params.get("image"):
    import numpy as np
    st.image(np.random.default_rng(7).integers(0, 255, (1000, 1000, 3), dtype=np.uint8))
"""

IMAGE_JS = """() => { const i = document.querySelector('.nbs-main img');
  return i && i.complete && i.naturalWidth === 1000 }"""


def start(folder: Path, home: Path, gateway: Gateway | None) -> Server:
    script = folder / "app.py"
    script.write_text("import nbstream as st\n" + APP + IMAGE)
    port = free_port()
    argv = [sys.executable, "-m", "nbstream.cli", "serve", str(script), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true"]  # fmt: skip
    env = {}
    if gateway is not None:
        argv += ["--gateway-url", gateway.url]
        env = gateway.client_env()
    return Server(argv, home, "nbstream/static/manifest.json", port, extra_env=env)


def image_paint(browser, url: str, loads: int) -> float:
    """Median ms from navigation to the large image decoded, over fresh tabs."""
    context = browser.new_context()
    times = []
    try:
        for _ in range(loads):
            page = context.new_page()
            began = time.perf_counter()
            page.goto(f"{url}?image=1")
            page.wait_for_function(IMAGE_JS, timeout=120_000)
            times.append((time.perf_counter() - began) * 1000)
            page.close()
    finally:
        context.close()
    return med(times)


def measure(browser, name: str, served: Server, n: int, loads: int, results: Results) -> None:
    open_tabs(browser.new_context(), served.url, [], 1)  # warm: the bundle cached, a run done
    results[f"{name}: first paint (warm)"] = f"{med(first_render(browser, served.url, loads)[0]):8.1f} ms"
    for others in (0, 9):
        for pace, value in clicks_among(browser, served.url, ".nbs-main", others, n).items():
            results[f"{name}: click ({pace}), {others + 1} tab(s)"] = f"{value:8.1f} ms"
    results[f"{name}: 3 MB image painted"] = f"{image_paint(browser, served.url, loads):8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n, loads = (10, 3) if args.quick else (20, 5)
    binary = gateway_binary()
    if binary is None:
        print("no Jupyter Enterprise Gateway (.venv-gateway; run .ci/run or set NBSTREAM_GATEWAY_VENV)")
        return

    from playwright.sync_api import sync_playwright

    results = Results()
    print(f"nbstream serve, kernels through a gateway vs local (clicks: median of {n}, {', '.join(GAPS)})")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work = Path(tmp)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        gateway = Gateway(binary)
        try:
            for name, through in (("local kernel", None), ("gateway kernel", gateway)):
                folder = work / name.replace(" ", "-")
                folder.mkdir()
                began = time.perf_counter()
                served = start(folder, folder, through)
                try:
                    open_tabs(browser.new_context(), served.url, [], 1)
                    results[f"{name}: server start -> first count"] = (
                        f"{(time.perf_counter() - began) * 1000:8.1f} ms"
                    )
                    measure(browser, name, served, n, loads, results)
                finally:
                    served.stop()
        finally:
            gateway.stop()
            browser.close()


if __name__ == "__main__":
    main()
