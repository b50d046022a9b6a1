"""Uploads and media in headless Chromium: nbstream in Voila beside `streamlit run`.

    python benchmarks/media.py            # a 100 MB upload, and 20 images rerun
    python benchmarks/media.py --mb 20    # a smaller upload

1. Upload: a file of ``--mb`` megabytes through the real file chooser; the time from
   ``set_input_files`` to the app showing the file's size, and the peak resident memory
   above the level before the upload, sampled every 20 ms (psutil) -- of the kernel and
   of the Voila server for nbstream, of the one Streamlit process for Streamlit (its
   script runs in the server).
2. Reruns: an app showing 20 distinct PNG images (256x256 noise, ~190 kB each) and a
   button; clicking it reruns the script with the images unchanged.  Counted: bytes the
   page receives over its websockets during the rerun, and bytes of media fetched over
   HTTP then (Streamlit's images are URLs the browser already holds).  Target: no image
   bytes sent again.

Streamlit runs from ``STREAMLIT_PYTHON``, else /tmp/st-venv, else this interpreter if
it has streamlit (see browser_latency.py).  A benchmark, not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser_latency import streamlit_python, streamlit_server  # noqa: E402
from e2e_helpers import ARGS, CHROMIUM, start_voila, write_app  # noqa: E402

UPLOAD_APP = """
f = st.file_uploader("Any file")
if f is not None:
    st.text(f"Size: {f.size}")
"""

IMAGES_APP = """
import numpy as np
if "runs" not in st.session_state:
    st.session_state.runs = 0
st.session_state.runs += 1
st.button("Rerun")
st.text(f"Runs: {st.session_state.runs}")
rng = np.random.default_rng(7)
for i in range(20):
    st.image(rng.integers(0, 255, (256, 256, 3), dtype=np.uint8), caption=f"Image {i}")
"""

MB = 1024 * 1024


class PeakMemory:
    """The peak resident memory of some processes, above what they held at the start."""

    def __init__(self, pids: Callable[[], list[int]]) -> None:
        self._pids = pids
        self.base = self._rss()
        self.peak = dict(self.base)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _rss(self) -> dict[int, int]:
        out = {}
        for pid in self._pids():
            try:
                out[pid] = psutil.Process(pid).memory_info().rss
            except psutil.NoSuchProcess:
                continue
        return out

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            for pid, rss in self._rss().items():
                self.peak[pid] = max(self.peak.get(pid, 0), rss)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def wait_text(page, text: str, timeout: float = 300_000) -> None:
    page.wait_for_function(
        "t => document.body && document.body.innerText.includes(t)", arg=text, timeout=timeout
    )


def upload(browser, url: str, big: Path, pids: dict[str, Callable[[], list[int]]]) -> dict[str, float]:
    page = browser.new_context().new_page()
    page.goto(url)
    page.wait_for_selector("input[type=file]", state="attached", timeout=120_000)
    page.wait_for_timeout(1500)  # let the app settle before the baseline
    everyone = lambda: [p for get in pids.values() for p in get()]  # noqa: E731
    memory = PeakMemory(everyone)
    start = time.perf_counter()
    page.locator("input[type=file]").first.set_input_files(str(big))
    wait_text(page, f"Size: {big.stat().st_size}")
    elapsed = time.perf_counter() - start
    page.wait_for_timeout(300)
    out = {"seconds to the size shown": elapsed}
    memory.stop()
    for name, get in pids.items():
        out[f"peak memory rise, {name} (MB)"] = sum(
            (memory.peak.get(p, 0) - memory.base.get(p, 0)) / MB for p in get()
        )
    page.context.close()
    return out


def rerun_bytes(browser, url: str) -> dict[str, float]:
    page = browser.new_context().new_page()
    counting = {"on": False, "ws": 0, "http": 0, "http_requests": 0}

    def on_socket(ws) -> None:
        def frame(payload) -> None:
            if counting["on"]:
                counting["ws"] += len(payload if isinstance(payload, bytes) else payload.encode())

        ws.on("framereceived", frame)

    def on_response(response) -> None:
        if counting["on"] and ("/media/" in response.url or response.request.resource_type == "image"):
            counting["http_requests"] += 1
            counting["http"] += int(response.headers.get("content-length") or 0)

    page.on("websocket", on_socket)
    page.on("response", on_response)
    page.goto(url)
    wait_text(page, "Runs: 1", timeout=120_000)
    page.wait_for_function("document.querySelectorAll('img').length >= 20 && "
                           "[...document.querySelectorAll('img')].every(i => i.complete)", timeout=60_000)  # fmt: skip
    page.wait_for_timeout(1500)
    counting["on"] = True
    page.get_by_role("button", name="Rerun").click()
    wait_text(page, "Runs: 2")
    page.wait_for_timeout(1500)  # anything sent after the text changed
    counting["on"] = False
    page.context.close()
    return {
        "websocket bytes received on the rerun": counting["ws"],
        "media bytes fetched over HTTP on the rerun": counting["http"],
        "media requests on the rerun": counting["http_requests"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--no-streamlit", action="store_true", help="nbstream's figures only")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work = Path(tmp)
        big = work / "big.bin"
        with big.open("wb") as f:
            f.write(bytes(range(256)) * (args.mb * MB // 256))
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        apps = work / "apps"
        apps.mkdir()
        write_app(apps, "upload", UPLOAD_APP)
        write_app(apps, "images", IMAGES_APP)
        home = work / "voila"
        home.mkdir()
        voila = start_voila(apps, home)
        try:
            pids = {"kernel": voila.kernels, "server": lambda: [voila.proc.pid]}
            results["nbstream (Voila) upload"] = upload(
                browser, f"{voila.url}voila/render/upload.ipynb", big, pids
            )
            results["nbstream (Voila) 20 images rerun"] = rerun_bytes(
                browser, f"{voila.url}voila/render/images.ipynb"
            )
        finally:
            voila.stop()

        python = None if args.no_streamlit else streamlit_python()
        if python:
            for name, app in (("upload", UPLOAD_APP), ("20 images rerun", IMAGES_APP)):
                folder = work / f"st-{name.split()[0]}"
                folder.mkdir()
                with streamlit_server(folder, python, app) as url:
                    if name == "upload":
                        server = next(
                            p.pid
                            for p in psutil.Process().children(recursive=True)
                            if "streamlit" in " ".join(p.cmdline())
                        )
                        results["streamlit upload"] = upload(
                            browser, url, big, {"server": lambda s=server: [s]}
                        )
                    else:
                        results["streamlit 20 images rerun"] = rerun_bytes(browser, url)
        browser.close()

    print(f"Upload of {args.mb} MB and 20 unchanged images rerun (headless Chromium)")
    for title, figures in results.items():
        print(title)
        for name, value in figures.items():
            print(f"  {name:45s} {value:12.2f}" if isinstance(value, float) else f"  {name:45s} {value:12d}")
    if not python:
        print("(streamlit not installed: no comparison)")


if __name__ == "__main__":
    main()
