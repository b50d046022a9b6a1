"""st.dataframe on large frames: nbstream against pandas/pyarrow limits and Streamlit.

    python benchmarks/dataframe.py                 # 1M and 10M rows, kernel side, and browsers
    python benchmarks/dataframe.py --rows 1000000  # one size
    python benchmarks/dataframe.py --no-browser    # kernel-side figures only

For a frame of N rows x 4 float columns it measures, in this process:

* first paint, kernel side: the ``st.dataframe`` call plus the wire form of its element
  (props as JSON + binary buffers), and the bytes that travel;
* a 100-row window at offset 5M (or N/2) as the browser asks for it on scroll;
* a sort by one column (pyarrow, over all rows), then a window of the sorted view;
* a search over all rows;

beside their floors (pyarrow and pandas doing just that work) and beside what shipping
the whole frame as Arrow IPC would cost.  With ``/tmp/st-venv/bin/python`` (or
``STREAMLIT_PYTHON``) and ``/usr/bin/chromium``, it also serves the same frame with
Streamlit and with nbstream under Voila, opens each in Chromium, and counts the
websocket bytes until the table is drawn; for nbstream it also times a window fetch
end to end in the browser.  Ratios are nbstream / peer (below 1: nbstream is cheaper).

This is a benchmark, not a test: it prints figures.  Targets (issue 6): first paint of
10M rows ships no more bytes than Streamlit and takes < 100 ms in the kernel; a window
< 2 ms in the kernel and < 20 ms end to end under Voila; a sort of 10M rows < 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

CHROMIUM = "/usr/bin/chromium"
STREAMLIT_PYTHON = os.environ.get("STREAMLIT_PYTHON", "/tmp/st-venv/bin/python")
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]


def frame(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(rng.standard_normal((rows, 4)), columns=["a", "b", "c", "d"])


def timed(fn, repeat: int = 1) -> tuple[float, Any]:
    """Median seconds of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def size(n: int) -> str:
    return f"{n / 1024:9.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:9.1f} MB"


# ---- kernel side ------------------------------------------------------------------------------


def kernel_figures(rows: int) -> dict[str, Any]:
    from nbstream.elements._base import REQUEST_HANDLERS
    from nbstream.render.wire import to_wire
    from nbstream.runtime.script import Script
    from nbstream.testing import AppTest

    df = frame(rows)
    script = textwrap.dedent(
        """
        import time
        import nbstream as st
        start = time.perf_counter()
        st.dataframe(df)
        st.session_state.call = time.perf_counter() - start
        """
    )
    at = AppTest(Script(script, seed={"df": df}), default_timeout=600).run()
    call = at.session_state.call
    node = at.dataframe[0]._node
    wire_time, (wire, blobs) = timed(lambda: to_wire(at._session.tree))
    props_json = json.dumps([c for c in wire["children"][0]["children"]], default=str)
    first_bytes = len(props_json) + sum(len(b) for b in blobs.values())
    handler = REQUEST_HANDLERS["dataframe"]
    offset = min(5_000_000, rows // 2)
    field = node.props["columns"][1]["field"]
    window_time, (_, [window]) = timed(
        lambda: handler(node, {"start": offset, "stop": offset + 100}), repeat=50
    )
    sort_time, _ = timed(lambda: handler(node, {"start": 0, "stop": 100, "sort": [field, "asc"]}))
    sorted_window, _ = timed(
        lambda: handler(node, {"start": offset, "stop": offset + 100, "sort": [field, "asc"]}), repeat=20
    )
    search_time, (search_content, _) = timed(
        lambda: handler(node, {"start": 0, "stop": 100, "search": "0.5"})
    )

    # The floors: pyarrow / pandas doing only that work.
    table = pa.Table.from_pandas(df, preserve_index=False)
    full_time, full = timed(lambda: ipc(pa.Table.from_pandas(df, preserve_index=True)))
    slice_time, piece = timed(lambda: ipc(table.slice(offset, 100)), repeat=50)
    arrow_sort, _ = timed(lambda: pc.array_sort_indices(table.column("a"), order="ascending"))
    pandas_sort, _ = timed(lambda: df.sort_values("a"))
    return {
        "rows": rows,
        "first_paint_s": call + wire_time,
        "call_s": call,
        "wire_s": wire_time,
        "first_bytes": first_bytes,
        "window_s": window_time,
        "window_bytes": len(window),
        "sort_s": sort_time,
        "sorted_window_s": sorted_window,
        "search_s": search_time,
        "search_rows": search_content["rows"],
        "full_ipc_s": full_time,
        "full_ipc_bytes": len(full),
        "slice_s": slice_time,
        "slice_bytes": len(piece),
        "arrow_sort_s": arrow_sort,
        "pandas_sort_s": pandas_sort,
    }


def print_kernel(f: dict[str, Any]) -> None:
    print(f"\n== {f['rows']:,} rows x 4 float columns: kernel side ==")
    print(
        f"first paint     {ms(f['first_paint_s'])}  ({ms(f['call_s']).strip()} call + {ms(f['wire_s']).strip()} wire)"
        f"  {size(f['first_bytes'])}"
    )
    print(
        f"  vs whole frame as Arrow IPC {ms(f['full_ipc_s'])}  {size(f['full_ipc_bytes'])}"
        f"   ratio time {f['first_paint_s'] / f['full_ipc_s']:.3f}, bytes {f['first_bytes'] / f['full_ipc_bytes']:.5f}"
    )
    print(
        f"window @{min(5_000_000, f['rows'] // 2):,}  {ms(f['window_s'])}  {size(f['window_bytes'])}"
        f"   floor (pyarrow slice+IPC) {ms(f['slice_s']).strip()} {size(f['slice_bytes']).strip()}"
        f"   ratio {f['window_s'] / f['slice_s']:.2f}"
    )
    print(
        f"sort (1 column) {ms(f['sort_s'])}   pyarrow sort_indices {ms(f['arrow_sort_s']).strip()}"
        f" (ratio {f['sort_s'] / f['arrow_sort_s']:.2f}),  pandas sort_values {ms(f['pandas_sort_s']).strip()}"
        f" (ratio {f['sort_s'] / f['pandas_sort_s']:.2f})"
    )
    print(f"  window of the sorted view {ms(f['sorted_window_s'])}")
    print(f"search '0.5'    {ms(f['search_s'])}   {f['search_rows']:,} matching rows")


# ---- in a browser -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError as exc:
            if getattr(exc, "code", None):
                return
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not start")


def _stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def _measure_page(url: str, selector: str, window_js: str | None = None) -> dict[str, Any]:
    """Open ``url`` and count websocket bytes until ``selector`` shows; optionally time ``window_js``."""
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"ws_bytes": 0, "ws_frames": 0}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})

        def on_ws(ws):
            def got(payload):
                out["ws_bytes"] += len(payload) if isinstance(payload, (bytes, str)) else 0
                out["ws_frames"] += 1

            ws.on("framereceived", got)

        page.on("websocket", on_ws)
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(selector, timeout=300_000)
        out["paint_s"] = time.perf_counter() - start
        page.wait_for_timeout(1500)  # let trailing frames of the first paint arrive
        out["ws_bytes_settled"], out["ws_frames_settled"] = out["ws_bytes"], out["ws_frames"]
        if window_js:
            out["window_ms"] = page.evaluate(window_js)
        browser.close()
    return out


def streamlit_in_browser(rows: int) -> dict[str, Any] | None:
    if not (Path(STREAMLIT_PYTHON).exists() and Path(CHROMIUM).exists()):
        return None
    root = Path(tempfile.mkdtemp(prefix="bench-st-"))
    (root / "app.py").write_text(
        textwrap.dedent(f"""
        import time
        import numpy as np, pandas as pd, streamlit as st
        @st.cache_data
        def frame():
            rng = np.random.default_rng(0)
            return pd.DataFrame(rng.standard_normal(({rows}, 4)), columns=["a", "b", "c", "d"])
        df = frame()
        start = time.perf_counter()
        st.dataframe(df)
        open({str(root / "call.txt")!r}, "w").write(str(time.perf_counter() - start))
    """)
    )
    port = _free_port()
    cmd = [
        STREAMLIT_PYTHON,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
        "--server.maxMessageSize=2000",
    ]
    proc = subprocess.Popen(
        cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        _wait_http(f"http://127.0.0.1:{port}/_stcore/health", proc)
        out = _measure_page(f"http://127.0.0.1:{port}", "[data-testid=stDataFrame] canvas")
        out["call_s"] = float((root / "call.txt").read_text()) if (root / "call.txt").exists() else None
        return out
    finally:
        _stop(proc)
        shutil.rmtree(root, ignore_errors=True)


NB_WINDOW_JS = """async () => {
  const grid = document.querySelector('[data-kind=dataframe]').__grid
      || document.querySelector('[data-kind=dataframe] .nbs-df').__grid;
  const times = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await grid.store.request({op: 'rows', start: 5000000 - i * 1000, stop: 5000100 - i * 1000, sort: null, search: ''});
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[10];
}"""


def nbstream_in_browser(rows: int, baseline: bool = False) -> dict[str, Any] | None:
    voila = shutil.which("voila", path=str(Path(sys.executable).parent))
    if not (voila and Path(CHROMIUM).exists()):
        return None
    root = Path(tempfile.mkdtemp(prefix="bench-nb-"))

    def cell(src):
        return {
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": src,
        }

    app = textwrap.dedent(f"""\
        import numpy as np, pandas as pd
        rng = np.random.default_rng(0)
        df = pd.DataFrame(rng.standard_normal(({rows}, 4)), columns=["a", "b", "c", "d"])
        st.dataframe(df)
    """)
    if baseline:  # the same app without the table: Voila's and the app shell's own traffic
        app = 'st.text("baseline")\n'
    nb = {
        "cells": [cell("import nbstream as st"), cell("%%stapp bench\n" + app)],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (root / "app.ipynb").write_text(json.dumps(nb))
    env = dict(os.environ, JUPYTER_PLATFORM_DIRS="1")
    for name in ("CONFIG", "DATA", "RUNTIME"):
        env[f"JUPYTER_{name}_DIR"] = str(root / name.lower())
    port = _free_port()
    cmd = [voila, "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1", "app.ipynb"]
    proc = subprocess.Popen(
        cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        _wait_http(f"http://127.0.0.1:{port}/voila/static/voila.js", proc)
        if baseline:
            return _measure_page(f"http://127.0.0.1:{port}", "[data-kind=text]")
        window = NB_WINDOW_JS if rows > 5_000_100 else NB_WINDOW_JS.replace("5000", str(rows // 2000))
        return _measure_page(f"http://127.0.0.1:{port}", "[data-kind=dataframe] .nbs-df-row", window)
    finally:
        _stop(proc)
        shutil.rmtree(root, ignore_errors=True)


def print_browser(
    rows: int, nb: dict[str, Any] | None, st: dict[str, Any] | None, base: dict[str, Any] | None
) -> None:
    print(f"\n== {rows:,} rows: in Chromium (websocket bytes received until the table is drawn) ==")
    if nb and base:
        nb["ws_bytes_settled"] = max(0, nb["ws_bytes_settled"] - base["ws_bytes_settled"])
        print(
            f"(Voila and the app shell's own traffic, {size(base['ws_bytes_settled']).strip()}, measured with the"
            " same app without the table, is subtracted)"
        )
    if nb:
        print(
            f"nbstream (Voila)  {size(nb['ws_bytes_settled'])} in {nb['ws_frames_settled']} frames,"
            f" page to table {nb['paint_s']:.2f} s (includes kernel start and computing the frame);"
            f" window fetch end to end {nb.get('window_ms', float('nan')):.2f} ms (median of 20)"
        )
    else:
        print("nbstream (Voila)  skipped (needs voila and /usr/bin/chromium)")
    if st:
        call = f", st.dataframe call {ms(st['call_s']).strip()}" if st.get("call_s") is not None else ""
        print(f"Streamlit         {size(st['ws_bytes_settled'])} in {st['ws_frames_settled']} frames{call}")
    else:
        print("Streamlit         skipped (needs /tmp/st-venv/bin/python and /usr/bin/chromium)")
    if nb and st and st["ws_bytes_settled"]:
        print(
            f"ratio nbstream / Streamlit bytes: {nb['ws_bytes_settled'] / st['ws_bytes_settled']:.3f}"
            " (nbstream's count includes Voila's own widget and kernel messages)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, action="append", help="row counts (default: 1M and 10M)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)
    for rows in args.rows or [1_000_000, 10_000_000]:
        print_kernel(kernel_figures(rows))
        if not args.no_browser:
            base = nbstream_in_browser(rows, baseline=True)
            print_browser(rows, nbstream_in_browser(rows), streamlit_in_browser(rows), base)


if __name__ == "__main__":
    main()
