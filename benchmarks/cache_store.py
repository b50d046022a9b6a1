"""A cache_data hit of a 1M-row frame: from Redis, from the disk store, and Streamlit's.

    python benchmarks/cache_store.py               # 1M rows x 4 float columns (32 MB)
    python benchmarks/cache_store.py --rows 200K

For each shared store, one process computes the frame (the writer: another replica),
then a fresh process (a new kernel, or a kernel on another machine) times:

* the first hit, read from the shared store (includes importing pyarrow);
* warm store hits: the kernel's memory emptied before each call, so every call reads
  the store again;
* memory hits: the kernel's own copy-on-write copy (what every later call is).

Streamlit's figure is its in-process hit (Streamlit has no store shared by processes),
run with /tmp/st-venv/bin/python (or ``STREAMLIT_PYTHON``) in the same run.  Redis is
Debian's ``redis-server``, started on 127.0.0.1 on a free port for the run.  This is a
benchmark, not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

STREAMLIT_PYTHON = os.environ.get("STREAMLIT_PYTHON", "/tmp/st-venv/bin/python")
HITS = 5


def parse_rows(text: str) -> int:
    text = text.upper()
    scale = {"K": 1_000, "M": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("KM")) * scale)


# ---- the worker: one process, one role ----------------------------------------------------


def worker(lib: str, role: str, rows: int, store: str, where: str) -> dict:
    logging.disable(logging.WARNING)  # Streamlit warns about bare mode at every call
    import numpy as np
    import pandas as pd

    if lib == "streamlit":
        import streamlit as st
    else:
        import nbstream as st
        from nbstream.caching import cached_func, shared
        from nbstream.runtime.session import AppSession

        st.set_option("cache.store", store)
        if store == "redis":
            st.set_option("cache.redisUrl", where)
        else:
            st.set_option("cache.dir", where)
            st.set_option("cache.maxDiskSize", 1 << 30)
        AppSession.bare().app_id = "benchmark-app"  # as the front end sets it

    @st.cache_data
    def load_data(rows):
        return pd.DataFrame(np.random.default_rng(0).random((rows, 4)), columns=["a", "b", "c", "d"])

    def timed() -> float:
        t0 = time.perf_counter()
        frame = load_data(rows)
        elapsed = time.perf_counter() - t0
        assert len(frame) == rows
        frame.iloc[0, 0] = -1.0  # each caller's own, writable copy
        return elapsed

    out: dict = {}
    if role == "write" or lib == "streamlit":
        out["miss"] = timed()
        if lib == "nbstream":
            shared.current().flush()
    if lib == "streamlit":
        out["memory_hit"] = statistics.median(timed() for _ in range(HITS))
        return out
    if role == "read":
        out["first_store_hit"] = timed()
        warm = []
        for _ in range(HITS):
            for memory in cached_func.memory_caches("cache_data"):
                memory.clear()  # this kernel's memory only: the next call reads the store
            warm.append(timed())
        out["store_hit"] = statistics.median(warm)
        out["memory_hit"] = statistics.median(timed() for _ in range(HITS))
    return out


def run_worker(python: str, lib: str, role: str, rows: int, store: str, where: str) -> dict:
    args = [python, __file__, "--worker", lib, role, str(rows), store, where]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{lib} {role} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---- the Redis server of the run ------------------------------------------------------------


def start_redis() -> tuple[subprocess.Popen, str]:
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("redis-server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", default="1M")
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        lib, role, rows, store, where = options.worker
        print(json.dumps(worker(lib, role, int(rows), store, where)))
        return
    rows = parse_rows(options.rows)
    results: dict[str, dict] = {}
    redis_process, url = start_redis()
    folder = tempfile.mkdtemp(prefix="nbstream-bench-")
    try:
        for store, where in (("redis", url), ("disk", folder)):
            write = run_worker(sys.executable, "nbstream", "write", rows, store, where)
            read = run_worker(sys.executable, "nbstream", "read", rows, store, where)
            results[f"nbstream, {store} store"] = {**write, **read}
    finally:
        redis_process.kill()
        redis_process.wait()
        shutil.rmtree(folder, ignore_errors=True)
    if os.path.exists(STREAMLIT_PYTHON):
        results["Streamlit, in-process"] = run_worker(STREAMLIT_PYTHON, "streamlit", "read", rows, "-", "-")
    else:
        print(f"(Streamlit skipped: no {STREAMLIT_PYTHON})")

    print(
        f"cache_data hit of a {rows:,}-row x 4-column float frame ({rows * 32 / 1e6:.0f} MB), median of {HITS}"
    )
    columns = ("miss", "first_store_hit", "store_hit", "memory_hit")
    print(f"{'':26}" + "".join(f"{c:>17}" for c in columns))
    for label, figures in results.items():
        cells = "".join(f"{figures[c] * 1000:>14.1f} ms" if c in figures else f"{'-':>17}" for c in columns)
        print(f"{label:26}{cells}")
    st_hit = results.get("Streamlit, in-process", {}).get("memory_hit")
    if st_hit:
        for store in ("redis", "disk"):
            figures = results[f"nbstream, {store} store"]
            print(
                f"{store}: a hit read from the store (a new kernel, another replica) "
                f"{_versus(figures['store_hit'], st_hit)}; a memory hit {_versus(figures['memory_hit'], st_hit)}"
            )


def _versus(ours: float, streamlit: float) -> str:
    if ours <= streamlit:
        return f"is {streamlit / ours:.1f}x faster than Streamlit's in-process hit"
    return f"takes {ours / streamlit:.1f}x Streamlit's in-process hit"


if __name__ == "__main__":
    main()
