"""`nbstream serve` beside `streamlit run` and Voila: memory per session, first paint,
click latency with many tabs.

    python benchmarks/serve.py            # 1, 10 and 50 tabs
    python benchmarks/serve.py --quick    # 1 and 10 tabs, fewer clicks
    python benchmarks/serve.py --load     # also: sessions one kernel serves before a click takes 100 ms
    python benchmarks/serve.py --cpu      # only: a light tab's click beside CPU-heavy sessions, 1 vs 2 kernels

The counter app of browser_latency.py runs as one script under `nbstream serve` (one
kernel), `streamlit run` (when /tmp/st-venv or STREAMLIT_PYTHON has Streamlit) and, for
the kernel-per-tab cost it replaces, as a notebook in Voila (1 and 5 tabs).  Each tab is
a Chromium page of one browser context, kept open; memory is the resident set (RSS) of
the server's whole process tree (server and kernels) once the tabs are drawn, and the
cost of a session is (RSS at n tabs - RSS at 1 tab) / (n - 1).  First paint is navigation
-> the count on screen in a fresh tab of a warm server (median of several tabs); click
-> text is measured in the page (browser_latency.py's CLICKS_JS), in one tab, and in one
tab of 20 open ones; with --load, in one tab while 10, 25, 50, ... headless sessions
(websocket clients) each rerun the app once a second, up to the first count where the
median passes 100 ms; with --cpu, in a light tab while 1, 2, 4 and 8 sessions each rerun
once a second a script that holds the CPU (pure Python, so the GIL) for 200 ms, on one
kernel and on two (`server.kernels`).  A benchmark, not a test: it prints figures and exits 0.
Targets (issue 19): <= 2 MiB per extra session; first paint <= Streamlit's warm one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser_latency import APP, CLICKS_JS, GAPS, click_series, first_render, med, streamlit_python  # noqa: E402
from e2e_helpers import ARGS, CHROMIUM, Server, free_port, start_voila, write_app  # noqa: E402

MIB = 1024 * 1024

# The counter app, where a session opened with ?work=N first holds the CPU for N ms in pure
# Python on every run (the GIL-bound script of a CPU-heavy app).
CPU_APP = (
    """
import time
work = int(st.query_params.get("work", "0"))
end = time.perf_counter() + work / 1000
while time.perf_counter() < end:
    pass
"""
    + APP
)


def tree_rss(pid: int) -> float:
    """MiB resident in the process and all its descendants."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total / MIB


def open_tabs(context, url: str, pages: list, n: int) -> None:
    while len(pages) < n:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(
            "() => document.body && document.body.textContent.includes('Count: 0')", timeout=180_000
        )
        pages.append(page)


def memory(browser, url: str, pid: int, counts: list[int]) -> dict[int, float]:
    """The server tree's RSS with 1, ..., n tabs open."""
    context = browser.new_context(viewport={"width": 800, "height": 600})
    pages: list = []
    found = {}
    try:
        for n in counts:
            open_tabs(context, url, pages, n)
            time.sleep(3)  # the runs end, the sessions settle
            found[n] = tree_rss(pid)
    finally:
        context.close()
    return found


def clicks_among(browser, url: str, scope: str, others: int, n: int) -> dict[str, float]:
    """Click -> text in one tab while ``others`` more tabs of the app are open."""
    context = browser.new_context(viewport={"width": 800, "height": 600})
    try:
        pages: list = []
        open_tabs(context, url, pages, others + 1)
        pages[-1].bring_to_front()
        return click_series(pages[-1], scope, n)
    finally:
        context.close()


class Busy:
    """``n`` headless sessions over the serve websocket, each rerunning its app every second
    (a person clicking once a second), reading what comes back."""

    def __init__(self, url: str, n: int, search: str = "") -> None:
        import threading
        import urllib.parse

        self.url = url.replace("http://", "ws://") + "_nbstream/ws?search=" + urllib.parse.quote(search)
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(n)]
        for thread in self.threads:
            thread.start()
            time.sleep(0.05)

    def _run(self) -> None:
        from websockets.sync.client import connect

        with connect(self.url, max_size=None) as ws:
            while not self.stop.is_set():
                ws.send('{"t": "rerun"}')
                due = time.monotonic() + 1
                while (left := due - time.monotonic()) > 0:
                    try:
                        ws.recv(timeout=left)
                    except TimeoutError:
                        break

    def close(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(5)


def sessions_under(
    browser, url: str, steps: list[int], n: int, limit: float = 100.0, search: str = ""
) -> dict[int, float]:
    """Paced click -> text in a tab while more and more sessions (opened with ``search``)
    rerun once a second; stops at the first count whose median passes ``limit`` ms."""
    found: dict[int, float] = {}
    busy: list[Busy] = []
    try:
        for count in steps:
            busy.append(Busy(url, count - sum(len(b.threads) for b in busy), search))
            time.sleep(3)
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            page.wait_for_function("() => document.body.textContent.includes('Count: 0')", timeout=120_000)
            # A click never answered (an overloaded kernel) counts as over the limit.
            bounded = f"(args) => Promise.race([({CLICKS_JS})(args), new Promise((r) => setTimeout(r, 60000, null))])"
            times = page.evaluate(bounded, [n, ".nbs-main", 250])
            found[count] = med(times) if times else float("inf")
            context.close()
            if found[count] > limit:
                break
    finally:
        for b in busy:
            b.close()
    return found


def start_serve(folder: Path, home: Path, app: str = APP, kernels: int = 1) -> Server:
    script = folder / "app.py"
    script.write_text("import nbstream as st\n" + app)
    port = free_port()
    argv = [sys.executable, "-m", "nbstream.cli", "serve", str(script), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true",
            "--server.kernels", str(kernels)]  # fmt: skip
    return Server(argv, home, "nbstream/static/manifest.json", port)


def start_streamlit(folder: Path, python: str) -> tuple[subprocess.Popen, str]:
    script = folder / "streamlit_app.py"
    script.write_text("import streamlit as st\n" + APP)
    port = free_port()
    argv = [python, "-m", "streamlit", "run", str(script), "--server.headless=true", f"--server.port={port}",
            "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"]  # fmt: skip
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}/"
    import urllib.request

    for _ in range(240):
        try:
            urllib.request.urlopen(url + "_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.25)
    return proc, url


def report_memory(name: str, rss: dict[int, float], results: dict[str, str]) -> None:
    first = min(rss)
    for n, value in rss.items():
        results[f"{name} RSS, {n} tab(s)"] = f"{value:8.1f} MiB"
        if n > first:
            results[f"{name} per extra session ({n} tabs)"] = f"{(value - rss[first]) / (n - first):8.2f} MiB"


class Results(dict):
    """Figures, each printed as soon as it is measured (a later failure loses none)."""

    def __setitem__(self, name: str, value: str) -> None:
        super().__setitem__(name, value)
        print(f"  {name:<44} {value}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-voila", action="store_true")
    parser.add_argument("--no-streamlit", action="store_true")
    parser.add_argument(
        "--load", action="store_true", help="sessions one kernel serves before a click takes 100 ms"
    )
    parser.add_argument(
        "--cpu", action="store_true", help="only: clicks beside CPU-heavy sessions, 1 vs 2 kernels"
    )
    args = parser.parse_args()
    if args.cpu:
        cpu_heavy(10 if args.quick else 20)
        return
    counts = [1, 10] if args.quick else [1, 10, 50]
    n, loads = (10, 3) if args.quick else (20, 5)

    from playwright.sync_api import sync_playwright

    results: dict[str, str] = Results()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work = Path(tmp)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        home = work / "serve"
        home.mkdir()
        served = start_serve(work, home)
        try:
            open_tabs(browser.new_context(), served.url, [], 1)  # warm: the bundle cached, a run done
            results["serve first paint (warm)"] = (
                f"{med(first_render(browser, served.url, loads)[0]):8.1f} ms"
            )
            for others in (0, 19):
                for pace, value in clicks_among(browser, served.url, ".nbs-main", others, n).items():
                    results[f"serve click ({pace}), {others + 1} tab(s)"] = f"{value:8.1f} ms"
            report_memory("serve", memory(browser, served.url, served.proc.pid, counts), results)
            if args.load:
                steps = [10, 25, 50, 100, 200]
                for count, value in sessions_under(browser, served.url, steps, n).items():
                    results[f"serve click, {count} sessions rerunning 1/s"] = f"{value:8.1f} ms"
        finally:
            served.stop()

        python = None if args.no_streamlit else streamlit_python()
        if python:
            proc, url = start_streamlit(work, python)
            try:
                open_tabs(browser.new_context(), url, [], 1)
                results["streamlit first paint (warm)"] = (
                    f"{med(first_render(browser, url, loads)[0]):8.1f} ms"
                )
                for others in (0, 19):
                    for pace, value in clicks_among(browser, url, "body", others, n).items():
                        results[f"streamlit click ({pace}), {others + 1} tab(s)"] = f"{value:8.1f} ms"
                report_memory("streamlit", memory(browser, url, proc.pid, counts), results)
            finally:
                os.killpg(proc.pid, 15)
                proc.wait(15)

        if not args.no_voila:
            apps = work / "apps"
            apps.mkdir()
            write_app(apps, "bench", APP)
            home = work / "voila"
            home.mkdir()
            voila = start_voila(apps, home)
            try:
                url = f"{voila.url}voila/render/bench.ipynb"
                report_memory("voila", memory(browser, url, voila.proc.pid, [1, 5]), results)
            finally:
                voila.stop()
        browser.close()

    print(f"nbstream serve beside streamlit run and Voila (clicks: median of {n}, {', '.join(GAPS)})")
    for name, value in results.items():
        print(f"  {name:<44} {value}")


def cpu_heavy(n: int) -> None:
    """A light tab's click -> text while CPU-heavy sessions rerun, on one kernel and on two."""
    from playwright.sync_api import sync_playwright

    results: dict[str, str] = Results()
    print(f"click in a light tab beside sessions holding the CPU 200 ms a second (median of {n})")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for kernels in (1, 2):
            work = Path(tmp) / f"k{kernels}"
            work.mkdir()
            served = start_serve(work, work, CPU_APP, kernels)
            try:
                open_tabs(browser.new_context(), served.url, [], 1)
                found = sessions_under(browser, served.url, [1, 2, 4, 8], n, limit=1e9, search="?work=200")
                for count, value in found.items():
                    results[f"{kernels} kernel(s), {count} CPU-heavy session(s)"] = f"{value:8.1f} ms"
            finally:
                served.stop()
        browser.close()


if __name__ == "__main__":
    main()
